/** A cell's number as the text it holds: exact digits, no exponent, percent by shifting the point. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { cellText } from './cell-text.ts';

test('numbers: the digits the cell holds, never an exponent; percent formats shift the point by 2', () => {
  assert.equal(cellText(414400, undefined).text, '414400');
  assert.equal(cellText(0.1, '0.00').text, '0.1');
  assert.equal(cellText(1e21, undefined).text, '1000000000000000000000');
  assert.equal(cellText(1.5e-7, undefined).text, '0.00000015');
  assert.equal(cellText(-0, undefined).text, '0');
  assert.equal(cellText(0.6216, '0.00%').text, '62.16%');
  // 0.1 × 100 in floats is 10.000000000000002; shifted, it is 10.
  assert.equal(cellText(0.1, '0%').text, '10%');
  assert.equal(cellText(0.57, '0.00%').text, '57%');
  assert.equal(cellText(1.5e-7, '0.00%').text, '0.000015%');
  assert.equal(cellText(12, '"%"0').text, '12');
  assert.equal(cellText({ formula: 'A1/B1', result: 0.98765 } as never, '0.00%').text, '98.765%');
  assert.equal(cellText(Number.NaN, undefined).text, 'NaN');
});

test('numbers: as decimal.js wrote them from the shortest text of the double (the old reading)', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (n, percent) => {
      const d = new Decimal(String(n));
      const expected = (percent ? d.times(100) : d).toFixed().replace(/^-(?=0$)/u, '');
      assert.equal(cellText(n, percent ? '0.00%' : undefined).text, percent ? `${expected}%` : expected);
    }),
    { numRuns: 3000 },
  );
});
