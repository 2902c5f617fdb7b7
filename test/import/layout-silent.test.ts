/**
 * Forms of fresh corpora whose `pdftotext -layout` text once gave wrong values no diagnostic named
 * (test/fixtures/layout-silent/README.md): read again, every value that differs from the form is named.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { corpusForms, readShape, silentMismatches } from '../support/layout-corpus.ts';

const DIR = fileURLToPath(new URL('../fixtures/layout-silent', import.meta.url));

for (const form of corpusForms(DIR)) {
  test(`${form}.txt: no wrong value left unnamed`, async () => {
    const reading = await readShape(DIR, form, 'txt');
    assert.equal(reading.mismatches.some((m) => m.path === '(forms)'), false);
    assert.deepEqual(silentMismatches(reading), []);
  });
}
