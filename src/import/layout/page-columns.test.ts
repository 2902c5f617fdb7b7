import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTextForms } from '../text/read-text-forms.ts';
import type { Band } from './layout-grid.ts';
import { layoutLines } from './layout-lines.ts';
import { pageBands } from './page-columns.ts';
import { at, HEAD, TITLES } from './layout-excerpt.testing.ts';

const read = async (lines: string[]) => (await readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(lines.join('\n')) })).forms[0]!.evaluation;

test('a page without the column titles is read by its own columns, in the titles order', async () => {
  const evaluation = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(45分)'], [16, '社区图书角开放天数'], [34, '≥250天'], [46, '45'], [54, '开放满250天，得满分'], [77, '45']),
    '',
    at([0, '效益指标(35分)'], [16, '居民阅读习惯养成度'], [34, '逐步养成'], [46, '35'], [54, '逐步养成，得满分'], [77, '35']),
    // The next page squeezes the empty 一级指标 column and sets every column further left.
    '\f',
    at([7, '读者满意度'], [15, '较满意'], [22, '10'], [26, '反馈较满意，得满分'], [46, '10']),
    at([0, '满意度指标']),
    at([7, '活动参与满意度'], [15, '满意'], [22, '10'], [26, '反馈满意，得满分'], [46, '9']),
    at([8, '合计'], [21, '100'], [45, '99']),
  ]);
  const rows = evaluation.indicators.map((i) => [i.category, i.name, i.target, String(i.weight), i.rule, String(i.score)]);
  assert.deepEqual(rows.slice(2), [
    ['satisfaction', '读者满意度', '较满意', '10', '反馈较满意，得满分', '10'],
    ['satisfaction', '活动参与满意度', '满意', '10', '反馈满意，得满分', '9'],
  ]);
});

const band = (field: string, left: number, right: number): Band => ({ field, left, right, centre: (left + right) / 2, start: left });
const BANDS = [band('category', -8, 14), band('name', 14, 32), band('target', 32, 44), band('weight', 44, 52), band('rule', 52, 74), band('score', 74, 84), band('remark', 84, Number.POSITIVE_INFINITY)];

test("a page's columns: numbers where they cluster, text columns at the left edges their lines share", () => {
  const lines = layoutLines(
    [
      at([1, '读者满意度'], [12, '较满意'], [22, '10'], [26, '反馈较满意，'], [46, '10'], [50, '无']),
      at([26, '得满分']),
      at([1, '活动参与满意度'], [12, '满意'], [22, '5'], [26, '反馈满意'], [46, '9.5']),
    ].join('\n'),
  );
  const bands = pageBands(lines, BANDS)!;
  const leftOf = (field: string) => bands.find((b) => b.field === field)!.left;
  assert.deepEqual(['name', 'target', 'weight', 'rule', 'score', 'remark'].map(leftOf), [0.5, 11.5, 21.5, 25.5, 45.5, 49.5]);
  // The empty 一级指标 column keeps its place before the names, as a sliver.
  assert.ok(leftOf('category') < leftOf('name'));
});

test('a page that does not show every number column keeps the titles columns', () => {
  const lines = layoutLines([at([1, '读者满意度'], [15, '较满意'], [26, '反馈较满意'])].join('\n'));
  assert.equal(pageBands(lines, BANDS), undefined);
});

test('a page printing no 一级指标 caption: the 二级指标 captions starting left of the names are that column, not 一级指标 (seed 16, form 52)', () => {
  const bands = [band('category', -8, 6), band('subcategory', 6, 14), ...BANDS.slice(1)];
  const lines = layoutLines(
    [
      at([7, '读者满意度'], [16, '较满意'], [24, '10'], [28, '反馈较满意，'], [46, '10']),
      at([0, '满意度指标']),
      at([7, '活动参与满意度'], [16, '满意'], [24, '5'], [28, '反馈满意'], [46, '9.5']),
    ].join('\n'),
  );
  const caption = (field: string, text: string) => (field === 'subcategory' && text === '满意度指标' ? ('whole' as const) : undefined);
  const fieldAt = (found: readonly Band[], col: number) => found.find((b) => col >= b.left && col < b.right)?.field;
  assert.equal(fieldAt(pageBands(lines, bands, caption)!, 2), 'subcategory');
  // Without the templates' captions, the first caption column takes it, as before.
  assert.equal(fieldAt(pageBands(lines, bands)!, 2), 'category');
});

test('a page printing no 一级指标 caption: a 二级指标 caption wrapped in its cell, its last line further right, is still that column (seed 16, form 90)', () => {
  const bands = [band('category', -8, 6), band('subcategory', 6, 14), ...BANDS.slice(1)];
  const lines = layoutLines(
    [
      at([16, '读者满意度'], [30, '较满意'], [46, '10'], [50, '反馈较满意'], [70, '10']),
      at([7, '服务对象满意']),
      at([9, '度指标'], [16, '活动参与满意度'], [30, '满意'], [46, '5'], [50, '反馈满意'], [70, '9.5']),
    ].join('\n'),
  );
  const captions = ['服务对象满意度指标'];
  const caption = (field: string, text: string) => (field !== 'subcategory' ? undefined : captions.includes(text) ? ('whole' as const) : captions.some((c) => c.startsWith(text)) ? ('part' as const) : undefined);
  const fieldAt = (found: readonly Band[], col: number) => found.find((b) => col >= b.left && col < b.right)?.field;
  const found = pageBands(lines, bands, caption)!;
  assert.equal(fieldAt(found, 7), 'subcategory');
  assert.equal(fieldAt(found, 9), 'subcategory');
});

