import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dec, fixed2, points, round, sum } from './decimal.ts';

test('sums are exact: 0.1 + 0.2 is 0.3', () => {
  assert.equal(sum([0.1, 0.2]).toString(), '0.3');
  assert.equal(sum(['414400.00', '0.01']).toString(), '414400.01');
});

test('rounding is half-up to 2 decimals, as offices round by hand', () => {
  assert.equal(fixed2(dec('62.165')), '62.17');
  assert.equal(fixed2(dec('62.164999')), '62.16');
  assert.equal(round(dec('2.675')).toString(), '2.68'); // a float gives 2.67
  assert.equal(points(dec('8.618304')), 8.62);
});
