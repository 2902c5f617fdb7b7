import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { templateRegistry } from '../../core/templates/registry.ts';
import type { ImportedForm } from '../import-result.ts';
import { readTextForms } from '../text/read-text-forms.ts';
import { blankBesideDoubts, doubtfulValues, filledBesideBlank, offCentreCaptions, tiedCaptions } from './doubtful-rows.ts';
import { layoutLines } from './layout-lines.ts';
import { joinWrappedLabels, type LabelFit } from './layout-wraps.ts';
import { labellingForTest } from './read-layout-forms.ts';

const LABELS = ['当年预算数（元）', '项目名称'];
const fit = (text: string): LabelFit => (LABELS.includes(text) ? 'whole' : LABELS.some((l) => l.startsWith(text)) ? 'part' : undefined);
const texts = (text: string) => joinWrappedLabels(layoutLines(text), fit).map((l) => l.tokens.map((t) => t.text));

describe('labels wrapped inside their cell', () => {
  test('are joined with the text right under them, a line of another cell in between', () => {
    const lines = texts(['当年预算数（          80,000.00', '                      上年预算', '  元）'].join('\n'));
    assert.deepEqual(lines, [['当年预算数（元）', '80,000.00'], ['上年预算'], []]);
  });

  test('a whole label goes on with its unit in brackets printed under it, a line of another cell in between', () => {
    const labelled = (text: string): LabelFit => (['项目资金', '项目资金(元)'].includes(text.replace('（', '(').replace('）', ')')) ? 'whole' : undefined);
    const lines = joinWrappedLabels(layoutLines(['项目资金 政拨款', '（元）'].join('\n')), labelled).map((l) => l.tokens.map((t) => t.text));
    assert.deepEqual(lines, [['项目资金（元）', '政拨款'], []]);
    // Text under it that is no unit stays where it is.
    assert.deepEqual(joinWrappedLabels(layoutLines(['项目资金', '其他'].join('\n')), labelled).map((l) => l.tokens.map((t) => t.text)), [['项目资金'], ['其他']]);
  });

  test('stay as printed when the text under them makes no label', () => {
    assert.deepEqual(texts(['当年预算数（', '  万', '  元）'].join('\n')), [['当年预算数（'], ['万'], ['元）']]);
  });

  test('are joined across a heading merged over rows, printed on the line between and spilling under them', () => {
    // The national form's funding block as pdftotext printed it (seed 777, form 474): the source's
    // name wraps round the heading's line, an amount on each of its lines.
    const lines = texts(['          当年预算数（             4,877,586.21', '项目资金（元）', '             元）          1,136,144.58'].join('\n'));
    assert.deepEqual(lines, [['当年预算数（元）', '4,877,586.21'], ['项目资金（元）'], ['1,136,144.58']]);
    assert.deepEqual(texts(['              当年预算数（', '项目资金', '                元）'].join('\n')), [['当年预算数（元）'], ['项目资金'], []]);
    // Wrapped over three lines with a heading's two lines between (seed 5151, form 146): each piece
    // is sought within reach of the one before it, not of the first.
    const three = texts(['          当年预          1,000.00', '项目资金（万元', '          算数（', '   ）', '          元）'].join('\n'));
    assert.deepEqual(three, [['当年预算数（元）', '1,000.00'], ['项目资金（万元'], [], ['）'], []]);
  });
});

const FIXTURE = new URL('../../../test/fixtures/real-2022-putuo-sports.json', import.meta.url);
const registry = templateRegistry();

function form(change: (e: Evaluation) => void): ImportedForm {
  const evaluation = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { evaluations: Evaluation[] }).evaluations[0]!;
  change(evaluation);
  const locations = Object.fromEntries(evaluation.indicators.flatMap((ind, i) => Object.keys(ind).map((k) => [`indicators[${i}].${k}`, `line ${30 + i}`])));
  return { evaluation, locations, start: 'line 1' };
}

const doubts = (f: ImportedForm) => doubtfulValues('form.txt', f, 0, registry.get(f.evaluation.template)!).map((d) => [d.code, d.path, d.location]);

