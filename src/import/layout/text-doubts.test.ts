import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { templateRegistry } from '../../core/templates/registry.ts';
import type { ImportedForm } from '../import-result.ts';
import { doubtfulValues } from './doubtful-rows.ts';
import { textDoubts } from './text-doubts.ts';

const FIXTURE = new URL('../../../test/fixtures/real-2022-putuo-sports.json', import.meta.url);
const registry = templateRegistry();
/** Where each text field is printed, as the layout reader records it. */
const LINES: Record<string, number> = { 'project.name': 3, 'project.budgetUnit': 4, 'project.department': 4, annualGoal: 20, achievements: 60, problems: 63, improvements: 72, grade: 58 };

function form(change: (e: Evaluation) => void): ImportedForm {
  const evaluation = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { evaluations: Evaluation[] }).evaluations[0]!;
  // The text fields of the Shanghai form (主要绩效 / 主要问题 / 改进措施) beside the fixture's.
  Object.assign(evaluation, { achievements: '全年完成主要工作任务。', problems: '部分工作推进较慢。', improvements: '加强预算编制的科学性。' });
  change(evaluation);
  const locations = Object.fromEntries(Object.entries(LINES).map(([path, line]) => [path, `line ${line}`]));
  return { evaluation, locations, start: 'line 1' };
}

const where = (d: { path?: string; location?: string }) => `${d.path} ${d.location}`;
/** The text checks, with the Shanghai template's notes and header fields. */
const doubted = (f: ImportedForm) => textDoubts('form.txt', f, 0, registry.get('shanghai-2021')!).map(where);

describe('text fields that show they took a neighbour’s text are reported with their line', () => {
  test('a form whose text fields read as printed reports none of them', () => {
    assert.deepEqual(doubted(form(() => {})), []);
  });

  test('an amount run into the front of a text: that field', () => {
    assert.deepEqual(doubted(form((e) => (e.annualGoal = `6,548,597.24${e.annualGoal}`))), ['evaluations[0].annualGoal line 20']);
    assert.deepEqual(doubted(form((e) => (e.annualGoal = `0.00${e.annualGoal}`))), ['evaluations[0].annualGoal line 20']);
    // A text that starts with a figure of its own (a count, a year) is no amount.
    assert.deepEqual(doubted(form((e) => (e.annualGoal = `15个街镇${e.annualGoal}`))), []);
  });

  test('a text field that reads as a figure or a date alone (the cell beside it taken in): that field', () => {
    assert.deepEqual(doubted(form((e) => (e.achievements = '2026.3.13'))), ['evaluations[0].achievements line 60']);
    assert.deepEqual(doubted(form((e) => (e.project.budgetUnit = '4,305.00'))), ['evaluations[0].project.budgetUnit line 4']);
    // A name that holds a figure among its words is text.
    assert.deepEqual(doubted(form((e) => (e.project.name = '2022年全民健身'))), []);
  });

  test('the notes printed under the form taken into a text field: that field', () => {
    const f = form((e) => (e.improvements = `${e.improvements}产出目标、效果目标和影响力目标可根据项目情况自行增加绩效指标。`));
    assert.deepEqual(doubted(f), ['evaluations[0].improvements line 72']);
  });

  test('a required header field read blank: it, and the filled ones printed near it, not those far off', () => {
    const f = form((e) => {
      e.project.name = e.project.budgetUnit!;
      e.project.budgetUnit = '';
    });
    // The blank field is named too: left blank with no word, its value would be looked for nowhere.
    assert.deepEqual(doubted(f), ['evaluations[0].project.name line 3', 'evaluations[0].project.department line 4', 'evaluations[0].project.budgetUnit line 4']);
    const far = { ...f, locations: { ...f.locations, 'project.name': 'line 9' } };
    assert.deepEqual(doubted(far), ['evaluations[0].project.department line 4', 'evaluations[0].project.budgetUnit line 4']);
    // A neighbour above, read from its first line four lines up (its wrapped text running down onto
    // the blank field's value, seed 8080 form 74), is in doubt; one further up than a blank
    // neighbour's reach is not.
    const above = { ...f, locations: { ...f.locations, 'project.budgetUnit': 'line 7', 'project.department': 'line 20' } };
    assert.deepEqual(doubted(above), ['evaluations[0].project.name line 3', 'evaluations[0].project.budgetUnit line 7']);
    const farAbove = { ...above, locations: { ...above.locations, 'project.budgetUnit': 'line 9' } };
    assert.deepEqual(doubted(farAbove), []);
  });

  test('a blank 具体实施处 (which may be blank): only a neighbour read from the lines under its label', () => {
    const blank = form((e) => (e.project.department = ''));
    assert.deepEqual(doubted(blank), []);
    const below = { ...blank, locations: { ...blank.locations, 'project.budgetUnit': 'line 5' } };
    assert.deepEqual(doubted(below), ['evaluations[0].project.budgetUnit line 5', 'evaluations[0].project.department line 4']);
  });

  test('a text field read blank and the next one a few lines below filled: both', () => {
    // A line between 主要绩效 and 主要问题 may be either's (seed 777 forms 31, 221, 309, 359):
    // the blank one is named as well as the one that read it.
    assert.deepEqual(doubted(form((e) => (e.achievements = ''))), ['evaluations[0].problems line 63', 'evaluations[0].achievements line 60']);
    assert.deepEqual(doubted({ ...form((e) => (e.achievements = '')), locations: { ...form(() => {}).locations, problems: 'line 70', improvements: 'line 76' } }), []);
  });

  test('two text fields read from the same cell (same line, same text): both', () => {
    const f = form((e) => (e.problems = e.achievements!));
    assert.deepEqual(doubted({ ...f, locations: { ...f.locations, problems: 'line 60' } }), ['evaluations[0].achievements line 60', 'evaluations[0].problems line 60']);
    // The same words printed twice, in cells of their own, are each that field's.
    assert.deepEqual(doubted(f), []);
  });

  test('a text field reading only a grade (良好 beside a blank field): that field, not the grade itself', () => {
    const grade = registry.get('national-2020')!.grades[1]!.label.zh;
    const f = form((e) => (e.annualGoal = grade));
    assert.deepEqual(doubtfulValues('form.txt', f, 0, registry.get(f.evaluation.template)!).map(where), ['evaluations[0].annualGoal line 20']);
  });
});

