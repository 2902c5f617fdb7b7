import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateRegistry } from '../../core/templates/registry.ts';
import { FormLabels } from '../grid/form-labels.ts';
import type { Rule } from './page-geometry.ts';
import { documentColumns, gridFromPage, type PlacedText } from './ruling-grid.ts';

const h = (at: number, from: number, to: number): Rule => ({ orientation: 'horizontal', at, from, to });
const v = (at: number, from: number, to: number): Rule => ({ orientation: 'vertical', at, from, to });
const text = (s: string, x: number, y: number, size = 10): PlacedText => ({ text: s, x, y, width: s.length * size, size });

/**
 * A table from x 50..350 (columns at 150, 250) and y 700..600 (rows at 675, 650, 625):
 * the first column of the last three rows is one merged cell (no horizontal rule there).
 */
const RULES: Rule[] = [
  h(700, 50, 350), h(675, 50, 350), h(650, 150, 350), h(625, 150, 350), h(600, 50, 350),
  v(50, 600, 700), v(150, 600, 700), v(250, 600, 700), v(350, 600, 700),
];

test('cells come from the rules; a missing border merges cells; free text is its own row', () => {
  const grid = gridFromPage(3, RULES, [
    text('2021年度财政项目绩效自评价', 60, 720, 14),
    text('一级指标', 55, 684), text('指标名称', 155, 684), text('权重', 255, 684),
    text('产出指标', 55, 634),
    text('防范金融风险', 155, 662), text('宣传场次', 155, 652), text('3', 255, 657),
    text('宣传品制作', 155, 634), text('3', 255, 634),
    text('收到名片数', 155, 609),
    text('说明：1、依据本项目', 50, 580),
  ]);
  const shown = grid.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
  assert.deepEqual(shown, [
    [0, 0, 1, 3, '2021年度财政项目绩效自评价'],
    [1, 0, 1, 1, '一级指标'], [1, 1, 1, 1, '指标名称'], [1, 2, 1, 1, '权重'],
    [2, 0, 3, 1, '产出指标'], [2, 1, 1, 1, '防范金融风险宣传场次'], [2, 2, 1, 1, '3'],
    [3, 1, 1, 1, '宣传品制作'], [3, 2, 1, 1, '3'],
    [4, 1, 1, 1, '收到名片数'], [4, 2, 1, 1, ''],
    [5, 0, 1, 3, '说明：1、依据本项目'],
  ]);
  assert.equal(grid.cells.find((c) => c.text === '宣传品制作')!.location, 'page 3, row 4, column 2');
  assert.equal(grid.source, 'page 3');
});

test('borders drawn in pieces (one segment per cell) still separate cells', () => {
  const pieces: Rule[] = [
    h(700, 50, 150), h(700, 150, 250), h(675, 50, 150), h(675, 150, 250), h(650, 50, 150), h(650, 150, 250),
    v(50, 650, 675), v(50, 675, 700), v(150, 650, 675), v(150, 675, 700), v(250, 650, 675), v(250, 675, 700),
  ];
  const grid = gridFromPage(1, pieces, [text('项目名称', 55, 684), text('金融业务费用', 155, 684), text('预算单位', 55, 659)]);
  assert.deepEqual(grid.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]), [
    [0, 0, 1, 1, '项目名称'], [0, 1, 1, 1, '金融业务费用'], [1, 0, 1, 1, '预算单位'], [1, 1, 1, 1, ''],
  ]);
});

test('without rules, columns come from where the pieces of text start', () => {
  const grid = gridFromPage(1, [], [
    text('项目名称', 50, 700), text('金融业务费用', 200, 700),
    text('预算单位', 50, 680), text('上海市普陀区', 201, 680),
  ]);
  assert.deepEqual(grid.cells.map((c) => [c.row, c.col, c.text]), [
    [0, 0, '项目名称'], [0, 1, '金融业务费用'], [1, 0, '预算单位'], [1, 1, '上海市普陀区'],
  ]);
});

