import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { writeEvaluationsWorkbook } from '../../export/xlsx/workbook.ts';
import { readXlsxGrids } from '../xlsx/read-xlsx-grids.ts';
import { nationalEvaluation, seedEvaluations } from '../../../test/support/fixtures.ts';
import { once } from './block-captions.ts';
import type { Grid, GridCell } from './grid.ts';
import { recognizeForms } from './recognize-forms.ts';

async function sheetOf(evaluation: Evaluation): Promise<Grid> {
  return (await readXlsxGrids(await writeEvaluationsWorkbook([evaluation]))).grids[0]!;
}

const width = (grid: Grid) => Math.max(...grid.cells.map((c) => c.col + c.colSpan));

/** The cell of a block's caption (一级 or 二级指标, the first two columns) that starts with `text`, taken off the grid. */
function takeCell(grid: Grid, text: string): GridCell {
  const cell = grid.cells.find((c) => c.text.startsWith(text) && c.col <= 1)!;
  grid.cells.splice(grid.cells.indexOf(cell), 1);
  return cell;
}

/**
 * Lines printed outside any cell, as a PDF page shows a caption a page break cut from its merged
 * cell: one row each, inserted before `row`, each running from its column to the right edge.
 */
function insertLines(grid: Grid, row: number, lines: ReadonlyArray<[number, string]>): void {
  for (const cell of grid.cells) {
    if (cell.row >= row) cell.row += lines.length;
    else if (cell.row + cell.rowSpan > row) cell.rowSpan += lines.length;
  }
  lines.forEach(([col, text], i) => {
    grid.cells.push({ row: row + i, col, rowSpan: 1, colSpan: width(grid) - col, text, location: `page 1, row ${row + i + 1}, column ${col + 1}` });
  });
}

const codes = (result: ReturnType<typeof recognizeForms>) => result.diagnostics.map((d) => d.code);
const readAsPage = (sheet: Grid) => recognizeForms([{ ...sheet, page: 1 }], { file: 'form.pdf' });

/** The sheet, read as a PDF page, gives the evaluation exactly, with nothing to say. */
function assertReadWhole(sheet: Grid, evaluation: Evaluation): void {
  const result = readAsPage(sheet);
  assert.deepStrictEqual(result.forms[0]!.evaluation, evaluation);
  assert.deepEqual(codes(result), []);
}

