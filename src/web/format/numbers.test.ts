import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAmount, formatRate, parseAmount, parsePoints } from './numbers.ts';

test('amounts get thousands separators and two decimals; what is not an amount is shown as it is', () => {
  assert.equal(formatAmount('414400.00'), '414,400.00');
  assert.equal(formatAmount('257602'), '257,602.00');
  assert.equal(formatAmount('999.5'), '999.50');
  assert.equal(formatAmount('-1234567.8'), '-1,234,567.80');
  assert.equal(formatAmount(''), '');
  assert.equal(formatAmount(undefined), '');
  assert.equal(formatAmount('约10万'), '约10万');
  // Never cut: three decimals are not an amount and are shown as typed.
  assert.equal(formatAmount('12.345'), '12.345');
});

test('typed amounts are read back to the stored form by the core reader, or say why not', () => {
  assert.deepEqual(parseAmount('414,400'), { ok: true, value: '414400.00' });
  assert.deepEqual(parseAmount('414，400.5'), { ok: true, value: '414400.50' });
  assert.deepEqual(parseAmount(' 12.34 '), { ok: true, value: '12.34' });
  assert.deepEqual(parseAmount('41.44万'), { ok: true, value: '414400.00' });
  assert.deepEqual(parseAmount('４１４４００'), { ok: true, value: '414400.00' });
  assert.deepEqual(parseAmount(''), { ok: true, value: '' });
  assert.deepEqual(parseAmount('12.345'), { ok: false, problem: 'tooPrecise' });
  assert.deepEqual(parseAmount('abc'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(parseAmount('99999999999999'), { ok: false, problem: 'tooLarge' });
  // issue 14: a negative amount is refused, whatever the minus sign; zero is an amount.
  assert.deepEqual(parseAmount('-1000'), { ok: false, problem: 'negative' });
  assert.deepEqual(parseAmount('−1,000元'), { ok: false, problem: 'negative' });
  assert.deepEqual(parseAmount('－0.01万'), { ok: false, problem: 'negative' });
  assert.deepEqual(parseAmount('-0'), { ok: true, value: '0.00' });
  assert.deepEqual(parseAmount('1,234元'), { ok: true, value: '1234.00' });
  assert.deepEqual(parseAmount('3亿'), { ok: true, value: '300000000.00' });
});

test('typed points are taken as written, never rounded', () => {
  assert.deepEqual(parsePoints('8.5'), { ok: true, value: 8.5 });
  assert.deepEqual(parsePoints('８.５'), { ok: true, value: 8.5 });
  assert.deepEqual(parsePoints(''), { ok: true, value: undefined });
  assert.deepEqual(parsePoints('8.555'), { ok: false, problem: 'tooPrecise' });
  assert.deepEqual(parsePoints('八'), { ok: false, problem: 'notNumber' });
});

test('rates are shown with a percent sign', () => {
  assert.equal(formatRate('62.16'), '62.16%');
  assert.equal(formatRate(null), '');
});