test('an indicator named as a caption of the form (服务对象满意度指标): its name and target, the column beside it (seed 5151, form 16)', () => {
  const national = registry.get('national-2020')!;
  const named = (name: string) => {
    const f = form((e) => {
      e.indicators[1]!.name = name;
    });
    f.locations = { ...f.locations, 'indicators[1].name': 'line 40', 'indicators[1].target': 'line 41' };
    return textDoubts('form.txt', f, 0, national).filter((d) => d.message.key === 'layout.captionAsName').map(where);
  };
  assert.deepEqual(named('服务对象满意度指标'), ['evaluations[0].indicators[1].name line 40', 'evaluations[0].indicators[1].target line 41']);
  assert.deepEqual(named('服务对象 满意度指标'), ['evaluations[0].indicators[1].name line 40', 'evaluations[0].indicators[1].target line 41']);
  // A name that only contains a caption's words is an indicator's own (服务对象满意度, 满意度指标完成率).
  assert.deepEqual(named('服务对象满意度'), []);
  assert.deepEqual(named('数量指标完成率'), []);
});

test('a 二级指标 its 一级指标 has not: the row\'s name, target and actual too, each of which may be the next column\'s text (seed 6262, form 58)', () => {
  const f = form((e) => {
    e.indicators[1]!.subcategory = '服务对象满意度';
  });
  f.locations = { ...f.locations, 'indicators[1].name': 'line 40', 'indicators[1].target': 'line 41', 'indicators[1].actual': 'line 41' };
  const template = registry.get(f.evaluation.template)!;
  const names = (g: ImportedForm) => doubtfulValues('form.txt', g, 0, template).filter((d) => d.message.key === 'layout.nameAsCaption').map(where);
  assert.deepEqual(names(f), ['evaluations[0].indicators[1].name line 40', 'evaluations[0].indicators[1].target line 41', 'evaluations[0].indicators[1].actual line 41']);
  assert.deepEqual(names(form(() => undefined)), []);
});

test('an indicator named as a caption of the form: the row\'s own captions too, which may be a neighbour\'s (seed 7531, form 154)', () => {
  const f = form((e) => {
    e.indicators[1]!.name = '可持续影响指标';
  });
  f.locations = { ...f.locations, 'indicators[1].category': 'line 30', 'indicators[1].subcategory': 'line 35' };
  const own = (g: ImportedForm) => textDoubts('form.txt', g, 0, registry.get('national-2020')!).filter((d) => d.message.key === 'layout.captionBesideName').map(where);
  const { category, subcategory } = f.evaluation.indicators[1]!;
  assert.ok(category !== undefined && subcategory !== undefined);
  assert.deepEqual(own(f), ['evaluations[0].indicators[1].category line 30', 'evaluations[0].indicators[1].subcategory line 35']);
  // The row named as it should be: its captions are not doubted.
  assert.deepEqual(own(form(() => undefined)), []);
});

