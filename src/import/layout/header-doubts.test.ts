import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LayoutCell } from './layout-grid.ts';
import { linesWithRoom, readsFigure, unreadBesideBareLabels, unreadCells, valuesBesideBareLabels, valuesInOtherSlots, valuesUnderFullLines, valuesUnderLabels } from './header-doubts.ts';

/** A cell of one token per line: `lines` [lineNo, text] at columns from `start`. */
function cell(row: number, start: number, ...lines: Array<[number, string]>): LayoutCell {
  const tokens = lines.map(([lineNo, text]) => ({ text, start, end: start + text.length, line: lineNo - 1, lineNo, page: 1 }));
  return { tokens, start, end: Math.max(...tokens.map((t) => t.end)), col: start, colSpan: 1, row, rowSpan: 1 };
}

const LABELS = new Set(['主管部门', '实施单位', '主要绩效', '主要问题', '改进措施', '项目名称', '预算单位']);
const isLabel = (text: string) => LABELS.has(text);
const where = (c: LayoutCell) => `line ${Math.min(...c.tokens.map((t) => t.lineNo))}`;
const none = () => false;

describe('a value beside a label that has none of its own', () => {
  test('in that label\'s column (right of it, a line or two away) is in doubt', () => {
    // 主管部门 | (its value under the line) | 实施单位 | 信息中心, printed as pdftotext sets it:
    // 信息中心 on 主管部门's line is 实施单位's value.
    const table = [
      [cell(0, 0, [7, '主管部门']), cell(0, 95, [7, '信息中心'])],
      [cell(1, 8, [8, '实际完成数略低于目标']), cell(1, 78, [8, '实施单位'])],
    ];
    assert.deepEqual(valuesBesideBareLabels(table, none, isLabel, where).map((u) => [u.location, u.key, u.text]), [['line 7', 'layout.besideBareLabel', '信息中心']]);
  });

  test('a figure in that label\'s column is in doubt by its place alone (it is stored otherwise than printed)', () => {
    const table = [
      [cell(0, 1, [8, '当年预算数']), cell(0, 91, [8, '7,847,313.19'])],
      [cell(1, 40, [9, '57,110,000.00']), cell(1, 54, [9, '上年预算金额'])],
    ];
    const labels = (text: string) => isLabel(text) || text === '当年预算数' || text === '上年预算金额';
    assert.deepEqual(valuesBesideBareLabels(table, none, labels, where), [{ location: 'line 8', lineNo: 8, key: 'layout.besideBareLabel' }]);
  });

  test('with a line nearer that label than its own is in doubt; a label with its value beside it is no such label', () => {
    // 主要问题's block reaches down to the line above 改进措施, which reads blank.
    const lower = [cell(0, 4, [142, '主要问题']), cell(0, 15, [143, '受疫情影响'], [145, '部分工作受客观因素'], [150, '目实施'])];
    assert.deepEqual(valuesBesideBareLabels([lower, [cell(1, 4, [152, '改进措施'])]], none, isLabel, where).map((u) => u.location), ['line 143']);
    assert.deepEqual(valuesBesideBareLabels([lower, [cell(1, 4, [152, '改进措施']), cell(1, 15, [152, '无'])]], none, isLabel, where), []);
  });

  test('leaves alone labels and values on one line each, and rows skipped', () => {
    const table = [
      [cell(0, 2, [2, '项目名称']), cell(0, 15, [2, '社区图书角']), cell(0, 50, [2, '预算单位']), cell(0, 70, [2, '某区文化局'])],
      [cell(1, 0, [4, '主管部门'])],
    ];
    assert.deepEqual(valuesBesideBareLabels(table, none, isLabel, where), []);
    const shifted = [[cell(0, 0, [7, '主管部门']), cell(0, 95, [7, '信息中心'])], [cell(1, 78, [8, '实施单位'])]];
    assert.deepEqual(valuesBesideBareLabels(shifted, (r) => r === 1, isLabel, where), []);
  });
});

