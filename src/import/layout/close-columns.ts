/**
 * Two cells of a table row set a single space apart: one phrase with a space in it (one column), or
 * two columns printed close (pdftotext keeps one space between them)? The grid builder lets them
 * share a column at a cost; these say where the page shows they cannot.
 */
import { parseTarget } from '../../core/targets/parse-target.ts';
import type { LayoutCell } from './layout-grid.ts';
import { linesOf, printedWidth, tokensOn, type LayoutToken } from './layout-lines.ts';

/** A figure as the narrow columns print it (≥80%, 37万元, 135场): a number with its operator and unit, no words. */
function isFigure(text: string): boolean {
  const target = parseTarget(text);
  return target.kind === 'numeric' && target.label === '';
}

/**
 * Whether `b`, a figure a space after a line of `a`'s wrapped text, ends past the edge that text's
 * other lines show: a wrapped cell fills its lines up to its edge and never past it, so a figure
 * there is the next column's value set close (年度指标值 `…个别指标完成 ≤39万元`), not the end of the text.
 * The edge is shown by another line of `a` about as long as the one `b` follows. Its end counts, not
 * its start: a line with digits in it holds more characters than a line of CJK text alone, so the
 * edge in characters reaches a little past where the figure starts (`服务对 95%` over `象满意度≥90%，按照市`).
 */
export function figurePastWrap(a: LayoutCell, b: LayoutCell): boolean {
  if (!isFigure(b.tokens.map((t) => t.text).join(''))) return false;
  const lines = new Set(b.tokens.map((t) => t.line));
  const before = a.tokens.filter((t) => lines.has(t.line) && t.end <= b.start);
  const others = a.tokens.filter((t) => !lines.has(t.line));
  if (before.length === 0 || others.length === 0) return false;
  const lineEnd = Math.max(...before.map((t) => t.end));
  const edge = Math.max(...others.map((t) => t.end));
  return edge >= lineEnd - 1 && b.end > edge;
}

/**
 * Tokens of one cell that are a figure printed a space after a line of its wrapped text and ending
 * past the edge its other lines show (`落实…资金拨付 ≥197份` over `率达到100%，资金拨付率达到100%，`):
 * the figure overlaps the line below, so it was joined into the cell, yet a wrapped cell never
 * prints past its edge: it is the next column's value set close, with what follows it on its line.
 */
export function figuresPastEdge(cell: LayoutCell): LayoutToken[] {
  const lines = [...new Set(cell.tokens.map((t) => t.line))];
  if (lines.length < 2) return [];
  for (const line of lines) {
    const onLine = cell.tokens.filter((t) => t.line === line).sort((a, b) => a.start - b.start);
    const others = cell.tokens.filter((t) => t.line !== line);
    const edge = Math.max(...others.map((t) => t.end));
    const at = onLine.findIndex((t, i) => i > 0 && isFigure(t.text) && t.end > edge && edge >= onLine[i - 1]!.end - 1);
    if (at > 0) return onLine.slice(at);
  }
  return [];
}

/** How much wider than a cell's edge a line of its own may print (in Chinese characters): one, for the rounding of the fonts' widths. */
const WRAP_SLACK = 1;

/**
 * Tokens of one cell printed a space after a line of its wrapped text and making that line wider
 * than the cell's full lines (all but its last, which may stop short) by more than a character:
 * a wrapped cell fills each line up to its edge and never past it, so what goes on past it is the
 * next column's text set close (`实施进度滞后，服务对象 全年完成主要工。` over `验收、审计和归档，围绕`).
 * Widths are as printed (printedWidth): a line with digits holds more characters than one of CJK
 * text alone.
 */
export function textPastEdge(cell: LayoutCell): LayoutToken[] {
  const lines = linesOf(cell);
  for (const line of lines) {
    const full = lines.filter((l) => l !== line && l !== lines.at(-1));
    if (full.length === 0) continue;
    const edge = Math.max(...full.map((l) => printedWidth(tokensOn(cell, l))));
    const onLine = tokensOn(cell, line).sort((a, b) => a.start - b.start);
    const at = onLine.findIndex((t, i) => i > 0 && printedWidth(onLine.slice(0, i)) <= edge + WRAP_SLACK && printedWidth(onLine.slice(0, i + 1)) > edge + WRAP_SLACK);
    if (at > 0) return withItsWrappedLines(cell, onLine.slice(at));
  }
  return [];
}

