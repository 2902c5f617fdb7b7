/**
 * Which template a form is: its title (`{year}年度财政项目绩效自评价`, `项目支出绩效自评表`) first,
 * then how many of the template's labels the form prints. The year comes from the title or the
 * `（2022年度）` line under it.
 */
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import { escapeRegExp } from '../../core/targets/normalize.ts';
import type { PlacedCell } from './form-region.ts';
import { labelKey, labelVariants } from '../labels/label-key.ts';
import { printedColumns } from '../../core/templates/template.ts';
import { chooseTemplate } from '../choose-template.ts';

/** A title cell is short: at most this many characters beyond the title itself. */
const TITLE_SLACK = 40;
const YEAR = '(\\d{4})';

/** The title as a pattern over label keys, `{year}` captured. */
function titlePattern(template: Template): RegExp {
  const parts = labelKey(template.title.zh).split('{year}').map(escapeRegExp);
  return new RegExp(parts.join(YEAR), 'u');
}

function subtitlePattern(template: Template): RegExp | undefined {
  const subtitle = template.fieldLabels['form.subtitle'];
  if (!subtitle) return undefined;
  return new RegExp(labelKey(subtitle.zh).split('{year}').map(escapeRegExp).join(YEAR), 'u');
}

export function isTitleOf(template: Template, cell: PlacedCell): boolean {
  const key = labelKey(cell.text);
  const bare = labelKey(template.title.zh).replace('{year}', '');
  return key.length <= bare.length + TITLE_SLACK && titlePattern(template).test(key);
}

/** The year printed in the title, or in the subtitle within the first rows of the form. */
export function formYear(template: Template, cells: readonly PlacedCell[]): { year: number; location: string } | undefined {
  const title = cells.find((c) => isTitleOf(template, c));
  const subtitle = subtitlePattern(template);
  const candidates: [PlacedCell | undefined, RegExp | undefined][] = [
    [title, titlePattern(template)],
    ...cells.slice(0, 12).map((c): [PlacedCell, RegExp | undefined] => [c, subtitle]),
    [title, /((?:19|20)\d{2})/u],
  ];
  for (const [cell, pattern] of candidates) {
    const match = cell && pattern ? pattern.exec(labelKey(cell.text)) : null;
    if (cell && match?.[1]) return { year: Number(match[1]), location: cell.location };
  }
  return undefined;
}

/** Every cell that is some template's title. */
export function titleCells(templates: readonly Template[], cells: readonly PlacedCell[]): PlacedCell[] {
  return cells.filter((c) => templates.some((t) => isTitleOf(t, c)));
}

function labelScore(template: Template, keys: ReadonlySet<string>): number {
  let score = 0;
  const labels = [...Object.values(template.fieldLabels), ...printedColumns(template).map((c) => c.title)];
  for (const label of labels) {
    if (keys.has(labelKey(label.zh))) score += 2;
    else if ([...labelVariants(label)].some((v) => keys.has(v))) score += 1;
  }
  return score;
}

/** The best template for these cells, or undefined when nothing looks like a form. */
export function detectTemplate(registry: TemplateRegistry, cells: readonly PlacedCell[]): Template | undefined {
  const templates = registry.ids().map((id) => registry.get(id)!);
  const keys = new Set(cells.map((c) => labelKey(c.text)));
  // Without a title, a form must at least print a handful of its labels.
  return chooseTemplate(templates, { items: cells, isTitle: isTitleOf, score: (t) => labelScore(t, keys), minScore: 8 })?.template;
}