describe('figures that do not agree report the fields they involve', () => {
  test('a form whose figures agree (the rate rounded its own way) reports nothing', () => {
    assert.deepEqual(doubts(form(() => {})), []);
  });

  test('weights that do not add up to the printed total: every indicator field, with its line', () => {
    const f = form((e) => {
      [e.indicators[0]!.weight, e.indicators[1]!.weight] = [e.indicators[1]!.weight, e.indicators[0]!.weight! + 1];
    });
    const found = doubts(f);
    const fields = f.evaluation.indicators.reduce((n, i) => n + Object.values(i).filter((v) => v !== '' && v !== undefined).length, 0);
    assert.equal(found.filter((d) => String(d[1]).includes('.indicators[')).length, fields);
    assert.ok(found.some((d) => d[1] === 'evaluations[0].indicators[1].weight' && d[2] === 'line 31'));
    assert.ok(found.some((d) => d[1] === 'evaluations[0].totals.weight'));
  });

  test('funding sources that do not add up to 年度资金总额, or a source named twice', () => {
    const split = (e: Evaluation, executed: string, source = '其他资金') => {
      e.funding!.push({ source: '其中：当年财政拨款', initial: '200000.00', adjusted: '200000.00', executed: '200000.00' });
      e.funding!.push({ source, initial: '50000.00', adjusted: '50000.00', executed });
    };
    assert.deepEqual(doubts(form((e) => split(e, '15457.60'))), []);
    const off = doubts(form((e) => split(e, '15457.06')));
    assert.ok(off.some((d) => d[1] === 'evaluations[0].funding[2].executed'));
    assert.ok(off.some((d) => d[1] === 'evaluations[0].project.executed'));
    assert.ok(doubts(form((e) => split(e, '15457.60', '其中：当年财政拨款'))).some((d) => d[1] === 'evaluations[0].funding[1].source'));
  });

  test('a text field that reads only 是 or 否 (the answer of the yes/no question beside its blank label)', () => {
    // The Shanghai form asks 是否为经常性项目 and prints its answer as 是/否.
    const answers = (department: string) => {
      const f = form((e) => (e.project.department = department));
      f.locations['project.department'] = 'line 8';
      const found = doubtfulValues('form.txt', f, 0, registry.get('shanghai-2021')!);
      return found.filter((d) => d.path === 'evaluations[0].project.department').map((d) => [d.code, d.location, d.message.key]);
    };
    assert.deepEqual(answers('是'), [['LAYOUT_VALUE_UNCLEAR', 'line 8', 'layout.answerUnclear']]);
    assert.deepEqual(answers('是否科'), []);
  });

  test('an indicator row with values but no name: its fields and its neighbours\' (its name went to one of them)', () => {
    const f = form((e) => {
      e.indicators[2]!.name = `${e.indicators[1]!.name}${e.indicators[2]!.name}`;
      e.indicators[1]!.name = '';
    });
    const found = doubts(f).filter((d) => /indicators\[[0-3]\]\.(name|target)$/u.test(String(d[1])));
    assert.deepEqual(found.map((d) => d[1]).sort(), ['evaluations[0].indicators[0].name', 'evaluations[0].indicators[0].target', 'evaluations[0].indicators[1].target', 'evaluations[0].indicators[2].name', 'evaluations[0].indicators[2].target']);
    assert.deepEqual(doubts(form(() => {})), []);
  });

  test('a rate far from what the amounts give, or one that cannot be checked', () => {
    assert.ok(doubts(form((e) => (e.project.executionRate = '8.62'))).some((d) => d[1] === 'evaluations[0].project.executionRate'));
    assert.ok(doubts(form((e) => delete e.project.executed)).some((d) => d[1] === 'evaluations[0].project.executionRate'));
  });
});