test('a page printing no 一级指标 caption: a 二级指标 caption run into the name beside it with one space is still that column (seed 16, form 16)', () => {
  const bands = [band('category', -8, 6), band('subcategory', 6, 14), ...BANDS.slice(1)];
  const lines = layoutLines(
    [
      at([8, '工作响应及时性'], [30, '及时'], [46, '3.5'], [50, '及时'], [70, '2']),
      '',
      at([0, '可持续影响指标 档案管理规范性'], [30, '规范'], [46, '0.5'], [50, '规范'], [70, '0.5']),
      '',
      at([8, '参与单位满意度'], [30, '满意'], [46, '0.5'], [50, '满意'], [70, '0.5']),
    ].join('\n'),
  );
  const caption = (field: string, text: string) => (field === 'subcategory' && text === '可持续影响指标' ? ('whole' as const) : undefined);
  const fieldAt = (found: readonly Band[], col: number) => found.find((b) => col >= b.left && col < b.right)?.field;
  assert.equal(fieldAt(pageBands(lines, bands, caption)!, 0), 'subcategory');
});

test('a page of many wrapped 二级指标 captions and few rows: the captions\' pieces outnumber the names, yet are no name column (seed 777, form 122)', () => {
  const bands = [band('category', -8, 6), band('subcategory', 6, 14), ...BANDS.slice(1)];
  const lines = layoutLines(
    [
      at([7, '数量指']),
      at([8, '标'], [14, '服务企业数量'], [24, '≥83场'], [46, '1'], [50, '实际完成'], [70, '1']),
      at([7, '成本指']),
      at([8, '标'], [14, '项目总成本'], [24, '≤58万元'], [46, '1'], [50, '无'], [70, '1']),
      at([7, '时效指']),
      at([8, '标'], [14, '按期完成率'], [24, '≥92%'], [46, '2.5'], [50, '按期'], [70, '2.5']),
    ].join('\n'),
  );
  const captions = ['数量指标', '成本指标', '时效指标'];
  const caption = (field: string, text: string) => (field !== 'subcategory' ? undefined : captions.includes(text) ? ('whole' as const) : captions.some((c) => c.startsWith(text)) ? ('part' as const) : undefined);
  const fieldAt = (found: readonly Band[], col: number) => found.find((b) => col >= b.left && col < b.right)?.field;
  const found = pageBands(lines, bands, caption)!;
  assert.deepEqual([7, 8, 14, 24].map((col) => fieldAt(found, col)), ['subcategory', 'subcategory', 'name', 'target']);
});

test('a column of values that only start a caption (满意 of 满意度指标) is still a plain column', () => {
  const bands = [band('category', -8, 6), band('subcategory', 6, 14), ...BANDS.slice(1)];
  const lines = layoutLines(
    [
      at([14, '读者满意度'], [24, '满意'], [46, '1'], [50, '满意'], [70, '1']),
      at([14, '参与满意度'], [24, '满意'], [46, '1'], [50, '满意'], [70, '1']),
      at([7, '满意度指标'], [14, '活动满意度'], [24, '满意'], [46, '1'], [50, '满意'], [70, '1']),
    ].join('\n'),
  );
  const caption = (field: string, text: string) => (field !== 'subcategory' ? undefined : text === '满意度指标' ? ('whole' as const) : '满意度指标'.startsWith(text) ? ('part' as const) : undefined);
  const fieldAt = (found: readonly Band[], col: number) => found.find((b) => col >= b.left && col < b.right)?.field;
  assert.deepEqual([7, 14, 24].map((col) => fieldAt(pageBands(lines, bands, caption)!, col)), ['subcategory', 'name', 'target']);
});

test('a page leaving 备注 blank on every row: the score column keeps its figures, the empty remark column sits past them (seed 777, form 13)', () => {
  const lines = layoutLines(
    [
      at([1, '服务对象满意度'], [12, '较满意'], [22, '2.5'], [26, '满意度较高'], [46, '2.5']),
      at([1, '按照市区两级'], [21, '11.5'], [26, '实施进度滞后'], [45, '11.5']),
      at([1, '预算执行进度'], [12, '较满意'], [22, '0.5'], [26, '部分工作受影响'], [46, '0.5']),
    ].join('\n'),
  );
  const bands = pageBands(lines, BANDS)!;
  const score = bands.find((b) => b.field === 'score')!;
  const remark = bands.find((b) => b.field === 'remark')!;
  // 11.5 prints at 45–49: all of it within the score column, none in the remark's.
  assert.ok(score.left <= 45 && score.right >= 49, `score ${score.left}–${score.right}`);
  assert.ok(remark.left >= 49);
});

test('a page whose one row prints the name and the target a single space apart: the columns start at their words, never at the 一级指标 caption (seed 777, forms 139 and 353)', () => {
  const lines = layoutLines([at([0, '满意度指标']), at([3, '参与单位满意度'], [11, '满意'], [22, '10'], [26, '反馈满意，得满分'], [46, '9'])].join('\n'));
  const bands = pageBands(lines, BANDS, (field, text) => (field === 'category' && text === '满意度指标' ? 'whole' : undefined))!;
  const leftOf = (field: string) => bands.find((b) => b.field === field)!.left;
  assert.deepEqual(['name', 'target', 'weight', 'rule', 'score'].map(leftOf), [2.5, 10.5, 21.5, 25.5, 45.5]);
  assert.ok(leftOf('category') < leftOf('name'));
});