/**
 * Whether `b`, set a space after lines of `a`'s wrapped text, would make one of them wider than
 * `a`'s full lines where `b` is not (all but its last, which may stop short) by more than a
 * character: a wrapped cell fills each line up to its edge and never past it, so `b` is the next
 * column's text set close, never one cell with `a`, however near `a`'s column title it stands
 * (pdftotext prints a line of CJK text narrower than the titles over it: `推进数字化转型；提升治理效
 * 规范` under 年度指标值, over `能，受疫情影响部分活动取消`).
 */
export function textPastWrap(a: LayoutCell, b: LayoutCell): boolean {
  const lines = linesOf(a);
  const shared = linesOf(b).filter((l) => lines.includes(l));
  const full = lines.slice(0, -1).filter((l) => !shared.includes(l));
  if (full.length === 0 || shared.length === 0) return false;
  const edge = Math.max(...full.map((l) => printedWidth(tokensOn(a, l))));
  return shared.some((l) => printedWidth([...tokensOn(a, l), ...tokensOn(b, l)]) > edge + WRAP_SLACK);
}

/**
 * The tokens `past`, printed past a cell's edge on one line, with those of the cell's lines next
 * to it (and next to those) that begin where `past` does, a single space after the cell's text: the
 * next column's wrapped cell begins each of its lines at its own edge, and a line of it short enough
 * to stay within the slack of this cell's edge is its too (推进数字化转型；提升治 over 理, each a space
 * after a line of the target).
 */
function withItsWrappedLines(cell: LayoutCell, past: readonly LayoutToken[]): LayoutToken[] {
  const edge = past[0]!.start;
  const taken = new Set(past);
  const lines = new Set(past.map((t) => t.line));
  const spaceAfterCell = (t: LayoutToken) => cell.tokens.some((u) => u.line === t.line && t.start - u.end === 1);
  for (let grown = true; grown; ) {
    const next = cell.tokens.filter((t) => !taken.has(t) && t.start === edge && (lines.has(t.line - 1) || lines.has(t.line + 1)) && spaceAfterCell(t));
    for (const t of next) taken.add(t), lines.add(t.line);
    grown = next.length > 0;
  }
  // What goes on after such a token on its line is past the edge too.
  return cell.tokens.filter((t) => taken.has(t) || [...taken].some((u) => u.line === t.line && t.start > u.start));
}

/**
 * Whether `b`, set a space right of `a`, holds lines of its own where `a` prints nothing, or prints
 * only two spaces or more left of it: a phrase with a space in it that wraps goes on at its cell's
 * left edge, under `a` (and would be one cell with it), and a cell's line holds no run of spaces,
 * so text going on at `b`'s own edge is another column's wrapped cell (部分工作…推进 细化绩效目标…
 * over 较慢            管).
 */
export function wrapsAlone(a: LayoutCell, b: LayoutCell): boolean {
  const apart = (t: LayoutToken) => a.tokens.every((u) => u.line !== t.line || u.end <= t.start - 2);
  return b.tokens.some((t) => t.start === b.start && apart(t));
}

/**
 * Whether a cell of several lines holds, on one of them, a piece a single space after another where
 * the cell's other lines begin, the piece before it starting further left: a wrapped cell begins
 * each of its lines at its edge, so that line is two columns' text run together (a name, then a
 * space, then the line of the target wrapped beside it: 细化绩效目标，强化过程管理 理和结果运用，). Where
 * one ends is then a guess: the cell is reported.
 */
export function runsIntoWrappedCell(cell: LayoutCell): boolean {
  const lines = [...new Set(cell.tokens.map((t) => t.line))];
  const edgeOf = (line: number) => Math.min(...cell.tokens.filter((t) => t.line === line).map((t) => t.start));
  return lines.some((line) => {
    const onLine = cell.tokens.filter((t) => t.line === line).sort((a, b) => a.start - b.start);
    const edges = lines.filter((l) => l !== line).map(edgeOf);
    // Two lines or more of the cell begin where the piece does: the wrapped cell's own edge.
    return onLine.some((t, i) => i > 0 && t.start - onLine[i - 1]!.end === 1 && onLine[0]!.start < t.start - 1 && edges.filter((e) => Math.abs(e - t.start) <= 1).length >= 2);
  });
}
