/**
 * Fuzzing the importers with what storage and networks do to files: random truncation and byte
 * flips of the fixtures. Every reader must answer (forms and/or diagnostics), never throw, never hang.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ROOT } from '../support/fixtures.ts';
import { readForms } from '../../src/import/read-forms.ts';

const FIXTURES = [
  'test/fixtures/seed/000_876b01381dae6b1b.txt',
  'test/fixtures/pdf/seed-2021-putuo.pdf',
  'test/fixtures/pdf/national-2023-example.xlsx',
  'test/fixtures/pdf/real-2022-putuo-sports.pdf',
].map((path) => ({ path, bytes: new Uint8Array(readFileSync(`${ROOT}${path}`)) }));

/** A damaged copy: cut at a random point, then some bytes overwritten. */
const damage = fc.record({
  fixture: fc.nat({ max: FIXTURES.length - 1 }),
  // Whole files with flipped bytes reach deeper than truncated ones, which most readers refuse early.
  keep: fc.oneof(fc.constant(1), fc.double({ min: 0.9, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
});

function damaged({ fixture, keep, flips }: { fixture: number; keep: number; flips: Array<[number, number]> }) {
  const source = FIXTURES[fixture]!;
  const bytes = source.bytes.slice(0, Math.max(1, Math.floor(source.bytes.length * keep)));
  for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
  return { file: `${source.path}~damaged`, bytes };
}

async function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

test('damaged files never crash or hang a reader', { timeout: 300_000 }, async () => {
  let read = 0;
  await fc.assert(
    fc.asyncProperty(damage, async (d) => {
      const input = damaged(d);
      const result = await withinSeconds(20, readForms(input));
      assert.equal(result.file, input.file);
      assert.ok(Array.isArray(result.forms) && Array.isArray(result.diagnostics));
      // A file that yields nothing must say why.
      if (result.forms.length === 0) assert.ok(result.diagnostics.some((x) => x.severity === 'error'), JSON.stringify(result.diagnostics));
      else read++;
    }),
    { numRuns: 100, seed: 20261126 },
  );
  // The damage must not be so heavy that no reader gets past its first check.
  assert.ok(read >= 10, `only ${read} damaged files yielded a form`);
});
