/** Interchange JSON uploaded for import: each document checked on its own; other JSON said to be so. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalMonitoring, nationalTargets, nationalWithIds } from '../../../test/support/cycle-fixtures.ts';
import { looksLikeJsonObject, readInterchangeJson } from './read-interchange-json.ts';

const bytes = (value: unknown) => new TextEncoder().encode(`\uFEFF  \n${JSON.stringify(value)}`);

test('JSON is told by its first character after a byte order mark and white space', () => {
  assert.equal(looksLikeJsonObject(bytes({})), true);
  assert.equal(looksLikeJsonObject(new TextEncoder().encode('项目名称 {x}')), false);
  assert.equal(looksLikeJsonObject(new Uint8Array()), false);
});

test('targets, monitoring and evaluations files: the good documents read, each bad one at its paths', () => {
  const bad = nationalTargets() as any;
  bad.year = 'last year';
  const targets = readInterchangeJson('t.json', bytes({ targets: [bad, nationalTargets()] }));
  assert.deepEqual([targets.cycle?.kind, targets.cycle?.documents.length, targets.cycle?.starts, targets.forms], ['targets', 1, ['targets[1]'], []]);
  assert.deepEqual(targets.diagnostics.map((d) => [d.severity, d.code, d.file, d.location, d.path]), [['error', 'SCHEMA_INVALID', 't.json', 'targets[0]', 'targets[0].year']]);
  const monitoring = readInterchangeJson('m.json', bytes({ monitoring: [nationalMonitoring()] }));
  assert.deepEqual([monitoring.cycle?.kind, monitoring.cycle?.documents, monitoring.diagnostics], ['monitoring', [nationalMonitoring()], []]);
  const evaluations = readInterchangeJson('e.json', bytes({ evaluations: [nationalWithIds()] }));
  assert.deepEqual([evaluations.forms.map((f) => f.start), evaluations.cycle, evaluations.diagnostics], [['evaluations[0]'], undefined, []]);
});

test('JSON that is no interchange file, or no JSON: one error, nothing read', () => {
  for (const text of ['{"targets": {}}', '{"targets": [], "monitoring": []}', '{"other": []}', '{"targets": [']) {
    const read = readInterchangeJson('x.json', new TextEncoder().encode(text));
    assert.deepEqual([read.forms, read.cycle, read.diagnostics.map((d) => [d.severity, d.code])], [[], undefined, [['error', 'NOT_INTERCHANGE']]], text);
  }
});
