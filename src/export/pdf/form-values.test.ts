import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formDate, money, percent, pointsText } from './form-values.ts';

test('money in 元 with thousands separators and two decimals', () => {
  assert.equal(money('414400.00'), '414,400.00');
  assert.equal(money('1234567.5'), '1,234,567.50');
  assert.equal(money('0.00'), '0.00');
  assert.equal(money('-2500'), '-2,500.00');
  assert.equal(money(''), '');
  assert.equal(money(undefined), '');
});

test('money in 万元 converted exactly, keeping every significant decimal', () => {
  assert.equal(money('250000.00', '万元'), '25.00');
  assert.equal(money('215457.60', '万元'), '21.54576');
  assert.equal(money('0.01', '万元'), '0.000001');
  assert.equal(money('123456789.99', '万元'), '12,345.678999');
});

test('rates, points and dates as the forms print them', () => {
  assert.equal(percent('62.16'), '62.16%');
  assert.equal(percent('86.2'), '86.20%');
  assert.equal(percent(null), '');
  assert.equal(pointsText(3), '3');
  assert.equal(pointsText(2.5), '2.5');
  assert.equal(pointsText(8.62), '8.62');
  assert.equal(formDate('2022-03-02'), '2022.3.2');
  assert.equal(formDate('2022年3月'), '2022年3月');
});