describe('text no field read', () => {
  const table = [
    [cell(0, 2, [2, '项目名称']), cell(0, 12, [2, '个别指标完成情况未达预期'])],
    [cell(1, 12, [3, '有待提升，细化33']), cell(1, 60, [3, '预算单位']), cell(1, 70, [3, '南京市松江区教育局'])],
  ];
  // What a field read: the values but 有待…; a label's cell alone is read by none.
  const read = (c: LayoutCell) => !c.tokens.some((t) => t.text.startsWith('有待') || isLabel(t.text));

  test('puts in doubt the values read within a few lines of it, with its line', () => {
    assert.deepEqual(unreadCells(table, none, isLabel, read, where).map((u) => [u.location, u.lineNo, u.key]), [
      ['line 2', 3, 'layout.lineLeftOver'],
      ['line 3', 3, 'layout.lineLeftOver'],
    ]);
  });

  test('puts in doubt a value read after its label on one line (seed 3434, form 51)', () => {
    // 具体实施处（科室） 实施: the department's first line printed a line above its label, read by no field.
    const labels = (text: string) => isLabel(text) || text === '具体实施处（科室）';
    const department = { ...cell(1, 0, [6, '具体实施处（科室）']), tokens: [...cell(1, 0, [6, '具体实施处（科室）']).tokens, ...cell(1, 10, [6, '实施']).tokens] };
    const head = [[cell(0, 2, [2, '项目名称']), cell(0, 13, [2, '推进数字化转型'])], [cell(1, 13, [5, '实施进度滞后，健全“一网通办”服务机制，落实《'])], [department]];
    const readHere = (c: LayoutCell) => !c.tokens.some((t) => t.text.startsWith('实施进度')) && c.tokens.some((t) => !labels(t.text));
    assert.deepEqual(unreadCells(head, none, labels, readHere, where).map((u) => [u.location, u.lineNo]), [['line 2', 5], ['line 6', 5]]);
  });

  test('is not punctuation alone, nor text every field read', () => {
    assert.deepEqual(unreadCells(table, none, isLabel, () => true, where), []);
    const bracket = [[cell(0, 2, [2, '项目名称']), cell(0, 12, [2, '社区图书角'])], [cell(1, 3, [3, '）'])]];
    assert.deepEqual(unreadCells(bracket, none, isLabel, (c) => c.tokens[0]!.text !== '）', where), []);
  });
});

describe('a figure no field read', () => {
  test('is a line left over like text: the value read beside it may have lost it (预算单位 …达到 / 10)', () => {
    // 预算单位's value wraps; its last line, the figure 10, prints on 项目名称's line and no field reads it.
    const table = [
      [cell(0, 52, [2, '预算单位']), cell(0, 70, [2, '部分任务顺延至下年度，资金拨付率达到'])],
      [cell(1, 2, [3, '项目名称']), cell(1, 17, [3, '覆盖全区15个街镇']), cell(1, 86, [3, '10'])],
    ];
    const values: Record<string, string[]> = { 'line 2': ['部分任务顺延至下年度，资金拨付率达到'], 'line 3': ['覆盖全区15个街镇'] };
    const read = (c: LayoutCell) => (values[where(c)] ?? []).some((v) => c.tokens.some((t) => v === t.text) || readsFigure(c.tokens[0]!.text, v));
    assert.deepEqual(unreadCells(table, none, isLabel, read, where).map((u) => [u.location, u.lineNo, u.text]), [
      ['line 2', 3, '部分任务顺延至下年度，资金拨付率达到'],
      ['line 3', 3, '覆盖全区15个街镇'],
    ]);
  });

  test('is read where a field at its place holds it, however it is stored', () => {
    assert.equal(readsFigure('85,200,000.00', '85200000.00'), true);
    assert.equal(readsFigure('120.00', '1200000.00'), true); // 万元 printed, 元 stored
    assert.equal(readsFigure('54.00%', '54.00'), true);
    assert.equal(readsFigure('0.00', '0.00'), true);
    assert.equal(readsFigure('2022.3.2', '2022-03-02'), true);
    assert.equal(readsFigure('10', '部分任务顺延至下年度，资金拨付率达到'), false);
    assert.equal(readsFigure('13,760,000.00', '66500000.00'), false);
  });
});

