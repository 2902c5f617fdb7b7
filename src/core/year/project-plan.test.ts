import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '../locale/messages.ts';
import { templateRegistry } from '../templates/registry.ts';
import { projectDraft, updateFacts } from './project-draft.ts';
import { factsOf, planProjects, type ProjectRow, type YearProject } from './project-plan.ts';
import { seedEvaluations } from '../../../test/support/fixtures.ts';

const UNITS = new Map([['101', { id: 'u1', disabled: false }], ['102', { id: 'u2', disabled: false }], ['199', { id: 'u9', disabled: true }]]);
const TEMPLATES = new Set(['shanghai-2021', 'national-2020']);
const row = (n: number, more: Partial<ProjectRow> = {}): ProjectRow => ({
  row: n, unitCode: '101', code: `P${n}`, name: `项目${n}`, budget: '1000.00', previousBudget: '', department: '', recurring: null, template: 'shanghai-2021', ...more,
});
const stored = (more: Partial<YearProject>): YearProject => ({
  id: 'p', unitId: 'u1', code: 'P2', name: '项目2', budget: '1000.00', previousBudget: '', department: '', recurring: null, template: 'shanghai-2021', evaluationId: 'e', ...more,
});

test('new projects are created per unit; the same project twice in the list is a problem of its row', () => {
  const plan = planProjects(UNITS, TEMPLATES, [], [row(2), row(3, { unitCode: '102', code: 'P2' }), row(4, { code: '', name: '无代码项目' })]);
  assert.ok(plan.ok);
  assert.deepEqual(plan.creates.map((c) => [c.row.row, c.unitId]), [[2, 'u1'], [3, 'u2'], [4, 'u1']]);
  const twice = planProjects(UNITS, TEMPLATES, [], [row(2), row(3, { code: 'P2', name: '别名' }), row(4, { code: '', name: 'X' }), row(5, { code: '', name: ' x ' })]);
  assert.deepEqual(twice.ok ? [] : twice.problems.map((p) => `${p.row}:${p.field}:${render(p.message, 'zh')}`), [
    '3:code:同一单位的项目重复（第 2 行已有）',
    '5:name:同一单位的项目重复（第 4 行已有）',
  ]);
});

test('a project set up before is matched by code (or by name where it had none) and only its changed facts are updated', () => {
  const plan = planProjects(UNITS, TEMPLATES, [stored({}), stored({ id: 'q', code: '', name: '老项目' })], [
    row(2, { budget: '1200.00' }),
    row(3, { code: 'P3', name: '老项目' }),
    row(4, { code: '', name: '老项目', unitCode: '102' }),
  ]);
  assert.ok(plan.ok);
  assert.deepEqual(plan.updates.map((u) => [u.row.row, u.project.id, u.changed]), [[2, 'p', ['budget']], [3, 'q', ['code']]]);
  assert.deepEqual(plan.creates.map((c) => c.row.row), [4], 'another unit\'s project of the same name is another project');
  const again = planProjects(UNITS, TEMPLATES, [stored({})], [row(2, { code: '' , name: '项目2' })]);
  assert.ok(again.ok);
  assert.deepEqual([again.unchanged, again.updates.length], [1, 0], 'a list without the code keeps the stored code');
});

test('bad rows: unknown or disabled unit, no name, unknown template, bad code', () => {
  const plan = planProjects(UNITS, TEMPLATES, [], [row(2, { unitCode: '999' }), row(3, { unitCode: '199' }), row(4, { name: ' ' }), row(5, { template: 'beijing-2030' }), row(6, { code: 'P 6' }), row(7, { unitCode: '' })]);
  assert.deepEqual(plan.ok ? [] : plan.problems.map((p) => `${p.row}:${p.field}`), ['2:unit', '3:unit', '4:name', '5:template', '6:code', '7:unit']);
  assert.match(plan.ok ? '' : render(plan.problems[3]!.message, 'en'), /Unknown template "beijing-2030" \(known: shanghai-2021, national-2020\)/u);
});

test('a new form: last year\'s carried over on the same template (indicators kept, what happened cleared), the facts from the list', () => {
  const template = templateRegistry().get('shanghai-2021')!;
  const last = { ...seedEvaluations()[0]!, year: 2025 };
  last.indicators = last.indicators.map((i, n) => ({ ...i, id: `ind-${n}` }));
  const facts = factsOf(row(2, { name: '金融业务费用（2026）', budget: '500000.00', previousBudget: '414400.00', department: '综合科', recurring: true }));
  const draft = projectDraft({ year: 2026, facts, budgetUnit: '区金融办' }, template, last);
  assert.equal(draft.year, 2026);
  assert.deepEqual(draft.indicators.map((i) => i.id), last.indicators.map((i) => i.id));
  assert.ok(draft.indicators.every((i) => i.score === undefined && i.actual === undefined));
  assert.equal(draft.indicators[0]!.target, last.indicators[0]!.target);
  assert.deepEqual(
    { ...draft.project },
    { ...draft.project, name: '金融业务费用（2026）', code: 'P2', budgetUnit: '区金融办', department: '综合科', recurring: true, budgetCurrentYear: '500000.00', budgetPreviousYear: '414400.00' },
  );
  assert.equal(draft.project.executed, undefined);
  assert.equal(draft.totals, undefined);
  const blank = projectDraft({ year: 2026, facts, budgetUnit: '区金融办' }, templateRegistry().get('national-2020')!, last);
  assert.deepEqual(blank.indicators, [], 'another template: the blank form');
  assert.equal(blank.template, 'national-2020');
  assert.equal(blank.project.budgetCurrentYear, '500000.00');
});

test('a later list changes a fact only where the form still holds the old one', () => {
  const template = templateRegistry().get('shanghai-2021')!;
  const before = factsOf(row(2));
  const form = projectDraft({ year: 2026, facts: before, budgetUnit: 'U' }, template, null);
  const edited = { ...form, project: { ...form.project, name: '单位改过的名称', budgetCurrentYear: '1000' } };
  const after = { ...before, name: '预算系统新名称', budget: '1500.00', department: '新处室' };
  const result = updateFacts(edited, before, after, ['name', 'budget', 'department']);
  assert.deepEqual(result.kept, ['name'], 'the unit renamed it: kept');
  assert.deepEqual(result.applied, ['budget', 'department'], '"1000" is the 1000.00 the list gave: updated');
  assert.equal(result.document.project.name, '单位改过的名称');
  assert.equal(result.document.project.budgetCurrentYear, '1500.00');
  assert.equal(result.document.project.department, '新处室');
});