describe('block captions printed outside their merged cell', () => {
  it('a 一级 and a 二级指标 caption wrapped over rows, their lines interleaved, are read whole', async () => {
    const evaluation = nationalEvaluation();
    const sheet = await sheetOf(evaluation);
    const category = takeCell(sheet, '满意度指标');
    takeCell(sheet, '服务对象满意度指标');
    insertLines(sheet, category.row + 1, [[1, '服务对象满意'], [0, '满意度指'], [1, '度指标'], [0, '标']]);
    assertReadWhole(sheet, evaluation);
  });

  it('a caption whose points wrap off it, with rows between, is the category; (35分) is no category of its own', async () => {
    const [evaluation] = seedEvaluations();
    const sheet = await sheetOf(evaluation!);
    const caption = takeCell(sheet, '效益指标');
    const [word, points] = caption.text.split(/(?=[(（])/u);
    assert.ok(points !== undefined, caption.text);
    insertLines(sheet, caption.row + 2, [[0, points]]);
    insertLines(sheet, caption.row, [[0, word!]]);
    assertReadWhole(sheet, evaluation!);
  });

  it('points wrapped anywhere (`产出指标(45` / `分)`) still belong to the caption', async () => {
    const [evaluation] = seedEvaluations();
    const sheet = await sheetOf(evaluation!);
    const caption = takeCell(sheet, '产出指标');
    insertLines(sheet, caption.row + 1, [[0, caption.text.slice(-2)]]);
    insertLines(sheet, caption.row, [[0, caption.text.slice(0, -2)]]);
    assertReadWhole(sheet, evaluation!);
  });

  it('a caption printed over an indicator row is not the row\'s name', async () => {
    const [evaluation] = seedEvaluations();
    const sheet = await sheetOf(evaluation!);
    const caption = takeCell(sheet, '满意度指标');
    const row = caption.row + 1;
    sheet.cells.push({ row, col: 0, rowSpan: 1, colSpan: width(sheet), text: caption.text, location: `page 1, row ${row + 1}, column 1` });
    assertReadWhole(sheet, evaluation!);
  });

  it('a caption that is no label of the template, however joined, is said where it is, and is no indicator', async () => {
    const [evaluation] = seedEvaluations();
    const sheet = await sheetOf(evaluation!);
    const caption = takeCell(sheet, '满意度指标');
    insertLines(sheet, caption.row, [[0, '综合'], [0, '指标']]);
    const result = readAsPage(sheet);
    const got = result.forms[0]!.evaluation;
    assert.equal(got.indicators.length, evaluation!.indicators.length);
    const unknown = result.diagnostics.filter((d) => d.code === 'UNKNOWN_CATEGORY');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.location, `page 1, row ${caption.row + 1}, column 1`);
    assert.match(JSON.stringify(unknown[0]!.message), /综合指标/u);
    // The rows under it are placed by the caps, and that is said too.
    assert.ok(codes(result).includes('CATEGORY_INFERRED'));
  });

  it('a caption printed whole at the foot of a page and again, wrapped, at the head of the next is read on each page', async () => {
    const evaluation = nationalEvaluation();
    const sheet = await sheetOf(evaluation);
    const caption = takeCell(sheet, '社会效益指标');
    insertLines(sheet, caption.row + 1, [[1, '标']]);
    insertLines(sheet, caption.row, [[1, '社会效益指'], [1, '标'], [1, '社会效益指']]);
    const cut = caption.row + 2;
    const page = (n: number, cells: GridCell[]): Grid => ({ source: `page ${n}`, page: n, cells });
    const pages = [
      page(1, sheet.cells.filter((c) => c.row < cut).map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, cut - c.row) }))),
      page(2, sheet.cells.filter((c) => c.row >= cut).map((c) => ({ ...c, row: c.row - cut }))),
    ];
    const result = recognizeForms(pages, { file: 'form.pdf' });
    assert.deepStrictEqual(result.forms[0]!.evaluation, evaluation);
    assert.deepEqual(codes(result), []);
  });

  it('rows a caption ran on to are said to be a guess when the blocks\' weights do not add up to their points', async () => {
    const [evaluation] = seedEvaluations();
    // The 产出 block's first three rows weigh nothing: 36 of its 45 points, room for the next block's first row.
    for (const indicator of evaluation!.indicators.slice(0, 3)) Object.assign(indicator, { weight: 0, score: 0 });
    const sheet = await sheetOf(evaluation!);
    const output = takeCell(sheet, '产出指标');
    const effect = takeCell(sheet, '效益指标');
    insertLines(sheet, effect.row + 2, [[0, effect.text]]);
    insertLines(sheet, output.row, [[0, output.text]]);
    const result = readAsPage(sheet);
    const first = evaluation!.indicators.findIndex((i) => i.category === 'effect');
    // The 产出 caption ran on to the 效益 block's first row: where 产出 ends before the 效益 caption is open.
    const guessed = result.diagnostics.filter((d) => d.code === 'CATEGORY_INFERRED').map((d) => d.path);
    assert.deepEqual(guessed, Array.from({ length: first + 1 }, (_, i) => `evaluations[0].indicators[${i}].category`));
    assert.equal(result.forms[0]!.evaluation.indicators[first]!.category, 'output');
  });
});

it('once: a text printed twice in a row is once; other texts stay', () => {
  assert.equal(once('数量指标数量指标'), '数量指标');
  assert.equal(once('满意度指标(20分)满意度指标(20分)'), '满意度指标(20分)');
  assert.equal(once('指标指标值'), '指标指标值');
  assert.equal(once('标'), '标');
  assert.equal(once(''), '');
});