describe('a block printed under column headings', () => {
  // 年度总体目标 | 预期目标 | 实际完成情况: each block under its heading, the goal's around its row label.
  const FIELDS: Record<string, string[]> = { 预期目标: ['annualGoal'], 实际完成情况: ['actualOutcome'], 年度总体目标: [] };
  const labels = (text: string) => text in FIELDS;
  const fieldsOf = (text: string) => FIELDS[text] ?? [];
  const headings = [cell(0, 39, [31, '预期目标']), cell(0, 83, [31, '实际完成情况'])];

  test('gives the fields of the heading right above each block', () => {
    const table = [headings, [cell(1, 80, [32, '资金拨付率达到100%'], [33, '新增服务点位'])]];
    assert.deepEqual(valuesUnderLabels(table, none, labels, fieldsOf).map((u) => [u.cell.start, u.fields]), [[80, ['actualOutcome']]]);
  });

  test('leaves alone a block with a label of its own beside it (wrapped around it), or far below the headings', () => {
    const around = [headings, [cell(1, 10, [33, '实际完成数略低于目标'], [35, '按期完成'])], [cell(2, 0, [34, '年度总体目标'])]];
    assert.deepEqual(valuesUnderLabels(around, none, labels, fieldsOf), []);
    assert.deepEqual(valuesUnderLabels([headings, [cell(1, 80, [40, '资金拨付率'])]], none, labels, fieldsOf), []);
  });
});

describe('a line no field read, in the column of a label with no value of its own', () => {
  // As pdftotext sets it (form 450 of seed 777): 业务二科, 实施单位's value, three lines above it.
  //  项目名称     新增服务点位8个/年                                  (line 4)
  //                                                    业务二科      (line 5)
  //          加强预算编制的科学性                                     (line 7)
  //  主管部门                                  实施单位               (line 8)
  //          照市区两级工作要求                                       (line 9)
  const table = [
    [cell(0, 1, [4, '项目名称']), cell(0, 13, [4, '新增服务点位8个/年'])],
    [cell(1, 92, [5, '业务二科'])],
    [cell(2, 1, [8, '主管部门']), cell(2, 10, [7, '加强预算编制的科学性'], [9, '照市区两级工作要求']), cell(2, 69, [8, '实施单位'])],
  ];
  const readCells = (c: LayoutCell) => c.start !== 92;

  test('names that label, whose field may be that line', () => {
    assert.deepEqual(unreadBesideBareLabels(table, none, isLabel, readCells), [{ lineNo: 5, label: '实施单位' }]);
  });

  test('a label with its value beside it, or a line that was read, names none', () => {
    const valued = [...table.slice(0, 2), [...table[2]!, cell(2, 80, [8, '信息中心'])]];
    assert.deepEqual(unreadBesideBareLabels(valued, none, isLabel, readCells), []);
    assert.deepEqual(unreadBesideBareLabels(table, none, isLabel, () => true), []);
  });
});

test('a value read by the label left of it, right of where a label of the row next to it starts, is named with that row\'s values (seed 5791, form 106)', () => {
  // 细化绩效目标  实施单位  完成第3批次… over 主管部门  100%，全: 100%，全 lies in 实施单位's slot.
  const above = [cell(0, 10, [5, '细化绩效目标']), cell(0, 75, [5, '实施单位']), cell(0, 101, [5, '完成第3批次'])];
  const below = [cell(1, 1, [6, '主管部门']), cell(1, 101, [6, '100%，全'])];
  const found = valuesInOtherSlots([above, below], none, isLabel, where).map((u) => u.text);
  assert.deepEqual(found, ['100%，全', '细化绩效目标', '完成第3批次']);
  // A value left of where the row above's label starts is its own label's.
  const own = [cell(1, 1, [6, '主管部门']), cell(1, 12, [6, '上海市某区文化局'])];
  assert.deepEqual(valuesInOtherSlots([above, own], none, isLabel, where), []);
});

