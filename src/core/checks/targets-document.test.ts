/** A targets declaration's own checks: its weights against the template's total and caps. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalTargets } from '../../../test/support/cycle-fixtures.ts';
import { template } from '../../../test/support/fixtures.ts';
import { checkTargets } from './targets-document.ts';

const national = template('national-2020');

test('the national example’s targets add up: no finding', () => {
  assert.deepEqual(checkTargets(nationalTargets(), national), []);
});

test('a weight off by 0.01: WEIGHT_TOTAL and CATEGORY_WEIGHT at the indicator’s block', () => {
  const t = nationalTargets();
  t.indicators[0]!.weight = t.indicators[0]!.weight + 0.01;
  const found = checkTargets(t, national).map((f) => [f.code, f.severity, f.path]);
  assert.deepEqual(found, [
    ['WEIGHT_TOTAL', 'error', 'indicators'],
    ['CATEGORY_WEIGHT', 'error', 'indicators[0].weight'],
  ]);
});

test('weight moved between blocks keeps the total: only CATEGORY_WEIGHT', () => {
  const t = nationalTargets();
  const other = t.indicators.findIndex((i) => i.category !== t.indicators[0]!.category);
  t.indicators[0]!.weight -= 1;
  t.indicators[other]!.weight += 1;
  const codes = checkTargets(t, national).map((f) => f.code);
  assert.ok(codes.length >= 2 && codes.every((c) => c === 'CATEGORY_WEIGHT'), JSON.stringify(codes));
});