test('a blank indicator field beside the same field of a row in doubt is named: it may have lost that text', () => {
  // Seed 777, form 381: 备注 of one row read 受疫情影。 printed right above the next row, whose 备注
  // read blank; form 475: 权重/自评分 blank in a row next to rows whose points do not add up.
  const f = form((e) => {
    e.indicators[1]!.remark = '受疫情影。';
    e.indicators[2]!.target = '';
  });
  const doubt = (code: string, path: string) => ({ severity: 'warning' as const, code, file: 'form.txt', location: 'line 31', path: `evaluations[0].${path}`, message: { key: 'layout.cellUnclear', params: { line: 31, field: path } } });
  const named = (said: ReturnType<typeof doubt>[]) => blankBesideDoubts('form.txt', [f], said).map((d) => [d.path, d.location, d.message.key]);
  // Both neighbours' blank 备注 are named (which one lost the text cannot be told), not the filled 目标值.
  assert.deepEqual(named([doubt('LAYOUT_CELL_UNCLEAR', 'indicators[1].remark'), doubt('LAYOUT_CELL_UNCLEAR', 'indicators[1].target')]), [
    ['evaluations[0].indicators[0].remark', 'line 31', 'layout.blankBesideDoubt'],
    ['evaluations[0].indicators[2].remark', 'line 31', 'layout.blankBesideDoubt'],
    ['evaluations[0].indicators[2].target', 'line 31', 'layout.blankBesideDoubt'],
  ]);
  // Named once however many doubts point at it; a check other than the layout's doubts no row.
  assert.equal(named([doubt('LAYOUT_VALUE_UNCLEAR', 'indicators[1].remark'), doubt('LAYOUT_CELL_UNCLEAR', 'indicators[1].remark')]).length, 2);
  assert.deepEqual(named([doubt('UNREADABLE_VALUE', 'indicators[1].remark'), doubt('LAYOUT_CELL_UNCLEAR', 'indicators[0].name')]), []);
});

test('a field every row prints, read blank in the row in doubt itself, is named: its cell may have gone to a neighbour', () => {
  // Seed 777, form 58: a row's name and target went to the row below, whose target was in doubt; the row
  // above read them blank, and no check named them (a blank field has no cell).
  const f = form((e) => {
    e.indicators[1]!.name = '';
    e.indicators[1]!.remark = '';
  });
  const doubt = { severity: 'warning' as const, code: 'LAYOUT_CELL_UNCLEAR', file: 'form.txt', location: 'line 31', path: 'evaluations[0].indicators[1].target', message: { key: 'layout.cellUnclear', params: { line: 31, field: 'indicators[1].target' } } };
  const named = (printed: readonly string[]) => blankBesideDoubts('form.txt', [f], [doubt], () => printed).map((d) => d.path);
  // The blank name is named; the blank 备注 is not (many rows leave it blank), nor a column the form does not print.
  assert.deepEqual(named(['name', 'target', 'weight', 'score']), ['evaluations[0].indicators[1].name']);
  assert.deepEqual(named(['target', 'weight', 'score']), []);
});

test('a text column every row prints read blank names the filled column beside it in its row: its value may be there', () => {
  // Seed 2236, form 80: a row's target taken by the row above, its actual 97% then placed in the target's column.
  const f = form((e) => {
    e.indicators[1]!.target = e.indicators[1]!.actual ?? '97%';
    e.indicators[1]!.actual = '';
  });
  const named = (printed: readonly string[]) => filledBesideBlank('form.txt', [f], () => printed).map((d) => [d.path, d.message.key]);
  assert.deepEqual(named(['name', 'target', 'actual', 'weight', 'score']), [['evaluations[0].indicators[1].target', 'layout.besideBlankInRow']]);
  // The points are no text column: a blank actual beside the weight names only the target; a form with no 实际完成值 column, nothing.
  assert.deepEqual(named(['name', 'target', 'weight', 'score']), []);
  assert.deepEqual(filledBesideBlank('form.txt', [form(() => {})], () => ['name', 'target', 'actual']), []);
});