test('numbers and Latin words set apart keep a space; CJK pieces join', () => {
  const grid = gridFromPage(1, [h(700, 0, 500), h(600, 0, 500), v(0, 600, 700), v(500, 600, 700)], [
    { text: 'Excel', x: 10, y: 650, width: 25, size: 10 },
    { text: 'file', x: 40, y: 650, width: 20, size: 10 },
    { text: '金融', x: 62, y: 650, width: 20, size: 10 },
    { text: '服务', x: 82, y: 650, width: 20, size: 10 },
  ]);
  assert.equal(grid.cells[0]!.text, 'Excel file金融服务');
});

test('a piece pdf.js joined across a border is split at the space; overflow without a space is not', () => {
  const rules: Rule[] = [h(700, 0, 300), h(680, 0, 300), v(0, 680, 700), v(100, 680, 700), v(300, 680, 700)];
  const joined = gridFromPage(1, rules, [{ text: '可持续影响指标 设施维护长效机制', x: 5, y: 686, width: 150, size: 9.2 }]);
  assert.deepEqual(joined.cells.map((c) => c.text), ['可持续影响指标', '设施维护长效机制']);
  const overflow = gridFromPage(1, rules, [{ text: '可持续影响指标设施维护长效机制', x: 5, y: 686, width: 140, size: 9.2 }]);
  assert.deepEqual(overflow.cells.map((c) => c.text), ['可持续影响指标设施维护长效机制', '']);
});

/**
 * The foot of a page whose table goes on onto the next: columns at 50 | 150 | 350, the last two
 * rows' first column is one merged cell (产出指标) with no border at the table's bottom edge,
 * because the page break cut it. Its text lies below the table, where the page clips it.
 */
const FOOT: Rule[] = [
  h(700, 50, 350), h(675, 50, 350), h(650, 150, 350), h(625, 150, 350),
  v(50, 625, 700), v(150, 625, 700), v(350, 625, 700),
];
const FOOT_TEXTS = [
  text('一级指标', 55, 684), text('指标名称', 155, 684),
  text('印制宣传材料', 155, 659), text('设施巡查次数', 155, 634),
  text('产出指标', 55, 610), text('第 1 页', 200, 560),
];

test('a merged cell cut at the foot of a page is one cell, open at the bottom, with its text drawn past the edge', () => {
  const grid = gridFromPage(1, FOOT, FOOT_TEXTS, { continued: false, continues: true });
  const cut = grid.cells.filter((c) => c.cut);
  assert.deepEqual(cut.map((c) => [c.row, c.col, c.rowSpan, c.text, c.cut]), [[1, 0, 2, '产出指标', { top: false, bottom: true }]]);
  // Text outside the cut cell's columns stays free text of its own.
  assert.ok(grid.cells.some((c) => c.text === '第 1 页' && c.col >= 1));
});

test('on the last page the same missing border is no cell: its text stays free', () => {
  const grid = gridFromPage(1, FOOT, FOOT_TEXTS);
  assert.equal(grid.cells.some((c) => c.cut), false);
  assert.ok(grid.cells.some((c) => c.text === '产出指标' && c.colSpan > 1), 'a free line, as before');
});

test('a merged cell going on at the head of a page is open at the top and takes its text drawn above the table', () => {
  const head: Rule[] = [
    h(700, 150, 350), h(675, 150, 350), h(650, 50, 350),
    v(50, 650, 700), v(150, 650, 700), v(350, 650, 700),
  ];
  const texts = [text('产出指标', 55, 720), text('项目总成本', 155, 684), text('按期完成率', 155, 659)];
  const grid = gridFromPage(2, head, texts, { continued: true, continues: false });
  assert.deepEqual(grid.cells.map((c) => [c.row, c.col, c.rowSpan, c.text, c.cut ?? null]), [
    [0, 0, 2, '产出指标', { top: true, bottom: false }], [0, 1, 1, '项目总成本', null], [1, 1, 1, '按期完成率', null],
  ]);
});

