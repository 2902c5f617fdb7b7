/** The grid readers' numbers come from the core reader: what they read, and blank apart from unreadable. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareHundredths, parseAmount, parsePoints, parseRate, pointsHundredths } from './cell-values.ts';

test('amounts: separators, full width, a unit written after the number wins, 亿 keeps the form unit', () => {
  assert.deepEqual(parseAmount('414,400.00', '元'), { ok: true, value: { yuan: '414400.00', unit: '元' } });
  assert.deepEqual(parseAmount('４１.４４', '万元'), { ok: true, value: { yuan: '414400.00', unit: '万元' } });
  assert.deepEqual(parseAmount('41.44万', '元'), { ok: true, value: { yuan: '414400.00', unit: '万元' } });
  assert.deepEqual(parseAmount('414400元', '万元'), { ok: true, value: { yuan: '414400.00', unit: '元' } });
  assert.deepEqual(parseAmount('1.2亿', '万元'), { ok: true, value: { yuan: '120000000.00', unit: '万元' } });
  assert.deepEqual(parseAmount('-0', '元'), { ok: true, value: { yuan: '0.00', unit: '元' } });
});

test('amounts: blank is not unreadable; what cannot be held exactly is unreadable, with the reason', () => {
  assert.deepEqual(parseAmount('  ', '元'), { ok: false, blank: true, problem: 'blank' });
  assert.deepEqual(parseAmount('约10万', '元'), { ok: false, blank: false, problem: 'notNumber' });
  // A comma that is no thousands separator is not dropped to make a number of it.
  assert.deepEqual(parseAmount('1,2345', '元'), { ok: false, blank: false, problem: 'notNumber' });
  assert.deepEqual(parseAmount('414,400.001', '元'), { ok: false, blank: false, problem: 'tooPrecise' });
  assert.deepEqual(parseAmount('0.0000001', '万元'), { ok: false, blank: false, problem: 'tooPrecise' });
  assert.deepEqual(parseAmount('10000000000000', '元'), { ok: false, blank: false, problem: 'tooLarge' });
});

test('points and rates', () => {
  assert.deepEqual(parsePoints('８.５０'), { ok: true, value: 8.5 });
  assert.deepEqual(parsePoints('-2'), { ok: true, value: -2 });
  assert.ok(Object.is((parsePoints('-0') as { value: number }).value, 0));
  assert.deepEqual(parsePoints('8.555'), { ok: false, blank: false, problem: 'tooPrecise' });
  assert.deepEqual(parsePoints(''), { ok: false, blank: true, problem: 'blank' });
  assert.deepEqual(parseRate('62.16 %'), { ok: true, value: '62.16' });
  assert.deepEqual(parseRate('100'), { ok: true, value: '100.00' });
  assert.deepEqual(parseRate('62.1650%'), { ok: true, value: '62.165' });
  assert.deepEqual(parseRate('%'), { ok: false, blank: true, problem: 'blank' });
  assert.deepEqual(parseRate('六成'), { ok: false, blank: false, problem: 'notNumber' });
});

test('sums of points in hundredths, compared exactly with a template number of any precision', () => {
  let sum = 0;
  for (const w of [0.1, 0.2, 44.7]) sum += pointsHundredths(w);
  assert.equal(sum, 4500);
  assert.equal(compareHundredths(sum, 45), 0);
  assert.equal(compareHundredths(4500, 45.001), -1);
  assert.equal(compareHundredths(4501, 45.001), 1);
  assert.throws(() => pointsHundredths(0.1 + 0.2), RangeError);
});
