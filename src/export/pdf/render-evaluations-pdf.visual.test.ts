import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedEvaluations } from '../../../test/support/fixtures.ts';
import { COLUMN_WEIGHTS } from './page-layout.ts';
import { comparePngs, matches, referencePng, REFERENCES, renderPageOne } from './visual-reference.testing.ts';

// Regenerate the references after an intended layout change: node --import tsx scripts/make-pdf-reference.ts
for (const [name, evaluations] of Object.entries(REFERENCES)) {
  test(`page 1 looks like reference/${name}.png`, async () => {
    const difference = comparePngs(await renderPageOne(evaluations()), referencePng(name));
    assert.ok(matches(difference), `${name}: ${difference.changedPixels} pixels changed (${(difference.share * 100).toFixed(2)} %)`);
  });
}

test('the comparison fails when a column moves by a few points', async () => {
  const weights = COLUMN_WEIGHTS as Record<string, number>;
  const original = weights.weight!;
  weights.weight = original + 4;
  try {
    const difference = comparePngs(await renderPageOne(seedEvaluations()), referencePng('seed-page-1'));
    assert.ok(!matches(difference), `only ${difference.changedPixels} pixels changed`);
  } finally {
    weights.weight = original;
  }
});
