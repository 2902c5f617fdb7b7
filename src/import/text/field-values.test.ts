import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAmount, readDate, readPercent, readPoints, readYesNo } from './field-values.ts';

test('amounts drop thousands separators and keep 2 decimals', () => {
  assert.equal(readAmount('414,400.00'), '414400.00');
  assert.equal(readAmount('50000'), '50000.00');
  assert.equal(readAmount('２５.５'), '25.50');
  assert.equal(readAmount('21.54576', '万元'), '215457.60');
  assert.equal(readAmount('414,400.001'), null);
  assert.equal(readAmount('约40万'), null);
});

test('rates keep the printed digits', () => {
  assert.equal(readPercent('62.16%'), '62.16');
  assert.equal(readPercent('100.00％'), '100.00');
  assert.equal(readPercent('百分百'), null);
});

test('dates as the forms write them', () => {
  assert.equal(readDate('2022.3.2'), '2022-03-02');
  assert.equal(readDate('2022年3月12日'), '2022-03-12');
  assert.equal(readDate('2022-02-30'), null);
  assert.equal(readDate('三月'), null);
});

test('yes/no words and points', () => {
  assert.equal(readYesNo('是', ['是'], ['否']), true);
  assert.equal(readYesNo('否', ['是'], ['否']), false);
  assert.equal(readYesNo('也许', ['是'], ['否']), null);
  assert.equal(readPoints('95'), 95);
  assert.equal(readPoints('8.62'), 8.62);
  assert.equal(readPoints('8.625'), null);
  assert.equal(readPoints('-1'), null);
});

test('points: at most two decimal places as Decimal counts them, the value as a number', () => {
  assert.deepEqual(['95', '9.5', '9.50', '9.500', '9.005', '007', '0.10', '3.14159', '１０'].map(readPoints), [95, 9.5, 9.5, 9.5, null, 7, 0.1, null, 10]);
});

test('amounts, rates and points through the core reader: units written after the number, signs', () => {
  // A unit written after the number wins over the form's (it used to be dropped: 414400元 in a 万元 form was 4144000000.00).
  assert.equal(readAmount('414400元', '万元'), '414400.00');
  assert.equal(readAmount('41.44万'), '414400.00');
  assert.equal(readAmount('1.2亿'), '120000000.00');
  assert.equal(readAmount('1,2345'), null);
  assert.equal(readAmount('10000000000000'), null);
  // Rates as the model keeps them, as the grid reader gives them.
  assert.equal(readPercent('100%'), '100.00');
  assert.equal(readPercent('62.1600%'), '62.16');
  assert.equal(readPercent('%'), null);
  // No form prints a weight or a score with a sign.
  assert.deepEqual(['+5', '-0', '－1', '1,000', '10000000000'].map(readPoints), [null, null, null, 1000, null]);
});
