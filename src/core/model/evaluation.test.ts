import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalEvaluation, seedEvaluations } from '../../../test/support/fixtures.ts';
import { evaluationJsonSchema } from './evaluation.ts';
import { validateEvaluationFile } from './validate.ts';

test('the fixtures are valid, and come back unchanged', () => {
  for (const file of [{ evaluations: seedEvaluations() }, { evaluations: [nationalEvaluation()] }]) {
    const result = validateEvaluationFile(file);
    assert.ok(result.ok);
    assert.equal(JSON.stringify(result.value), JSON.stringify(file));
  }
});

test('unknown fields survive a read and a write, at every level', () => {
  const e = seedEvaluations()[0]!;
  const file = {
    generator: 'other-tool 3.1',
    evaluations: [{ ...e, reviewNote: '复核', project: { ...e.project, code: 'P-001' }, indicators: e.indicators.map((i) => ({ ...i, lineage: 'L1' })) }],
  };
  const result = validateEvaluationFile(JSON.parse(JSON.stringify(file)));
  assert.ok(result.ok);
  const written = JSON.parse(JSON.stringify(result.value)) as typeof file;
  assert.deepEqual(written, file);
  assert.equal(written.evaluations[0]!.indicators[5]!.lineage, 'L1');
});

test('a wrong type is reported with its field path', () => {
  const e = seedEvaluations()[0]!;
  const broken = JSON.parse(JSON.stringify({ evaluations: [e, e] }));
  broken.evaluations[1].indicators[8].score = '2';
  broken.evaluations[0].project.budgetCurrentYear = 414400;
  broken.evaluations[1].year = '2021';
  const result = validateEvaluationFile(broken);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.path).sort(), [
    'evaluations[0].project.budgetCurrentYear',
    'evaluations[1].indicators[8].score',
    'evaluations[1].year',
  ]);
});

test('amounts are decimal strings, points have at most 2 decimals', () => {
  const e = seedEvaluations()[0]!;
  const file = JSON.parse(JSON.stringify({ evaluations: [e] }));
  file.evaluations[0].project.executed = '257,602.00';
  file.evaluations[0].indicators[0].weight = 3.001;
  const result = validateEvaluationFile(file);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.path), ['evaluations[0].project.executed', 'evaluations[0].indicators[0].weight']);
});

test('the published JSON Schema describes the format', () => {
  const schema = evaluationJsonSchema() as { title: string; properties: { evaluations: { items: { required: string[]; properties: Record<string, unknown> } } } };
  assert.equal(schema.title, 'jixiao/evaluation@1');
  const item = schema.properties.evaluations.items;
  assert.deepEqual([...item.required].sort(), ['indicators', 'project', 'schema', 'template', 'year']);
  for (const key of ['funding', 'execution', 'totals', 'grade', 'evaluatedOn']) assert.ok(key in item.properties, key);
});
