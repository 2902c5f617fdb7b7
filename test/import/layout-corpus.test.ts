/**
 * The layout corpus of issue 15 (test/fixtures/layout-corpus, made by `npm run corpus:sample`):
 * random forms of both templates laid out as offices lay them out, in every shape offices publish.
 * Each shape of each form imports, by the CLI's path, to exactly the evaluation it was made from,
 * every field. Only the .xls shape needs LibreOffice (the reader converts it); without it that
 * shape is skipped. A failure lists the fields that differ, expected and got, and the diagnostics.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { findSoffice } from '../../src/import/convert/soffice.ts';
import { ROOT } from '../support/fixtures.ts';
import { compareEvaluations, convertCorpus, corpusForms, expectedEvaluation, readShape, reportReading, silentMismatches, SHAPES, type Shape, type ShapeReading } from '../support/layout-corpus.ts';

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

test('a wrong value is silent unless a diagnostic names its field or the part holding it; a missing one is not wrong', () => {
  const mismatches = [
    { path: 'project.name', expected: '甲', got: '乙' },
    { path: 'indicators[3].score', expected: 5, got: 4 },
    { path: 'indicators[13].score', expected: 5, got: 4 },
    { path: 'annualGoal', expected: '丙', got: undefined },
  ];
  const reading = { form: 'f', shape: 'txt' as const, file: 'f.txt', ms: 0, fields: 10, mismatches, diagnostics: [], reported: ['indicators[3]'] };
  assert.deepEqual(silentMismatches(reading).map((m) => m.path), ['project.name', 'indicators[13].score']);
});

/**
 * `pdftotext -layout` text is not read exactly yet (issue 15 stays open for it): wrapped cells of
 * neighbouring columns share its lines with nothing to part them. What it must already do is never
 * guess silently — a value that came back wrong is named by a diagnostic — and not fall back.
 */
const INEXACT: ReadonlySet<Shape> = new Set(['txt']);
/** The share of the sample's .txt fields read exactly (99.54 % when this was set): it may only rise. */
const TXT_EXACT_FIELDS_AT_LEAST = 0.995;

/**
 * The sample's .txt forms read exactly (39 of 40 when this was set; 29 before a 一级指标 cut by a
 * page break was placed by its points, 31 before 项目名称 and 主管部门 alone on their lines kept
 * each the line next to it, 33 before the rows were also cut in the columns the cells show, 34
 * before a line short of its cell's earlier lines ended the cell, 36 before a line pdftotext set
 * out of line with the rest of its cell could share its column, 38 before a row in a tie between
 * two 二级指标 went with the one its name speaks of): it may only rise. The one left (28) is such a
 * tie whose name (工作响应及时性) speaks of neither: the row is kept with one and reported.
 */
const TXT_EXACT_FORMS_AT_LEAST = 39;

/**
 * Warnings given on the sample's .txt forms: on each form read exactly, on average (doubts no field
 * needed), and in all. A reviewer given fifty doubts on a correct form stops reading them, so both
 * may only fall; they rise only with a doubt that names a wrong value once left silent
 * (test/import/layout-silent.test.ts), or as a form made exact brings its doubts into the first.
 * How they moved, and why, is in the commits that set them (git log -L on these lines).
 */
const TXT_WARNINGS_PER_EXACT_FORM_AT_MOST = 10.39;
const TXT_WARNINGS_AT_MOST = 435;

/** The .xls forms read through the reader's own conversion (the first two: one of each template); the rest are converted in one run. */
const CONVERTED_BY_READER = 2;

for (const shape of SHAPES) {
  const skip = shape === 'xls' && findSoffice() === undefined ? 'LibreOffice (soffice) is not installed: .xls is read by converting it' : false;
  describe(`layout corpus: .${shape}`, { skip }, () => {
    const readings: ShapeReading[] = [];
    // A LibreOffice start costs seconds: one run converts the .xls the reader is not given to convert itself.
    let converted = new Map<string, Uint8Array>();
    if (shape === 'xls') before(async () => {
      converted = await convertCorpus(DIR, forms.slice(CONVERTED_BY_READER), shape);
    });
    for (const form of forms) {
      const title = INEXACT.has(shape) ? 'no field wrong without a diagnostic naming it' : 'every field as generated';
      test(`${form}.${shape}: ${title}`, async () => {
        const reading = await readShape(DIR, form, shape, converted.get(form));
        readings.push(reading);
        const wrong = INEXACT.has(shape) ? silentMismatches(reading) : reading.mismatches;
        assert.ok(wrong.length === 0, reportReading({ ...reading, mismatches: wrong }, 20));
      });
    }
    if (INEXACT.has(shape)) {
      test(`.${shape}: at least ${(TXT_EXACT_FIELDS_AT_LEAST * 100).toFixed(1)} % of the fields exact`, () => {
        const fields = readings.reduce((n, r) => n + r.fields, 0);
        const exact = readings.reduce((n, r) => n + r.fields - r.mismatches.length, 0);
        assert.equal(readings.length, forms.length);
        assert.ok(exact / fields >= TXT_EXACT_FIELDS_AT_LEAST, `${exact} of ${fields} fields exact`);
      });
      test(`.${shape}: at least ${TXT_EXACT_FORMS_AT_LEAST} forms exact`, () => {
        const exact = readings.filter((r) => r.mismatches.length === 0);
        assert.ok(exact.length >= TXT_EXACT_FORMS_AT_LEAST, `${exact.length} of ${readings.length} forms read exactly: ${readings.filter((r) => r.mismatches.length > 0).map((r) => r.form).join(', ')} are not`);
      });
      test(`.${shape}: at most ${TXT_WARNINGS_PER_EXACT_FORM_AT_MOST} warnings on each form read exactly, on average, and ${TXT_WARNINGS_AT_MOST} in all`, () => {
        const warningsOf = (rs: readonly ShapeReading[]) => rs.reduce((n, r) => n + r.diagnostics.filter((d) => d.startsWith('warning')).length, 0);
        const exact = readings.filter((r) => r.mismatches.length === 0);
        assert.ok(exact.length > 0);
        assert.ok(warningsOf(exact) / exact.length <= TXT_WARNINGS_PER_EXACT_FORM_AT_MOST, `${warningsOf(exact)} warnings on ${exact.length} forms read exactly`);
        assert.ok(warningsOf(readings) <= TXT_WARNINGS_AT_MOST, `${warningsOf(readings)} warnings on ${readings.length} forms`);
      });
    }
  });
}
