/**
 * Fuzzing the importers with what people paste and what hostile files hold, beyond the damaged
 * fixtures of test/import/import-fuzz.test.ts: form text with lines dropped, repeated, swapped and
 * spliced with odd tokens (full-width digits, 1e309, NaN, lone surrogates, NUL, RTL marks, huge
 * numbers), arbitrary unicode, and random bytes under every name. Every read answers with forms or
 * a diagnostic that says why, and never throws; the forms it gives are checked without throwing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { evaluate } from '../../src/core/checks/run-checks.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { readForms } from '../../src/import/read-forms.ts';
import { ROOT } from '../support/fixtures.ts';

const LINES = [
  ...readFileSync(`${ROOT}src/import/text/fixtures/national-2022-sports.txt`, 'utf8').split('\n'),
  ...readFileSync(`${ROOT}test/fixtures/seed/000_876b01381dae6b1b.txt`, 'utf8').split('\n'),
];
const TOKENS = ['１２３.４５', '1e309', '-0', 'NaN', 'Infinity', '99999999999999999999999', '\ud800', '\u0000', '\u202e', '\ufeff', '%', '￥', '—', '合计', '权重', '0.0.0', '-', '∞', '😀', ' '.repeat(500), '字'.repeat(3000)];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), column: fc.nat(), token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })) }),
);

type Edit =
  | { op: 'drop' | 'repeat'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'splice'; at: number; column: number; token: string };

function edited(edits: Edit[]): string {
  const lines = [...LINES];
  for (const e of edits) {
    const at = e.at % lines.length;
    if (e.op === 'drop') lines.splice(at, 1);
    else if (e.op === 'repeat') lines.splice(at, 0, lines[at]!);
    else if (e.op === 'swap') [lines[at], lines[e.with % lines.length]] = [lines[e.with % lines.length]!, lines[at]!];
    else if (e.op === 'splice') { const line = lines[at]!; const c = e.column % (line.length + 1); lines[at] = line.slice(0, c) + e.token + line.slice(c); }
  }
  return lines.join('\n');
}

const templates = templateRegistry();
const counts = { inputs: 0, withForms: 0 };

async function readsCleanly(file: string, bytes: Uint8Array): Promise<void> {
  counts.inputs++;
  const result = await readForms({ file, bytes });
  assert.ok(Array.isArray(result.forms) && Array.isArray(result.diagnostics));
  if (result.forms.length === 0) assert.ok(result.diagnostics.some((d) => d.severity === 'error'), 'an empty read says why');
  else counts.withForms++;
  for (const form of result.forms) {
    const template = templates.get(form.evaluation.template);
    if (template) evaluate(form.evaluation, template); // the checks take whatever the reader gives
  }
}

test('form text edited at random: every read answers, never throws', { timeout: 180_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
      await readsCleanly('edited.txt', Buffer.from(edited(edits), 'utf8'));
    }),
    { numRuns: 150, seed: 20261128 },
  );
  assert.ok(counts.withForms >= 20, `only ${counts.withForms} edited texts still gave a form`);
});

test('arbitrary unicode text and random bytes, under any name: never throws', { timeout: 120_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string({ unit: 'grapheme', maxLength: 2000 }).map((s) => Buffer.from(s, 'utf8')), fc.uint8Array({ maxLength: 4096 }), fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s, 'utf16le'))),
      fc.constantFrom('a.txt', 'a.pdf', 'a.xlsx', 'noname', '表.TXT'),
      async (bytes, name) => readsCleanly(name, new Uint8Array(bytes)),
    ),
    { numRuns: 150, seed: 20261129 },
  );
  process.stdout.write(`# importer fuzz: ${counts.inputs} inputs read (${counts.withForms} gave forms), none threw\n`);
});
