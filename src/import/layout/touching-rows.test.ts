import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellLocation, cellText, rowCells, type LayoutCell } from './layout-grid.ts';
import type { LayoutLine, LayoutToken } from './layout-lines.ts';
import type { LayoutRow } from './layout-rows.ts';
import { blankNeighbourCells, partedCells, sharedColumnCells, stackedFigureCells, touchingTableCells, twoEdgedCells } from './touching-rows.ts';
import { readTextForms } from '../text/read-text-forms.ts';
import { at } from './layout-excerpt.testing.ts';

const token = (text: string, line: number, start: number): LayoutToken => ({ text, start, end: start + text.length * 2, line, lineNo: line + 1, page: 1 });

/** A table row from its tokens, the anchor line given. */
function row(anchor: number, tokens: LayoutToken[]): LayoutRow {
  const indices = [...new Set(tokens.map((t) => t.line))].sort((a, b) => a - b);
  const lines: LayoutLine[] = indices.map((index) => ({ index, lineNo: index + 1, page: 1, tokens: tokens.filter((t) => t.line === index), pieces: tokens.filter((t) => t.line === index) }));
  return { anchor, lines, top: indices[0]!, bottom: indices.at(-1)!, tokens };
}

const unclear = (rows: LayoutRow[]) =>
  touchingTableCells(rows, rows.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation).map((u) => [u.location, u.text]);

test('a table row\'s cell below its anchor, down to a row that touches it, or set apart by a blank line, is unclear', () => {
  // 备注 on the line right above the next row: the next row's, set at its top, or this one's.
  const touching = [row(0, [token('甲', 0, 0), token('1', 0, 10), token('备注', 1, 20)]), row(2, [token('乙', 2, 0), token('2', 2, 10)])];
  assert.deepEqual(unclear(touching), [['line 2', '备注']]);
  // 备注 a blank line below the rest of its row, the next row further down.
  const apart = [row(0, [token('甲', 0, 0), token('1', 0, 10), token('备注', 2, 20)]), row(6, [token('乙', 6, 0), token('2', 6, 10)])];
  assert.deepEqual(unclear(apart), [['line 3', '备注']]);
  // Centred on its row's anchor line: its own.
  const centred = [row(1, [token('甲', 1, 0), token('1', 1, 10), token('备', 0, 20), token('注', 1, 20), token('栏', 2, 20)]), row(4, [token('乙', 4, 0), token('2', 4, 10)])];
  assert.deepEqual(unclear(centred), []);
});

test('a header value wrapped onto the line right above the next row\'s centred value, in its column, is reported on both fields', async () => {
  // 项目名称's value wraps onto line 4 (二期工程), which starts at its column and touches 主管部门's
  // row, whose value prints over lines 4–6 around its label: line 4 is the name's end, or the top
  // of a value centred on its label. Neither reading may be taken silently.
  const text = [
    at([38, '项目支出绩效自评表']),
    at([46, '（2023年度）']),
    at([1, '项目名称'], [15, '社区全民健身设施更新维护与管理提升']),
    at([15, '二期工程']),
    at([1, '主管部门'], [15, '上海市普陀区体育局'], [67, '实施单位'], [101, '上海市普陀区体育事业管理中心']),
    at([15, '体育局']),
  ].join('\n');
  const result = await readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(text) });
  const said = result.diagnostics.filter((d) => d.code === 'LAYOUT_CELL_UNCLEAR').map((d) => [d.path, d.location]);
  assert.deepEqual(said, [
    ['evaluations[0].project.name', 'line 3'],
    ['evaluations[0].project.budgetUnit', 'line 5'],
  ]);
  // Only the field holding the text at the border: 实施单位's value shares 主管部门's location.
  assert.ok(!said.some(([path]) => path === 'evaluations[0].project.department'));
});

test('a header value going on past its own label\'s line into the next row, where a cell starts in its column, is reported on both fields (seed 9191, form 99)', async () => {
  // …组织开展 / 项目名称 / 99 / 信息中心: 99 is the name's last line or the top of the department's
  // value (its label lower down); the name read without it is as unclear as the department read with it.
  const text = [
    at([32, '2025年度财政项目绩效自评价']),
    at([56, '预算单位']),
    at([8, '组织开展专项检查2次，资金拨付率达到100%，组织开展']),
    at([0, '项目名称'], [74, '宁波市宝山区卫生健康委员会']),
    at([8, '99']),
    at([8, '信息中心']),
    '',
    '具体实施处',
    at([54, '是否为经常性项目'], [80, '是']),
    '（科室）',
  ].join('\n');
  const result = await readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(text) });
  const said = result.diagnostics.filter((d) => d.code === 'LAYOUT_CELL_UNCLEAR').map((d) => d.path);
  assert.ok(said.includes('evaluations[0].project.name'), said.join(', '));
  assert.ok(said.includes('evaluations[0].project.department'), said.join(', '));
});