test('a page drawing only some column borders numbers its columns as the document does', () => {
  // Page 1: 指标名称 | 权重 | 自评分; page 2: only the 合计 row, its label merged over the first column.
  const first: Rule[] = [h(700, 50, 350), h(680, 50, 350), v(50, 680, 700), v(150, 680, 700), v(250, 680, 700), v(350, 680, 700)];
  const last: Rule[] = [h(700, 50, 350), h(680, 50, 350), v(50, 680, 700), v(250, 680, 700), v(350, 680, 700)];
  const columns = documentColumns([first, last]);
  assert.deepEqual(columns, [50, 150, 250, 350]);
  const totals = [text('合计', 55, 686), text('98', 255, 686)];
  const shown = (cells: ReturnType<typeof gridFromPage>['cells']) => cells.map((c) => [c.col, c.colSpan, c.text]);
  assert.deepEqual(shown(gridFromPage(2, last, totals).cells), [[0, 1, '合计'], [1, 1, '98']]);
  assert.deepEqual(shown(gridFromPage(2, last, totals, { columns }).cells), [[0, 2, '合计'], [2, 1, '98']]);
});

test('a label and a value wrapped inside their cells come back whole, in order, and the label is matched', () => {
  const rules: Rule[] = [
    h(700, 0, 300), h(660, 0, 300), h(620, 0, 300),
    v(0, 620, 700), v(60, 620, 700), v(300, 620, 700),
  ];
  const grid = gridFromPage(1, rules, [
    text('具体实施处（科室', 2, 688, 6), text('）', 2, 680, 6), text('上海市浦东新区住房保障和房屋管理', 62, 688, 8), text('局', 62, 678, 8),
    text('预算执行', 2, 648, 6), text('数（元）', 2, 640, 6), text('25,217,280.00', 200, 644, 8),
  ]);
  assert.deepEqual(grid.cells.map((c) => c.text), ['具体实施处（科室）', '上海市浦东新区住房保障和房屋管理局', '预算执行数（元）', '25,217,280.00']);
  const labels = new FormLabels(templateRegistry().get('shanghai-2021')!);
  assert.ok(labels.match('project.department', grid.cells[0]!.text));
  assert.deepEqual(labels.match('project.executed', grid.cells[2]!.text), { unit: '元' });
});

test('text outside the cells is split where a drawn column border runs between its pieces, however close', () => {
  // A merged 一级/二级指标 cell cut by a page break: its text is printed below the last border.
  const rules: Rule[] = [h(700, 0, 300), h(680, 0, 300), v(0, 640, 700), v(60, 640, 700), v(300, 640, 700)];
  const grid = gridFromPage(1, rules, [text('名称', 5, 686), text('满意度指标', 28, 660, 6), text('服务对象满意度指标', 62, 660, 6)]);
  assert.deepEqual(grid.cells.filter((c) => c.row === 1).map((c) => [c.col, c.text]), [[0, '满意度指标'], [1, '服务对象满意度指标']]);
});

test('below the last rule, text is split at a column border only where a gap shows', () => {
  const rules: Rule[] = [h(700, 0, 300), h(680, 0, 300), v(0, 680, 700), v(60, 680, 700), v(300, 680, 700)];
  const grid = gridFromPage(1, rules, [
    text('名称', 5, 686),
    text('满意度', 40, 660, 6), text('服务对象满意', 64, 660, 6),
    text('2023年度', 30, 640, 6), text('财政项目', 66, 640, 6),
  ]);
  assert.deepEqual(grid.cells.filter((c) => c.row > 0).map((c) => [c.row, c.col, c.text]), [[1, 0, '满意度'], [1, 1, '服务对象满意'], [2, 0, '2023年度财政项目']]);
});