test('a figure of a row that read text (taken as blank): the blank text fields of that row are named', () => {
  // Seed 31337, form 36: the last row's 备注 printed in 权重's column; 权重 read it as no figure, and 备注 read blank.
  const f = form((e) => {
    e.indicators[3]!.weight = undefined;
    e.indicators[3]!.remark = '';
  });
  const unreadable = { severity: 'warning' as const, code: 'UNREADABLE_VALUE', file: 'form.txt', location: 'line 188', path: 'evaluations[0].indicators[3].weight', message: { key: 'grid.unreadableValue', params: { text: '按照市区两级工作要求', field: 'indicators[3].weight' } } };
  const found = blankBesideDoubts('form.txt', [f], [unreadable]).map((d) => [d.path, d.location, d.message.key, d.message.params.line]);
  // 备注 holds text in no row of this form: only a column some row fills with text is named; here none is blank but 备注.
  assert.deepEqual(found, []);
  f.evaluation.indicators[0]!.remark = '受疫情影响';
  assert.deepEqual(blankBesideDoubts('form.txt', [f], [unreadable]).map((d) => [d.path, d.location, d.message.key, d.message.params.line]), [['evaluations[0].indicators[3].remark', 'line 188', 'layout.textInFigure', '188']]);
});

test('a wrapped line right above the next row, away from its own label, is said to be unclear', async () => {
  const text = [
    '                              2023年度财政项目绩效自评价',
    '',
    '             社区图书角',
    ' 项目名称                                              预算单位           上海市某区文化局',
    '             运营',
    ' 具体实施处（科室）    文化科                       是否为经常性项目          否',
  ].join('\n');
  const result = await readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(text) });
  const unclear = result.diagnostics.filter((d) => d.code === 'LAYOUT_CELL_UNCLEAR');
  assert.deepEqual(unclear.map((d) => [d.path, d.location]), [['evaluations[0].project.name', 'line 3']]);
  assert.match(unclear[0]!.message.key, /cellUnclear/u);
});

test('a label naming the amounts\' unit wraps inside its unit in either unit (项目资金（万 / 元）)', () => {
  const { fit } = labellingForTest();
  const lines = joinWrappedLabels(layoutLines(['项目资金（万          年初预算数', '  元）'].join('\n')), fit).map((l) => l.tokens.map((t) => t.text));
  assert.deepEqual(lines, [['项目资金（万元）', '年初预算数'], []]);
});

describe('a 二级指标 row between two captions, kept with the nearer', () => {
  test('reports that column of every row of the two captions, and nothing of the rows of others', () => {
    const f = form(() => {});
    // Rows 0–1 under the caption printed on line 30, row 2 under the one on line 32 (form() puts
    // row k's fields on line 30 + k): the row between them is in doubt, so are both captions' rows.
    f.locations['indicators[1].subcategory'] = 'line 30';
    const note = { field: 'subcategory', lineNo: 31, first: '数量指标', second: '质量指标', kept: ['line 30', 'line 32'] };
    const reported = tiedCaptions('form.txt', f, 0, [note]).map((d) => [d.code, d.path]);
    assert.deepEqual(reported, [0, 1, 2].map((i) => ['LAYOUT_VALUE_UNCLEAR', `evaluations[0].indicators[${i}].subcategory`]));
    // A note of a row left blank (no caption kept) is said elsewhere, not here.
    assert.deepEqual(tiedCaptions('form.txt', f, 0, [{ ...note, kept: undefined }]), []);
  });
});

describe('a 二级指标 caption off the middle of the rows it is given', () => {
  test('reports that column of its rows and of the rows of the captions next to it, not the whole column', () => {
    const f = form(() => {});
    // Captions printed on lines 30 and 31 (row 0's and row 1's, as form() places them): the one off
    // the middle and its neighbour. Where its span ends is a guess, and so where the next one's begins;
    // the rows of captions further off are placed by their own lines.
    const note = { field: 'subcategory', offCentre: true, around: ['line 30', 'line 31'], first: '数量指标' };
    const paths = (notes: Parameters<typeof offCentreCaptions>[3]) => offCentreCaptions('form.txt', f, 0, notes).map((d) => d.path);
    assert.deepEqual(paths([note]), ['evaluations[0].indicators[0].subcategory', 'evaluations[0].indicators[1].subcategory']);
    assert.ok(f.evaluation.indicators.length > 2);
    // A note that does not say which captions are around it doubts the whole column.
    assert.deepEqual(paths([{ ...note, around: undefined }]), f.evaluation.indicators.map((_, i) => `evaluations[0].indicators[${i}].subcategory`).filter((_, i) => (f.evaluation.indicators[i]!.subcategory ?? '') !== ''));
  });
});
