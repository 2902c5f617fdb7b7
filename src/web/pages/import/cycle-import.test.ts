import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalTargets } from '../../../../test/support/cycle-fixtures.ts';
import { applyResults, cycleRows, documentPath, initialOutcomes, readNothing, toSend, type CyclePreview, type CycleSaveAnswer } from './cycle-import.ts';

const finding = (severity: 'error' | 'warning') => ({ code: 'X', severity, path: 'indicators[0]', message: 'm', messages: { zh: 'm', en: 'm' } });

function preview(): CyclePreview {
  const a = nationalTargets();
  const b = { ...nationalTargets(), project: { name: '乙项目', code: 'P-2' } };
  const c = { ...nationalTargets(), project: { name: '丙项目' } };
  return {
    kind: 'targets',
    documents: [
      { document: a, findings: [finding('error'), finding('warning'), finding('warning')], start: 'targets[0]', unitMismatch: null, existing: null },
      { document: b, findings: [], start: 'targets[1]', unitMismatch: null, existing: { id: 'old-b' } },
      { document: c, findings: [], start: 'targets[2]', unitMismatch: null, existing: null },
    ],
  };
}

test('each document of the preview in a line: project, unit, indicators counted, findings counted', () => {
  const rows = cycleRows(preview());
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((r) => [r.project, r.code, r.errors, r.warnings]), [[nationalTargets().project.name, null, 1, 2], ['乙项目', 'P-2', 0, 0], ['丙项目', null, 0, 0]]);
  assert.equal(rows[0]!.indicators, nationalTargets().indicators.length);
  assert.ok(rows[0]!.indicators > 0);
  assert.equal(rows[0]!.unit, nationalTargets().project.budgetUnit);
  assert.equal(rows[2]!.unit, null, 'a document naming no unit says none');
});

test('a document the unit has already is not sent; after a save its request index maps back to the file', () => {
  const p = preview();
  const before = initialOutcomes(p);
  assert.deepEqual(before[1], { state: 'pending', existing: 'old-b' });
  const sent = toSend(before);
  assert.deepEqual(sent, [0, 2]);
  const answer: CycleSaveAnswer = {
    created: 1,
    results: [
      { index: 0, status: 400, id: null, findings: [], error: { code: 'VALIDATION', message: 'invalid', issues: [{ path: 'documents[0].indicators[2].target', message: 'required' }] }, existing: null },
      { index: 1, status: 201, id: 'new c', findings: [], error: null, existing: null },
    ],
  };
  const after = applyResults('targets', before, sent, answer, 'no answer');
  assert.equal(after[0]!.state, 'refused');
  assert.deepEqual(after[1], before[1], 'the existing one is left as it was');
  assert.deepEqual(after[2], { state: 'created', id: 'new c', href: '/targets/new%20c' });
  if (after[0]!.state === 'refused') assert.equal(documentPath(after[0]!.issues[0]!.path), 'indicators[2].target');
  assert.deepEqual(toSend(after), [0], 'a refused document may be sent again, a created one not');
});

test('409 ALREADY_EXISTS names the existing document; a missing result is refused, not pending', () => {
  const before = initialOutcomes(preview());
  const answer: CycleSaveAnswer = {
    created: 0,
    results: [{ index: 0, status: 409, id: null, findings: [], error: { code: 'ALREADY_EXISTS', message: 'exists' }, existing: { id: 'x1' } }],
  };
  const after = applyResults('monitoring', before, [0, 2], answer, 'no answer');
  assert.deepEqual(after[0], { state: 'exists', id: 'x1', href: '/monitoring/x1', message: 'exists' });
  assert.equal(after[2]!.state, 'refused');
  if (after[2]!.state === 'refused') assert.equal(after[2]!.message, 'no answer');
});

test('a file with neither forms nor cycle documents read nothing', () => {
  assert.equal(readNothing({ forms: [], cycle: null }), true);
  assert.equal(readNothing({ forms: [], cycle: { kind: 'targets', documents: [] } }), true);
  assert.equal(readNothing({ forms: [], cycle: preview() }), false);
});
