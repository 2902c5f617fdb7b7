/**
 * The words the form prints, all taken from the template (never a second copy in code), with
 * `{year}`, `{unit}`, `{category}`, `{points}` filled in.
 */
import { categoryLabel } from '../../core/templates/labels.ts';
import type { Template } from '../../core/templates/template.ts';

/** The template's Chinese word for a field or layout key; undefined if the template has none. */
export function formWord(template: Template, key: string, params: Record<string, string | number> = {}): string | undefined {
  const label = template.fieldLabels[key];
  if (!label) return undefined;
  return label.zh.replace(/\{(\w+)\}/gu, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The title with the year: `2021年度财政项目绩效自评价`. */
export function formTitle(template: Template, year: number | undefined): string {
  return template.title.zh.replace('{year}', year === undefined ? '    ' : String(year));
}

/** The points a category's block is capped at, if it has a cap of its own. */
export function categoryPoints(template: Template, key: string): number | undefined {
  return template.caps.find((cap) => cap.categories.length === 1 && cap.categories[0] === key)?.points;
}

/** The merged 一级指标 cell's caption: `产出指标(45分)` where the template has a caption pattern. */
export function categoryCaption(template: Template, key: string): string {
  const name = categoryLabel(template, key).zh;
  const points = categoryPoints(template, key);
  if (points === undefined) return name;
  return formWord(template, 'form.blockCaption', { category: name, points }) ?? name;
}

/** The words printed for a yes/no field (是否为经常性项目). */
export function yesNoWord(template: Template, value: boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  return formWord(template, value ? 'form.yes' : 'form.no');
}
