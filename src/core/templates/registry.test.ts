import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT } from '../../../test/support/fixtures.ts';
import { evaluate } from '../checks/run-checks.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { BUILT_IN_TEMPLATES, templateRegistry } from './registry.ts';
import { validTemplateSchema } from './template.ts';

const readJson = (path: string) => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8'));

test('the built-in templates: Shanghai 45/35/20 unscored execution, national 50/30/10 + 10', () => {
  const [shanghai, national] = BUILT_IN_TEMPLATES;
  assert.deepEqual(shanghai!.caps.map((c) => c.points), [45, 35, 20]);
  assert.deepEqual(shanghai!.execution, { scored: false });
  assert.deepEqual(national!.caps.map((c) => c.points), [50, 30, 10]);
  assert.deepEqual(national!.execution, { scored: true, weight: 10 });
  assert.deepEqual(national!.grades.map((g) => g.label.zh), ['优', '良', '中', '差']);
});

test('a region is added as data: execution 20, output 40, effect + satisfaction 40 together', () => {
  const region = validTemplateSchema.parse(readJson('test/fixtures/templates/example-region-2023.json'));
  const registry = templateRegistry([region]);
  assert.deepEqual(registry.ids(), ['shanghai-2021', 'national-2020', 'example-region-2023']);
  const evaluation = readJson('test/fixtures/example-region-2023.json').evaluations[0] as Evaluation;
  const report = evaluate(evaluation, registry.get('example-region-2023')!);
  assert.equal(report.computed.score, 94.24);
  assert.equal(report.computed.grade.label.zh, '优秀');
  assert.deepEqual(report.computed.blocks.map((b) => [b.categories.join('+'), b.weight]), [['output', 40], ['effect+satisfaction', 40]]);
  assert.deepEqual(report.findings.map((f) => f.code), ['HIGH_SCORE_LOW_EXECUTION']);

  // The same numbers on the national template break its caps.
  const national = evaluate({ ...evaluation, template: 'national-2020' }, registry.get('national-2020')!);
  assert.ok(national.findings.some((f) => f.code === 'CATEGORY_WEIGHT'));
});

test('a template with a cap on a category it does not have is refused', () => {
  const region = readJson('test/fixtures/templates/example-region-2023.json');
  region.caps[0].categories = ['outputs'];
  const result = validTemplateSchema.safeParse(region);
  assert.ok(!result.success);
  assert.deepEqual(result.error.issues[0]!.path, ['caps', 0, 'categories', 0]);
});

test("a template giving names' words for a 二级指标 its category does not have is refused", () => {
  const national = readJson('/src/core/templates/national-2020.json');
  assert.ok(validTemplateSchema.safeParse(national).success);
  national.categories[0].nameWords = { ...national.categories[0].nameWords, 社会效益指标: ['覆盖'] };
  const result = validTemplateSchema.safeParse(national);
  assert.ok(!result.success);
  assert.deepEqual(result.error.issues[0]!.path, ['categories', 0, 'nameWords', '社会效益指标']);
});

test('a column recorded but not printed is data: the Shanghai form records 实际完成值 and prints its seven columns as before', async () => {
  const { printedColumns } = await import('./template.ts');
  const [shanghai, national] = BUILT_IN_TEMPLATES;
  assert.deepEqual(shanghai!.columns.map((c) => c.field), ['category', 'name', 'target', 'actual', 'weight', 'rule', 'score', 'remark']);
  assert.deepEqual(printedColumns(shanghai!).map((c) => c.title.zh), ['一级指标', '指标名称', '目标值', '权重', '评分规则', '自评分', '备注']);
  // Every column is printed unless the template says otherwise.
  assert.deepEqual(printedColumns(national!), national!.columns);
  const parsed = validTemplateSchema.parse({ ...readJson('/src/core/templates/national-2020.json'), columns: [{ field: 'name', title: { zh: '指标', en: 'Indicator' } }] });
  assert.equal(parsed.columns[0]!.printed, true);
});
