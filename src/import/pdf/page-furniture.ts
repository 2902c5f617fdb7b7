/**
 * Running headers and footers: what a spreadsheet prints on every page of a form running over
 * pages (`第 1 页，共 3 页`, `- 2 -`, `Page 2 of 3`) and no cell of the form holds. Left in, such a
 * line sits between the table's rows of two pages and would be read as an indicator row. A line
 * is taken for one when it stands at the same height on several pages, reads the same there but
 * for its numbers, and on each of them prints that page's number. Pure: no PDF library here.
 */
import type { Rule } from './page-geometry.ts';
import type { PlacedText } from './ruling-grid.ts';

export interface PageTexts {
  number: number;
  texts: PlacedText[];
  rules: Rule[];
}

/** Lines this close (points) in height on two pages stand at the same place. */
const SAME_PLACE = 2;

interface Line {
  page: number;
  y: number;
  texts: PlacedText[];
  /** The line's text with every run of digits as `#`. */
  shape: string;
  numbers: string[];
}

/** The pieces of text of one page as printed lines (baselines within a fraction of the font size). */
function linesOf(page: PageTexts): Line[] {
  const groups: PlacedText[][] = [];
  for (const t of [...page.texts].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const group = groups.find((g) => Math.abs(g[0]!.y - t.y) <= Math.max(g[0]!.size, t.size) * 0.4);
    if (group) group.push(t);
    else groups.push([t]);
  }
  return groups.map((texts) => {
    const text = texts.sort((a, b) => a.x - b.x).map((t) => t.text).join('').replace(/\s+/gu, '');
    return { page: page.number, y: texts[0]!.y, texts, shape: text.replace(/\d+/gu, '#'), numbers: text.match(/\d+/gu) ?? [] };
  });
}

function printsItsPageNumber(line: Line): boolean {
  return line.numbers.some((n) => Number(n) === line.page);
}

/** Whether the line lies above or below the page's table (all of it, when the page draws no rules). */
function outsideTable(line: Line, rules: readonly Rule[]): boolean {
  const ys = rules.filter((r) => r.orientation === 'horizontal').map((r) => r.at);
  return ys.length === 0 || line.y > Math.max(...ys) || line.y < Math.min(...ys);
}

/**
 * The pages without their running headers and footers, and the lines left out (their text with
 * numbers as `#`, once each) so that the reader can say so.
 */
export function withoutPageFurniture<P extends PageTexts>(pages: readonly P[]): { pages: P[]; leftOut: string[] } {
  const lines = pages.flatMap((page) => linesOf(page).filter((l) => printsItsPageNumber(l) && outsideTable(l, page.rules)));
  const furniture = lines.filter((line) => lines.some((other) => other.page !== line.page && other.shape === line.shape && Math.abs(other.y - line.y) <= SAME_PLACE));
  const dropped = new Set(furniture.flatMap((l) => l.texts));
  return {
    pages: pages.map((page) => ({ ...page, texts: page.texts.filter((t) => !dropped.has(t)) })),
    leftOut: [...new Set(furniture.map((l) => l.shape))],
  };
}