test('a table cell whose line at a touching border stands apart from its other lines is unclear, and so is the other row\'s cell of its column', () => {
  // 年度指标值 of the upper row wraps 个别指标完成情况未达预 / 期; 期 is given to the lower row, whose
  // 年度指标值 (实施进度滞。) is on its anchor, three lines below: 期 touches the upper row's last
  // line, and the upper row's target may have lost it.
  const upper = row(0, [token('单次活动成本', 0, 10), token('个别指标完成情况未达预', 1, 30), token('2.5', 0, 70)]);
  const lower = row(5, [token('期', 2, 30), token('实施进度滞。', 5, 30), token('印制宣传材料', 5, 10), token('0.5', 5, 70)]);
  const cells = [upper, lower].map((r, i) => rowCells(r.tokens, i));
  const found = new Set(touchingTableCells([upper, lower], cells, () => true, cellLocation).map((u) => u.text));
  assert.deepEqual([...found].sort(), ['个别指标完成情况未达预', '期实施进度滞。'].sort());
});

test('a table cell wholly above its row\'s anchor, up to a touching border, is unclear, and so is the row above\'s cell of its column (seed 4711, form 74)', () => {
  // The upper row's remark is centred on it, its halves parted by two lines of other text; the lower
  // half, given to the row below (whose remark is blank), is what the upper row's remark lost.
  const upper = row(3, [token('覆盖全区15个', 0, 60), token('街镇，受疫情', 1, 60), token('满意度指标', 2, 0), token('服务对象满意度', 3, 10), token('3', 3, 50)]);
  const lower = row(9, [token('影响部分活动', 4, 60), token('取消，', 5, 60), token('参与单位满意度', 9, 10), token('1.5', 9, 50)]);
  const cells = [upper, lower].map((r, i) => rowCells(r.tokens, i));
  const found = new Set(touchingTableCells([upper, lower], cells, () => true, cellLocation).map((u) => u.text));
  assert.deepEqual([...found].sort(), ['覆盖全区15个街镇，受疫情', '影响部分活动取消，'].sort());
});

test('a cell that took the text of two columns doubts its text neighbours, not a bare number beside it (分值, 得分: a number never wraps)', () => {
  const cell = (text: string, start: number, band: number): LayoutCell => ({ ...rowCells([token(text, 3, start)], 0)[0]!, band });
  const name = cell('服务覆盖人数', 0, 0);
  const target = cell('≥90% 按计划推进项目', 20, 1);
  const weight = cell('2.5', 60, 2);
  const rule = cell('完成得满分', 70, 1);
  const found = (cells: LayoutCell[]) => sharedColumnCells([cells], () => true, (c) => c === target, cellLocation).map((u) => u.text);
  assert.deepEqual(found([name, target, weight]), ['服务覆盖人数', '≥90% 按计划推进项目']);
  // A neighbour of text is doubted: it may have lost what the shared cell took.
  assert.deepEqual(found([name, target, { ...rule, band: 2 }]), ['服务覆盖人数', '≥90% 按计划推进项目', '完成得满分']);
});

test('a bare number set apart from its row\'s text, or at a touching border, is not doubted where the other row prints its own in that column', () => {
  // 分值 8.5 printed four lines above its row's text, a blank line between: the row above prints 3.5.
  const upper = row(0, [token('培训人次', 0, 10), token('3.5', 0, 50), token('完成得满分', 0, 60)]);
  const lower = row(2, [token('8.5', 2, 50), token('印制宣传材料', 6, 10), token('完成得满分', 6, 60)]);
  const found = (rows: LayoutRow[]) => touchingTableCells(rows, rows.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation).map((u) => u.text);
  assert.deepEqual(found([upper, lower]), []);
  // The row above printing no 分值, the number may be its: doubted.
  const bare = row(0, [token('培训人次', 0, 10), token('完成得满分', 0, 60)]);
  assert.deepEqual(found([bare, lower]), ['8.5']);
});

