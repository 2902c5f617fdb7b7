/**
 * The words the printed form shows, all from the template (never a second copy in code), in
 * the language asked for: Chinese is the official form, English a reading aid.
 */
import { categoryLabel, fieldLabel } from '../../core/templates/labels.ts';
import type { Label, Template } from '../../core/templates/template.ts';

export type Lang = 'zh' | 'en';

export interface Words {
  template: Template;
  lang: Lang;
}

type Params = Record<string, string | number>;

export function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

function pick(words: Words, label: Label, params: Params = {}): string {
  return fill(label[words.lang], params);
}

/** The label of a model field (`project.name` → 项目名称). */
export function fieldWord(words: Words, path: string): string {
  return pick(words, fieldLabel(words.template, path));
}

/** A layout word (`form.subtitle`, `form.notes` …), or undefined where the template has none. */
export function layoutWord(words: Words, key: string, params: Params = {}): string | undefined {
  const label = words.template.fieldLabels[key];
  return label === undefined ? undefined : pick(words, label, params);
}

export function hasLabel(words: Words, key: string): boolean {
  return words.template.fieldLabels[key] !== undefined;
}

export function titleWord(words: Words, year: number): string {
  return pick(words, words.template.title, { year });
}

export function columnWord(words: Words, column: Template['columns'][number]): string {
  return pick(words, column.title);
}

/** The merged 一级指标 cell: `产出指标(45分)` where the category has a cap of its own. */
export function categoryCaption(words: Words, key: string): string {
  const name = pick(words, categoryLabel(words.template, key));
  const cap = words.template.caps.find((c) => c.categories.length === 1 && c.categories[0] === key);
  if (cap === undefined) return name;
  return layoutWord(words, 'form.blockCaption', { category: name, points: cap.points }) ?? name;
}

/** 是 / 否 for a yes-no field. */
export function yesNoWord(words: Words, value: boolean | undefined): string {
  if (value === undefined) return '';
  return layoutWord(words, value ? 'form.yes' : 'form.no') ?? '';
}
