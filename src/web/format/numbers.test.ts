import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAmount, parseAmount, formatRate } from './numbers.ts';

test('amounts get thousands separators and two decimals', () => {
  assert.equal(formatAmount('414400.00'), '414,400.00');
  assert.equal(formatAmount('257602'), '257,602.00');
  assert.equal(formatAmount('999.5'), '999.50');
  assert.equal(formatAmount('-1234567.8'), '-1,234,567.80');
  assert.equal(formatAmount(''), '');
  assert.equal(formatAmount(undefined), '');
  assert.equal(formatAmount('约10万'), '约10万');
});

test('typed amounts are read back to the stored form', () => {
  assert.equal(parseAmount('414,400'), '414400.00');
  assert.equal(parseAmount('414，400.5'), '414400.50');
  assert.equal(parseAmount(' 12.34 '), '12.34');
  assert.equal(parseAmount(''), '');
  assert.equal(parseAmount('12.345'), null);
  assert.equal(parseAmount('abc'), null);
});

test('rates are shown with a percent sign', () => {
  assert.equal(formatRate('62.16'), '62.16%');
  assert.equal(formatRate(null), '');
});