test('a table cell holding two figures each alone on its line is unclear, with the row\'s cells from the farther figure\'s line on', () => {
  // 97% on the row's line, 98% two lines below it (the next row's, set at its top), a remark from that line on.
  const rows = [
    row(1, [token('甲', 1, 0), token('97%', 1, 10), token('3.5', 1, 20), token('健全', 1, 30), token('98%', 3, 10), token('实施', 3, 30), token('滞后', 4, 30)]),
    row(6, [token('乙', 6, 0), token('9.5', 6, 20)]),
  ];
  const found = stackedFigureCells(rows, rows.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation).map((u) => u.text);
  assert.deepEqual(found, ['97%98%', '健全实施滞后']);
  // Quantities with their units too (201吨 / 201吨).
  const units = [row(1, [token('甲', 1, 0), token('201吨', 1, 10), token('201吨', 2, 10)])];
  assert.deepEqual(stackedFigureCells(units, units.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation).map((u) => u.text), ['201吨201吨']);
  // One figure and text wrapped under it is no such cell.
  const wrapped = [row(1, [token('甲', 1, 0), token('完成率达到', 1, 10), token('98%', 2, 10)])];
  assert.deepEqual(stackedFigureCells(wrapped, wrapped.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation), []);
});

test('a table cell whose text has more than two lines of other cells between two of its lines is unclear (seed 2460, form 146)', () => {
  // ≥90% on the row's first line, the next row's target four lines lower: one cell of two.
  const parted = [row(1, [token('甲', 1, 0), token('≥90%', 1, 10), token('0.5', 1, 20), token('乙', 2, 0), token('丙', 4, 0), token('实施进度', 6, 10), token('滞后', 7, 10)])];
  assert.deepEqual(partedCells(parted.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation).map((u) => u.text), ['≥90%实施进度滞后']);
  // Wrapped lines one line of other text apart are one cell's.
  const interleaved = [row(1, [token('甲', 1, 0), token('实施', 1, 10), token('乙', 2, 0), token('进度', 3, 10), token('滞后', 5, 10)])];
  assert.deepEqual(partedCells(interleaved.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation), []);
});

test('a row whose printed column reads blank names the neighbour\'s cell of that column with a line nearer it than its own row (seed 4680, form 96)', () => {
  // Columns: name 0, actual 10, weight 20. Row 1's 173份 set a line over its row, taken by row 0.
  const zone = { header: 0, last: 2, bands: [{ field: 'name', left: -5, right: 5, centre: 0, start: 0 }, { field: 'actual', left: 5, right: 15, centre: 10, start: 10 }, { field: 'weight', left: 15, right: 25, centre: 20, start: 20 }] };
  const rows = [row(0, [token('名称', 0, 0), token('实际', 0, 10), token('分值', 0, 20)]), row(2, [token('甲', 2, 0), token('实际完成', 2, 10), token('6', 2, 20), token('173份', 4, 10)]), row(5, [token('乙', 5, 0), token('9', 5, 20)])];
  const table = rows.map((r, i) => rowCells(r.tokens, i).map((c) => ({ ...c, band: zone.bands.findIndex((b) => c.start >= b.left && c.start < b.right) })));
  assert.deepEqual(blankNeighbourCells(rows, table, [zone], cellLocation).map((u) => u.text), ['实际完成173份']);
  // The same cell all on its own row's side: not named.
  const near = [rows[0]!, row(2, [token('甲', 2, 0), token('实际完成', 2, 10), token('6', 2, 20), token('173份', 3, 10)]), row(6, [token('乙', 6, 0), token('9', 6, 20)])];
  const nearTable = near.map((r, i) => rowCells(r.tokens, i).map((c) => ({ ...c, band: zone.bands.findIndex((b) => c.start >= b.left && c.start < b.right) })));
  assert.deepEqual(blankNeighbourCells(near, nearTable, [zone], cellLocation), []);
});

