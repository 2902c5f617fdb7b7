/**
 * The layout corpus of issue 15 (test/fixtures/layout-corpus, made by `npm run corpus:sample`):
 * random forms of both templates laid out as offices lay them out, in every shape offices publish.
 * Each shape of each form imports, by the CLI's path, to exactly the evaluation it was made from,
 * every field. Only the .xls shape needs LibreOffice (the reader converts it); without it that
 * shape is skipped. A failure lists the fields that differ, expected and got, and the diagnostics.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findSoffice } from '../../src/import/convert/soffice.ts';
import { ROOT } from '../support/fixtures.ts';
import { compareEvaluations, corpusForms, expectedEvaluation, readShape, reportReading, SHAPES } from '../support/layout-corpus.ts';

const DIR = `${ROOT}test/fixtures/layout-corpus`;
const forms = corpusForms(DIR);

test('the committed sample holds at least 40 forms of both templates', () => {
  assert.ok(forms.length >= 40, `${forms.length} forms`);
  const templates = new Set(forms.map((f) => expectedEvaluation(DIR, f).template));
  assert.deepEqual([...templates].sort(), ['national-2020', 'shanghai-2021']);
});

test('the comparison finds a changed field and ignores white space and blank fields', () => {
  const expected = expectedEvaluation(DIR, forms[0]!);
  const same = structuredClone(expected);
  same.project.name = ` ${[...same.project.name].join('\n')} `;
  same.project.code = '';
  assert.deepEqual(compareEvaluations(expected, same).mismatches, []);
  const changed = structuredClone(expected);
  changed.indicators[0]!.score = (changed.indicators[0]!.score ?? 0) + 0.5;
  assert.deepEqual(compareEvaluations(expected, changed).mismatches, [{ path: 'indicators[0].score', expected: expected.indicators[0]!.score, got: changed.indicators[0]!.score }]);
});

for (const shape of SHAPES) {
  const skip = shape === 'xls' && findSoffice() === undefined ? 'LibreOffice (soffice) is not installed: .xls is read by converting it' : false;
  describe(`layout corpus: .${shape}`, { skip }, () => {
    for (const form of forms) {
      test(`${form}.${shape}: every field as generated`, async () => {
        const reading = await readShape(DIR, form, shape);
        assert.ok(reading.mismatches.length === 0, reportReading(reading, 20));
      });
    }
  });
}
