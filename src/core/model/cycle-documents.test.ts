/** The targets and monitoring models: valid files come back unchanged, problems are said at their paths. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalMonitoring, nationalTargets } from '../../../test/support/cycle-fixtures.ts';
import { readInterchange, writeInterchange } from './interchange.ts';
import { monitoringJsonSchema } from './monitoring.ts';
import { targetsJsonSchema } from './targets.ts';
import { validateMonitoring, validateTargets } from './validate.ts';

/** A document as a file gives it: JSON, so undefined members are gone. */
const asRead = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

test('targets and monitoring files round-trip through text unchanged', () => {
  const targets = asRead([nationalTargets(), { ...nationalTargets(), year: 2025 }]);
  const written = writeInterchange('targets', targets);
  const read = readInterchange('targets', written);
  assert.ok(read.ok);
  assert.deepEqual(read.value, { targets });
  assert.equal(writeInterchange('targets', read.value.targets), written);

  const monitoring = asRead([nationalMonitoring()]);
  const back = readInterchange('monitoring', writeInterchange('monitoring', monitoring));
  assert.ok(back.ok);
  assert.deepEqual(back.value, { monitoring });
});

test('unknown fields survive at every level, in both documents', () => {
  const t = asRead(nationalTargets()) as unknown as Record<string, any>;
  t.approvedBy = '财政局';
  t.project.code = 'P-9';
  t.project.legacyCode = 'L';
  t.funding[0].note = '含追加';
  t.indicators[0].lineage = 'L1';
  const m = asRead(nationalMonitoring()) as unknown as Record<string, any>;
  m.reviewer = '张三';
  m.project.phase = '二期';
  m.funding[0].bank = 'x';
  m.indicators[0].photo = 'p.jpg';
  const text = `{"generator":"other-tool","targets":${JSON.stringify([t])}}`;
  const read = readInterchange('targets', text);
  assert.ok(read.ok);
  assert.deepEqual(JSON.parse(writeInterchange('targets', read.value.targets)).targets, [t]);
  const readM = readInterchange('monitoring', writeInterchange('monitoring', [m as never]));
  assert.ok(readM.ok);
  assert.deepEqual(readM.value.monitoring, [m]);
});

test('a targets problem is said at its path', () => {
  const t = asRead(nationalTargets()) as unknown as Record<string, any>;
  t.indicators[1].weight = 3.001;
  t.indicators[2].target = 100;
  t.funding[0].budget = '250,000.00';
  delete t.annualGoal;
  const result = validateTargets(t, ['targets', 0]);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.path).sort(), [
    'targets[0].annualGoal',
    'targets[0].funding[0].budget',
    'targets[0].indicators[1].weight',
    'targets[0].indicators[2].target',
  ]);
});

test('a monitoring problem is said at its path: causes and likelihoods from the fixed sets, real dates', () => {
  const m = asRead(nationalMonitoring()) as unknown as Record<string, any>;
  m.indicators[0].deviationCauses = ['funding', 'weather'];
  m.indicators[1].likelihood = 'likely';
  m.funding[0].executedToDate = 12.5;
  m.asOf = '2023-02-29';
  const result = validateMonitoring(m);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.path).sort(), ['asOf', 'funding[0].executedToDate', 'indicators[0].deviationCauses[1]', 'indicators[1].likelihood']);
});

test('29 February exists in a leap year only', () => {
  for (const [asOf, ok] of [['2024-02-29', true], ['2023-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2024-04-31', false], ['2024-7-31', false]] as const) {
    assert.equal(validateMonitoring({ ...asRead(nationalMonitoring()), asOf }).ok, ok, asOf);
  }
});

test('a file that is not JSON, or holds the other document, is said so', () => {
  const notJson = readInterchange('targets', '{"targets": [');
  assert.ok(!notJson.ok && notJson.problems[0]!.path === '(root)');
  const other = readInterchange('monitoring', writeInterchange('targets', [asRead(nationalTargets())]));
  assert.ok(!other.ok && other.problems.some((p) => p.path === 'monitoring'));
});

test('the published JSON Schemas describe the two formats', () => {
  for (const [schema, title, key, required] of [
    [targetsJsonSchema(), 'jixiao/targets@1', 'targets', ['annualGoal', 'indicators', 'project', 'schema', 'template', 'year']],
    [monitoringJsonSchema(), 'jixiao/monitoring@1', 'monitoring', ['annualGoal', 'asOf', 'indicators', 'progressSummary', 'project', 'schema', 'template', 'year']],
  ] as const) {
    const s = schema as { title: string; $id: string; properties: Record<string, { items: { required: string[] } }> };
    assert.equal(s.title, title);
    assert.equal(s.$id, `https://jixiao.example/schema/${key}-1.json`);
    assert.deepEqual([...s.properties[key]!.items.required].sort(), required);
  }
});