test('a remark whose text ends right before its line nearer a row whose remark reads blank names that cell (seed 8989, form 236)', () => {
  // Columns: name 0, weight 20, remark 40. Row 1's remark set a line over its row, right under row 0's
  // remark, whose last line (内完成) is short: the text past it is another cell's.
  const zone = { header: 0, last: 2, bands: [{ field: 'name', left: -5, right: 5, centre: 0, start: 0 }, { field: 'weight', left: 15, right: 25, centre: 20, start: 20 }, { field: 'remark', left: 35, right: 65, centre: 50, start: 40 }] };
  const bandOf = (c: LayoutCell) => zone.bands.findIndex((b) => c.start >= b.left && c.start < b.right);
  const tableOf = (rows: LayoutRow[]) => rows.map((r, i) => rowCells(r.tokens, i).map((c) => ({ ...c, band: bandOf(c) })));
  const head = row(0, [token('名称', 0, 0), token('分值', 0, 20), token('备注', 0, 40)]);
  const remarks = (middle: string) => [token('部分任务顺延至下年度，年', 1, 40), token(middle, 3, 40), token('个别指标完成情况未达预期', 5, 40)];
  const rows = [head, row(2, [token('甲', 2, 0), token('6', 2, 20), ...remarks('内完成')]), row(6, [token('乙', 6, 0), token('9', 6, 20)])];
  assert.deepEqual(blankNeighbourCells(rows, tableOf(rows), [zone], cellLocation).map((u) => u.text), ['部分任务顺延至下年度，年内完成个别指标完成情况未达预期']);
  // Its lines all full: one remark, reaching towards the row below (a remark may be left blank).
  const full = [head, row(2, [token('甲', 2, 0), token('6', 2, 20), ...remarks('内完成部分任务顺延至下年')]), row(6, [token('乙', 6, 0), token('9', 6, 20)])];
  assert.deepEqual(blankNeighbourCells(full, tableOf(full), [zone], cellLocation), []);
});

test('a table cell whose lines make two blocks at two left edges, or lie in two column ranges, is unclear, with the cells beside it on its lines (seed 2468, form 252)', () => {
  // A target's four lines at column 33, then a name's four at column 19 (narrow columns overlapping),
  // read as one cell; the target's last line, on the name's first, read alone.
  const cellOf = (tokens: LayoutToken[]): LayoutCell => ({ tokens, start: Math.min(...tokens.map((t) => t.start)), end: Math.max(...tokens.map((t) => t.end)), col: 0, colSpan: 1, row: 0, rowSpan: 1 });
  const lines = (start: number, first: number, ...texts: string[]) => texts.map((text, i) => token(text, first + i, start));
  const joined = cellOf([...lines(33, 1, '实际完成数略低于目标，实', '际完成数略低于目标，项目', '按计划实施，各项指标基本', '完成，资金使用规范，取得'), ...lines(19, 5, '加强预算编制的科学性，及', '时跟踪预算执行进度，组织', '开展专项检查2次，健全“一', '网通办”服务机制')]);
  const target = cellOf([token('了较好的社会效益，组', 5, 45)]);
  const weight = cellOf([token('17', 5, 70)]);
  assert.deepEqual(twoEdgedCells([[joined, target, weight]], () => true, cellLocation).map((u) => [u.text, u.key]), [
    ['实际完成数略低于目标，实际完成数略低于目标，项目按计划实施，各项指标基本完成，资金使用规范，取得加强预算编制的科学性，及时跟踪预算执行进度，组织开展专项检查2次，健全“一网通办”服务机制', 'layout.cellTwoEdged'],
    ['了较好的社会效益，组', 'layout.cellTwoEdged'],
  ]);
  // A name on one line (23–29) amid a target's lines from column 51, none spanning the gap (seed 1470, form 132).
  const ranges = cellOf([...lines(51, 1, '实际完成数略低于目标，全年', '完成主要工作任务，服务对象'), token('服务覆盖人数', 3, 23), ...lines(51, 4, '满意度较高，管理制度进一步', '健全')]);
  assert.deepEqual(twoEdgedCells([[ranges, cellOf([token('197人', 3, 74)])]], () => true, cellLocation).map((u) => u.text), [cellText(ranges), '197人']);
  // One cell's text centred (each line starts elsewhere, all about one middle), or set at one edge: not named.
  const centred = cellOf([token('加强预算编制的科学性', 1, 20), token('及时跟踪预算执行进度', 2, 20), token('组织', 3, 24), token('开展', 4, 24), token('检查', 5, 24)]);
  const left = cellOf(lines(19, 1, '加强预算编制的科学性，及', '时跟踪预算执行进度，组织', '开展专项检查2次，健全“一', '网通办”服务机制'));
  assert.deepEqual(twoEdgedCells([[centred], [left]], () => true, cellLocation), []);
});
