import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { validateEvaluation } from '../../core/model/validate.ts';
import { catalogKeys } from '../../core/locale/messages.ts';
import type { FileImport } from '../import-result.ts';
import { readTextForms } from './read-text-forms.ts';

const SEED = new URL('../../../../shared/seeds/000_876b01381dae6b1b.txt', import.meta.url);
const FIXTURE = new URL('../../../../shared/fixtures/seed-2021-putuo.json', import.meta.url);

/** Text compared without white space: the fixture keeps paragraph breaks the text cannot show. */
function withoutWhiteSpace(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/gu, '');
  if (Array.isArray(value)) return value.map(withoutWhiteSpace);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutWhiteSpace(v)]));
  return value;
}

const read = (text: string | Uint8Array, file = 'form.txt'): Promise<FileImport> =>
  readTextForms({ file, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });

const codes = (r: FileImport) => r.diagnostics.map((d) => d.code);

describe('the seed', async () => {
  const result = await read(readFileSync(SEED), 'seed.txt');
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')).evaluations as unknown[];

  test('gives the three forms of the fixture, field by field', () => {
    assert.equal(result.forms.length, 3);
    result.forms.forEach((form, i) => assert.deepEqual(withoutWhiteSpace(form.evaluation), withoutWhiteSpace(expected[i]), `form ${i + 1}`));
  });

  test('every form is valid in the interchange format', () => {
    for (const form of result.forms) assert.equal(validateEvaluation(form.evaluation).ok, true);
  });

  test('says that categories were inferred, and nothing else', () => {
    assert.deepEqual(codes(result), ['CATEGORY_INFERRED', 'CATEGORY_INFERRED', 'CATEGORY_INFERRED']);
    assert.deepEqual(result.diagnostics.map((d) => d.path), ['evaluations[0].indicators', 'evaluations[1].indicators', 'evaluations[2].indicators']);
  });

  test('knows where each field came from', () => {
    const [first] = result.forms;
    assert.equal(first!.locations['totals.score'], 'line 192');
    assert.equal(first!.locations['project.name'], 'line 77');
    assert.equal(first!.locations['project.budgetPreviousYear'], 'line 80');
    assert.equal(first!.locations['indicators[3].weight'], 'line 15');
    assert.equal(first!.locations['indicators[3].score'], 'line 19');
    assert.equal(first!.start, 'line 2');
  });

  test('keeps paragraph breaks inside a narrative', () => {
    assert.match(result.forms[1]!.evaluation.annualGoal!, /水平。\n防范风险/u);
  });

  test('has a message for every diagnostic key in both languages', () => {
    for (const d of result.diagnostics) assert.ok(catalogKeys('zh').includes(d.message.key) && catalogKeys('en').includes(d.message.key), d.message.key);
  });
});

describe('not a form', () => {
  test('binary garbage is NOT_TEXT, never a throw', async () => {
    const r = await read(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00, 0x13]));
    assert.deepEqual(codes(r), ['NOT_TEXT']);
    assert.equal(r.forms.length, 0);
  });

  test('text without a form is NOT_A_FORM', async () => {
    const r = await read('会议纪要\n今天讨论了预算。\n');
    assert.deepEqual(codes(r), ['NOT_A_FORM']);
  });

  test('an empty file is NOT_A_FORM', async () => {
    assert.deepEqual(codes(await read('')), ['NOT_A_FORM']);
  });

  test('an unknown forced template is reported', async () => {
    const r = await readTextForms({ file: 'x.txt', bytes: readFileSync(SEED), templateId: 'nowhere-1999' });
    assert.deepEqual(codes(r), ['UNKNOWN_TEMPLATE']);
  });
});
