import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeEvaluationsWorkbook } from '../../export/xlsx/workbook.ts';
import { readXlsxGrids } from '../xlsx/read-xlsx-grids.ts';
import { nationalEvaluation, seedEvaluations } from '../../../test/support/fixtures.ts';
import { gridOf } from '../../../test/support/grid-spec.ts';
import type { Grid, GridCell } from './grid.ts';
import { recognizeForms } from './recognize-forms.ts';

const grid = gridOf;

/** The seed's first form as its sheet's grid. */
async function seedFormGrid(): Promise<Grid> {
  const bytes = await writeEvaluationsWorkbook(seedEvaluations().slice(0, 1));
  return (await readXlsxGrids(bytes)).grids[0]!;
}

/**
 * Cuts a sheet's grid into two PDF pages at `at`: cells crossing the cut continue on page 2 as
 * empty cells, and page 2 repeats the table's header row, as printed tables do.
 */
function twoPages(sheet: Grid, at: number, headerRow: number): Grid[] {
  const relocate = (cell: GridCell, page: number, row: number, rowSpan: number): GridCell => ({
    ...cell, row, rowSpan, location: `page ${page}, row ${row + 1}, column ${cell.col + 1}`,
  });
  const first = sheet.cells.filter((c) => c.row < at).map((c) => relocate(c, 1, c.row, Math.min(c.rowSpan, at - c.row)));
  const header = sheet.cells.filter((c) => c.row === headerRow).map((c) => relocate(c, 2, 0, 1));
  const crossing = sheet.cells.filter((c) => c.row < at && c.row + c.rowSpan > at).map((c) => ({ ...relocate(c, 2, 1, c.row + c.rowSpan - at), text: '' }));
  const rest = sheet.cells.filter((c) => c.row >= at).map((c) => relocate(c, 2, c.row - at + 1, c.rowSpan));
  return [
    { source: 'page 1', page: 1, cells: first },
    { source: 'page 2', page: 2, cells: [...header, ...crossing, ...rest] },
  ];
}

