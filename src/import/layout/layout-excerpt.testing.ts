/**
 * Hand-made excerpts of `pdftotext -layout` output for the layout reader's tests: lines built from
 * texts at the columns they start at, and the head of a form most of the excerpts share; and the
 * forms of the fixtures read whole.
 */
import { readFileSync } from 'node:fs';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { readTextForms } from '../text/read-text-forms.ts';

/** A line with each text starting at its column. */
export function at(...parts: Array<[number, string]>): string {
  let line = '';
  for (const [col, text] of parts) line = line.padEnd(col) + text;
  return line;
}

/** A form's title and its first header row (项目名称, 预算单位), then a blank line. */
export const HEAD: readonly string[] = [
  '                              2023年度财政项目绩效自评价',
  '  项目名称       社区图书角运营                        预算单位             上海市某区文化局',
  '',
];

/** The indicator table's titles — 一级指标 0, 指标名称 16, 目标值 34, 权重 46, 评分规则 54, 自评分 76, 备注 86 — then a blank line. */
export const TITLES: readonly string[] = [at([2, '一级指标'], [16, '指标名称'], [34, '目标值'], [46, '权重'], [54, '评分规则'], [76, '自评分'], [86, '备注']), ''];

/** A form of the fixtures (`dir` under test/fixtures) read from its text, the field paths its diagnostics name, and the evaluation it was made from. */
export async function readFixture(dir: string, form: string): Promise<{ read: Evaluation; named: string[]; expected: Evaluation }> {
  const file = (ext: string) => readFileSync(new URL(`../../../test/fixtures/${dir}/${form}.${ext}`, import.meta.url), 'utf8');
  const imported = await readTextForms({ file: `${form}.txt`, bytes: new TextEncoder().encode(file('txt')) });
  return { read: imported.forms[0]!.evaluation, named: imported.diagnostics.map((d) => d.path ?? ''), expected: JSON.parse(file('json')) as Evaluation };
}

/** One field of every indicator of a form of test/fixtures/layout-read, as read from its text and as the form holds it (`field` picks it). */
export async function readIndicatorField<T>(form: string, field: (indicator: Evaluation['indicators'][number]) => T): Promise<{ read: T[]; expected: T[] }> {
  const { read, expected } = await readFixture('layout-read', form);
  return { read: read.indicators.map(field), expected: expected.indicators.map(field) };
}
