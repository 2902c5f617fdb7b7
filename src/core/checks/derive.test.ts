/** derive: what the editor keeps after an edit adds up, for the fixtures and for random edits. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Evaluation } from '../model/evaluation.ts';
import { templateRegistry } from '../templates/registry.ts';
import { derive } from './derive.ts';
import { evaluate } from './run-checks.ts';

const templates = templateRegistry();
const shanghai = templates.get('shanghai-2021')!;
const national = templates.get('national-2020')!;
const readForms = (path: string) => (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { evaluations: Evaluation[] }).evaluations;
const form1 = readForms('../../../demo/seed-2021-putuo.json')[0]!;
const sports = readForms('../../../test/fixtures/real-2022-putuo-sports.json')[0]!;
const DERIVED_CODES = new Set(['TOTAL_MISMATCH', 'GRADE_MISMATCH', 'RATE_MISMATCH', 'EXECUTION_SCORE']);

test('derived values follow an edit: total, grade and rate, and the report is of the derived document', () => {
  const edited = { ...form1, indicators: form1.indicators.map((i, n) => (n === 0 ? { ...i, score: 0 } : i)) };
  const { evaluation, report } = derive(edited, shanghai);
  assert.equal(evaluation.totals?.score, 92);
  assert.equal(evaluation.grade, '优秀');
  assert.equal(evaluation.project.executionRate, '62.16');
  assert.deepEqual(report, evaluate(evaluation, shanghai));
  assert.equal(report.findings.filter((f) => DERIVED_CODES.has(f.code)).length, 0);
  assert.notEqual(edited.totals?.score, 92, 'the edited document itself is not changed');
});

test('national: the execution score is derived from the rate and counts in the total', () => {
  const { evaluation, report } = derive({ ...sports, execution: { weight: 10, score: 3 } }, national);
  assert.equal(evaluation.execution?.score, 8.62);
  assert.equal(evaluation.totals?.score, 98.62);
  assert.equal(evaluation.project.executionRate, '86.18');
  assert.equal(report.computed.score, 98.62);
  assert.equal(report.findings.filter((f) => f.severity === 'error').length, 0);
});

test('without a budget the rate is left out, not written as zero', () => {
  const { evaluation } = derive({ ...form1, project: { ...form1.project, budgetCurrentYear: '' } }, shanghai);
  assert.equal('executionRate' in evaluation.project, false);
});

test('any edit of scores and amounts: the derived document raises none of the findings its derived values answer', () => {
  const points = fc.integer({ min: 0, max: 2000 }).map((n) => n / 100);
  const fen = fc.integer({ min: 1, max: 99_999_999_999 });
  fc.assert(
    fc.property(fc.constantFrom([form1, shanghai] as const, [sports, national] as const), fc.array(points, { minLength: 1, maxLength: 30 }), fen, fen, ([form, template], scores, budget, executed) => {
      const edited: Evaluation = {
        ...form,
        project: { ...form.project, budgetCurrentYear: (budget / 100).toFixed(2), executed: (executed / 100).toFixed(2) },
        indicators: form.indicators.map((i, n) => ({ ...i, score: scores[n % scores.length]! })),
      };
      const { evaluation, report } = derive(edited, template);
      const codes = report.findings.filter((f) => DERIVED_CODES.has(f.code)).map((f) => f.code);
      assert.deepEqual(codes, []);
      assert.equal(evaluation.totals?.score, report.computed.score);
    }),
    { numRuns: 200 },
  );
});