describe('recognizeForms', () => {
  it('joins a form that runs over two pages with the table header repeated', async () => {
    const sheet = await seedFormGrid();
    const headerRow = sheet.cells.find((c) => c.text === '一级指标')!.row;
    const pages = twoPages(sheet, headerRow + 11, headerRow);
    const result = recognizeForms(pages, { file: 'seed.pdf' });
    const [expected] = seedEvaluations();
    // The output block's cell continues blank on page 2: its rows are placed by the caps.
    assert.deepEqual(new Set(result.diagnostics.map((d) => d.code)), new Set(['CATEGORY_INFERRED']));
    assert.deepStrictEqual(result.forms.map((f) => f.evaluation), [expected]);
    assert.equal(result.forms[0]!.locations['totals.score']?.startsWith('page 2, '), true);
  });

  it('infers the category of rows printed without one, from the caps, and says so', async () => {
    const sheet = await seedFormGrid();
    const satisfaction = sheet.cells.find((c) => c.text.startsWith('满意度指标'))!;
    // As on the seed's first form: the 满意度 caption covers only its last two rows.
    satisfaction.row += 2;
    satisfaction.rowSpan -= 2;
    const result = recognizeForms([sheet], { file: 'seed.xlsx' });
    assert.deepStrictEqual(result.forms[0]!.evaluation, seedEvaluations()[0]);
    const inferred = result.diagnostics.filter((d) => d.code === 'CATEGORY_INFERRED');
    assert.deepEqual(inferred.map((d) => d.path), ['evaluations[0].indicators[19].category', 'evaluations[0].indicators[20].category']);
    assert.equal(inferred[0]!.severity, 'warning');
    assert.match(inferred[0]!.location ?? '', /cell B\d+$/u);
  });

  it('reads several forms printed one after another on one sheet', async () => {
    const bytes = await writeEvaluationsWorkbook([...seedEvaluations(), nationalEvaluation()]);
    const sheets = (await readXlsxGrids(bytes)).grids;
    let offset = 0;
    const stacked: GridCell[] = [];
    for (const sheet of sheets) {
      stacked.push(...sheet.cells.map((c) => ({ ...c, row: c.row + offset })));
      offset += Math.max(...sheet.cells.map((c) => c.row + c.rowSpan)) + 2;
    }
    const result = recognizeForms([{ source: 'sheet 汇总', cells: stacked }], { file: 'all.xlsx' });
    assert.deepEqual(result.diagnostics, []);
    assert.deepStrictEqual(result.forms.map((f) => f.evaluation), [...seedEvaluations(), nationalEvaluation()]);
  });

  it('matches labels wrapped inside a cell, reads 万元, dates like 2022.3.2, and blank cells as blank', () => {
    const page = grid('page 1', [
      [['2021年度财政项目绩效自评价', 1, 7]],
      ['项目名称', ['测试项目', 1, 2], ['预算单位', 1, 2], ['某局', 1, 2]],
      ['具体实施处（科室\n）', ['', 1, 2], ['是否为经常性\n项目', 1, 2], ['是', 1, 2]],
      ['当年预算数（万元）', ['41.44', 1, 2], ['上年预算金额（万元）', 1, 2], ['96', 1, 2]],
      ['预算执行数（万元）', ['25.7602', 1, 2], ['预算执行率（%）', 1, 2], ['62.16%', 1, 2]],
      ['项目年度总目标', ['目标', 1, 6]],
      ['一级指标', '指标名称', '目标值', '权重', '评分规则', '自评分', '备注'],
      ['产出指标\n(45分)', '宣传场次', '=10场', '45', '满10场得满分', '45', ''],
      ['效益指标(35分)', '影响', '提升', '35', '提升得满分', '35', ''],
      ['满意度指标(20分)', '满意度', '较满意', '20', '较满意得满分', '18', '个别不满意'],
      [['合计', 1, 3], '100', '', '98', ''],
      ['自评时间', ['2022.3.2', 1, 2], ['绩效等级', 1, 2], ['优秀', 1, 2]],
      ['主要绩效', ['完成', 1, 6]],
      ['主要问题', ['无', 1, 6]],
      ['改进措施', ['无', 1, 6]],
    ], 1);
    const result = recognizeForms([page], { file: 'form.pdf' });
    assert.deepEqual(result.diagnostics, []);
    const evaluation = result.forms[0]!.evaluation;
    assert.deepEqual(evaluation.project, {
      name: '测试项目', budgetUnit: '某局', department: '', recurring: true,
      budgetCurrentYear: '414400.00', budgetPreviousYear: '960000.00', executed: '257602.00', executionRate: '62.16', amountUnit: '万元',
    });
    assert.equal(evaluation.evaluatedOn, '2022-03-02');
    assert.deepEqual(evaluation.indicators.map((i) => i.category), ['output', 'effect', 'satisfaction']);
    assert.equal(result.forms[0]!.locations['project.department'], 'page 1, row 3, column 2');
    assert.equal(result.forms[0]!.locations['totals.score'], 'page 1, row 11, column 6');
    assert.equal(result.forms[0]!.locations['project.executionRate'], 'page 1, row 5, column 6');
  });

  it('names what it could not read', () => {
    const page = grid('sheet 表1', [
      [['项目支出绩效自评表', 1, 8]],
      ['项目名称', ['某项目', 1, 7]],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '场次', '≥10场', '12场', '五十', '50', ''],
    ]);
    const result = recognizeForms([page], { file: 'form.xlsx' });
    const codes = result.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('UNREADABLE_VALUE'));
    assert.ok(codes.includes('TOTALS_NOT_FOUND'));
    assert.ok(codes.includes('YEAR_INFERRED'));
    assert.ok(codes.includes('FIELD_NOT_FOUND'));
    const unreadable = result.diagnostics.find((d) => d.code === 'UNREADABLE_VALUE')!;
    assert.equal(unreadable.location, 'sheet 表1, row 4, column 6');
    assert.equal(unreadable.path, 'evaluations[0].indicators[0].weight');
  });

  it('reads the funding block whose heading prints in a row of its own above the titles, and names a block not found', async () => {
    const sheet = (await readXlsxGrids(await writeEvaluationsWorkbook([nationalEvaluation()]))).grids[0]!;
    const heading = sheet.cells.find((c) => c.text.startsWith('项目资金'))!;
    // As a layout text gives it (项目资金（元 / ） wrapped at the top of its cell): a row of its own, as wide as the form.
    const own = sheet.cells.map((c) => (c === heading ? { ...c, rowSpan: 1, colSpan: 99 } : c.row >= heading.row ? { ...c, row: c.row + 1 } : c));
    const read = recognizeForms([{ ...sheet, cells: own }], { file: 'form.txt' });
    assert.deepStrictEqual(read.forms[0]!.evaluation, nationalEvaluation());
    // Without its heading the block is not read, and the import says so.
    const none = recognizeForms([{ ...sheet, cells: sheet.cells.filter((c) => c !== heading) }], { file: 'form.xlsx' });
    const missing = none.diagnostics.filter((d) => d.code === 'FIELD_NOT_FOUND' && d.path === 'evaluations[0].funding');
    assert.equal(missing.length, 1);
    assert.equal(none.forms[0]!.evaluation.funding, undefined);
  });

  it('says so when nothing looks like a form, and honours a forced template', () => {
    const none = recognizeForms([grid('page 1', [['会议纪要'], ['内容']], 1)], { file: 'x.pdf' });
    assert.deepEqual(none.diagnostics.map((d) => d.code), ['NOT_A_FORM']);
    const unknown = recognizeForms([], { file: 'x.pdf', templateId: 'nowhere' });
    assert.deepEqual(unknown.diagnostics.map((d) => d.code), ['UNKNOWN_TEMPLATE']);
  });
});