describe('a line that had room for the next line\'s first word', () => {
  // 项目名称's value set at the top of its cell, 预算单位 and its value beside it (seed 1111, form 299).
  const budgetUnit = [cell(1, 65, [3, '预算单位']), cell(1, 83, [3, '宁波市浦东区教育局'])];

  test('in one cell: the line under it is another field\'s, and the cell is in doubt', () => {
    // 计划财务科 (具体实施处's value, set at the top of its cell) right under a name that stops far short of 预算单位.
    const table = [[cell(0, 1, [2, '项目名称'])], [cell(1, 12, [3, '按照市区两级工作299'], [4, '计划财务科']), ...budgetUnit]];
    assert.deepEqual(linesWithRoom(table, none, isLabel, where).map((u) => [u.location, u.key, u.text]), [['line 3', 'layout.lineWouldFit', '按照市区两级工作299计划财务科']]);
  });

  test('whatever edge pdftotext set the first line at (right after its label: seed 7474, form 195)', () => {
    const name = cell(1, 5, [4, '实际完成数略低于目标，实际完195']);
    const department = cell(1, 8, [7, '综合科']);
    const joined = { ...name, tokens: [...name.tokens, ...department.tokens] };
    const table = [[cell(0, 0, [4, '项目名称']), joined, cell(0, 75, [4, '预算单位'])]];
    assert.deepEqual(linesWithRoom(table, none, isLabel, where).map((u) => u.text), ['实际完成数略低于目标，实际完195综合科']);
  });

  test('not when the line fills the room up to the next text, nor when no text right of it bounds its column', () => {
    const full = [[cell(0, 1, [2, '项目名称'])], [cell(1, 12, [3, '组织开展专项检查2次，覆盖全区15个街'], [4, '镇295']), cell(1, 49, [3, '预算单位'])]];
    const unbounded = [[cell(0, 1, [2, '项目名称'])], [cell(1, 12, [3, '按照市区两级工作299'], [4, '计划财务科'])]];
    assert.deepEqual([...linesWithRoom(full, none, isLabel, where), ...linesWithRoom(unbounded, none, isLabel, where)], []);
  });

  test('a value right under another\'s full last line, at its left edge, is in doubt, and so is the value above', () => {
    // The name's last line fills its cell up to 预算单位; its wrapped 镇295, two lines down, was read as 具体实施处's (seed 1111, form 295).
    const table = (name: string) => [
      [cell(0, 1, [2, '项目名称']), cell(0, 12, [2, name])],
      [cell(1, 49, [3, '预算单位']), cell(1, 67, [3, '杭州市徐汇区教育局'])],
      [cell(2, 12, [4, '镇295']), cell(2, 0, [5, '主管部门'])],
    ];
    const named = (t: LayoutCell[][]) => valuesUnderFullLines(t, none, isLabel, where).map((u) => [u.location, u.lineNo, u.key, u.text]);
    assert.deepEqual(named(table('组织开展专项检查2次，覆盖全区15个街')), [
      ['line 4', 4, 'layout.lineFull', '镇295'],
      ['line 2', 4, 'layout.lineFull', '组织开展专项检查2次，覆盖全区15个街'],
    ]);
    // A short name had room for 镇: the value under it is another field's.
    assert.deepEqual(named(table('社区图书角运营')), []);
    // Another field's text in the column between them: the value does not follow the name.
    const parted = table('组织开展专项检查2次，覆盖全区15个街');
    parted[1]!.push(cell(1, 12, [3, '计划财务科']));
    assert.deepEqual(named(parted), []);
  });
});
