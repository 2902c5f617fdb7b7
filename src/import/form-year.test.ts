import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticSink } from './diagnostics.ts';
import { inferYear, type YearEvidence } from './form-year.ts';

const TODAY = new Date(Date.UTC(2026, 11, 3));

function infer(evidence: YearEvidence): { year: number; said: string[] } {
  const sink = diagnosticSink('form.pdf', [], { pathPrefix: 'evaluations[0].' });
  const year = inferYear(evidence, sink, TODAY);
  return { year, said: sink.diagnostics.map((d) => `${d.code} ${d.message.key} ${d.path} ${d.location ?? ''}`.trim()) };
}

test('the printed year is taken as printed, and nothing is said', () => {
  assert.deepEqual(infer({ printed: 2021, inFile: 2019, evaluatedOn: '2023-02-28' }), { year: 2021, said: [] });
});

test('else the year the other forms of the file print', () => {
  assert.deepEqual(infer({ inFile: 2022, evaluatedOn: '2020-03-01', location: 'line 9' }), { year: 2022, said: ['YEAR_INFERRED import.yearFromFile evaluations[0].year line 9'] });
});

test('else the year before the evaluation date, else the year before this one, each said', () => {
  assert.deepEqual(infer({ evaluatedOn: '2023-02-28' }), { year: 2022, said: ['YEAR_INFERRED import.yearFromEvaluatedOn evaluations[0].year'] });
  assert.deepEqual(infer({ evaluatedOn: '' }), { year: 2025, said: ['YEAR_INFERRED import.yearAssumed evaluations[0].year'] });
  assert.deepEqual(infer({ evaluatedOn: '2023年' }).year, 2025);
});
