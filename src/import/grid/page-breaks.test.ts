/** Merged cells a page break cut are joined again when the pages are stacked: their rows on the next page are theirs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridDocuments } from './form-region.ts';
import { gridOf, type CellSpec } from '../../../test/support/grid-spec.ts';
import type { Grid } from './grid.ts';
import { cutCellText } from './page-breaks.ts';
import { recognizeForms } from './recognize-forms.ts';

const page = (number: number, rows: CellSpec[][]): Grid => gridOf(`page ${number}`, rows, number);

const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const GOAL = '完成年度各项工作任务，新增服务点位8个/年，资金拨付率达到100%';

/** A national form over three pages: 年度总体目标 cut after its label row, 产出指标 and 数量指标 cut in the table. */
function threePages(continuation: { goalLabel: string; category: string; subcategory: string }): Grid[] {
  return [
    page(1, [
      [null, null, null, ['项目支出绩效自评表', 1, 5]],
      [null, null, null, ['（2020年度）', 1, 5]],
      ['项目名称', ['宣传项目', 1, 7]],
      [['年度总体目标', 1, 1, ['bottom']], ['预期目标', 1, 4], ['实际完成情况', 1, 3]],
    ]),
    page(2, [
      [[continuation.goalLabel, 1, 1, ['top']], [GOAL, 1, 4], ['全年完成主要工作任务', 1, 3]],
      HEADER,
      [['产出指标', 3, 1, ['bottom']], '质量指标', '验收合格率', '≥95%', '97%', '20', '20', ''],
      [null, ['数量指标', 2, 1, ['bottom']], '印制宣传材料', '≥100份', '120份', '10', '10', ''],
      [null, null, '设施巡查次数', '≥12次', '12次', '10', '10', ''],
    ]),
    page(3, [
      [[continuation.category, 1, 1, ['top']], [continuation.subcategory, 1, 1, ['top']], '宣传场次', '≥10场', '12场', '10', '10', ''],
      ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '95%', '30', '30', ''],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', '10', '10', ''],
      [['总分', 1, 5], '90', '90', ''],
    ]),
  ];
}

describe('cutCellText', () => {
  it('keeps one text when both parts print it, or one part prints nothing', () => {
    assert.equal(cutCellText('数量指标', '数量指标'), '数量指标');
    assert.equal(cutCellText('数量指标', ''), '数量指标');
    assert.equal(cutCellText(' ', '年度总体目标'), '年度总体目标');
  });

  it('keeps the whole text where the other part lost lines past its page edge', () => {
    assert.equal(cutCellText('服务对象满意', '服务对象满意度指标'), '服务对象满意度指标');
    assert.equal(cutCellText('服务对象满意度指标', '度指标'), '服务对象满意度指标');
    // Each part shows its lines and the line cut by the page edge: they overlap.
    assert.equal(cutCellText('第1行文字第2行文', '第2行文字第3行文字'), '第1行文字第2行文字第3行文字');
  });

  it('does not join parts that print different texts', () => {
    assert.equal(cutCellText('产出指标', '效益指标'), undefined);
  });
});

describe('a form running over pages', () => {
  it('reads rows on the next page as part of the cut category, and the annual goal under its cut label', () => {
    const result = recognizeForms(threePages({ goalLabel: '年度总体目标', category: '', subcategory: '数量指标' }), { file: 'form.pdf' });
    const evaluation = result.forms[0]!.evaluation;
    assert.deepEqual(
      evaluation.indicators.map((i) => [i.category, i.subcategory, i.name]),
      [
        ['output', '质量指标', '验收合格率'],
        ['output', '数量指标', '印制宣传材料'],
        ['output', '数量指标', '设施巡查次数'],
        ['output', '数量指标', '宣传场次'],
        ['effect', '社会效益指标', '群众知晓率'],
        ['satisfaction', '服务对象满意度指标', '群众满意度'],
      ],
    );
    assert.equal(evaluation.annualGoal, GOAL);
    assert.equal(evaluation.actualOutcome, '全年完成主要工作任务');
    assert.deepEqual(evaluation.totals, { weight: 90, score: 90 });
    const codes = result.diagnostics.map((d) => d.code);
    for (const code of ['PDF_LAYOUT', 'CATEGORY_INFERRED', 'UNREADABLE_VALUE', 'UNKNOWN_CATEGORY']) assert.ok(!codes.includes(code), code);
  });

  it('joins a cut cell over every page it runs through, and keeps its location on the first', () => {
    const [first, , last] = threePages({ goalLabel: '年度总体目标', category: '', subcategory: '' });
    const middle = page(2, [[['产出指标', 2, 1, ['top', 'bottom']], '数量指标', '印制宣传材料'], [null, '数量指标', '宣传场次']]);
    first!.cells.push({ row: 4, col: 0, rowSpan: 1, colSpan: 1, text: '产出指标', location: 'page 1, row 5, column 1', cut: { top: false, bottom: true } });
    const [document] = gridDocuments([first!, middle, last!]);
    const category = document!.cells.filter((c) => c.col === 0 && c.text === '产出指标');
    assert.deepEqual(category.map((c) => [c.vrow, c.rowSpan, c.location]), [[4, 4, 'page 1, row 5, column 1']]);
  });

  it('says which cell it read as two when the parts of a cut cell print different texts', () => {
    const result = recognizeForms(threePages({ goalLabel: '年度总体目标', category: '效益指标', subcategory: '数量指标' }), { file: 'form.pdf' });
    const said = result.diagnostics.filter((d) => d.code === 'PDF_LAYOUT');
    assert.deepEqual(said.map((d) => [d.severity, d.location]), [['warning', 'page 3, row 1, column 1']]);
    assert.equal(result.forms[0]!.evaluation.indicators[3]!.category, 'effect', 'the row on page 3 takes the category it prints');
  });
});
