/** Exact decimals and integer hundredths against bigint and decimal.js oracles (fast-check). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { compareExact, exactOf, exactText, fixedText, mulDivAt, unitsText } from './exact-decimal.ts';
import { fenOf, hundredthsOfNumber, hundredthsText, mulDivRound, pointsOf } from './hundredths.ts';

const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
const decimalText = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 })).map(([u, p]) => unitsText(u, p));
const nonZero = decimalText.filter((t) => !new D(t).isZero());

test('exactText and fixedText write what decimal.js writes, never an exponent', () => {
  fc.assert(
    fc.property(decimalText, fc.integer({ min: 0, max: 6 }), (text, places) => {
      const value = exactOf(text)!;
      assert.equal(exactText(value), new D(text).toFixed());
      // decimal.js writes "-0" for a negative that rounds to zero; a form never shows that.
      assert.equal(fixedText(value, places), new D(text).toFixed(places, Decimal.ROUND_HALF_UP).replace(/^-(?=0(\.0*)?$)/u, ''));
      assert.doesNotMatch(exactText(value), /e/u);
    }),
    { numRuns: 2000 },
  );
});

test('mulDivAt is a × b ÷ c rounded half-up, ties away from zero; compareExact orders as decimal.js', () => {
  fc.assert(
    fc.property(decimalText, decimalText, nonZero, fc.integer({ min: 0, max: 4 }), (a, b, c, places) => {
      const expected = new D(a).times(b).div(c).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).times(new D(10).pow(places));
      assert.equal(mulDivAt(exactOf(a)!, exactOf(b)!, exactOf(c)!, places).toString(), expected.toFixed(0));
      assert.equal(compareExact(exactOf(a)!, exactOf(b)!), new D(a).comparedTo(b));
    }),
    { numRuns: 2000 },
  );
});

test('mulDivRound equals bigint arithmetic on both of its paths, and refuses an unsafe result', () => {
  const int = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }));
  fc.assert(
    fc.property(int, int, int.filter((d) => d !== 0), (a, b, d) => {
      const n = BigInt(a) * BigInt(b);
      const abs = (x: bigint) => (x < 0n ? -x : x);
      let q = abs(n) / abs(BigInt(d));
      if (2n * (abs(n) - q * abs(BigInt(d))) >= abs(BigInt(d))) q++;
      const expected = (n < 0n) !== (d < 0) ? -q : q;
      if (expected > BigInt(Number.MAX_SAFE_INTEGER) || -expected > BigInt(Number.MAX_SAFE_INTEGER)) return assert.throws(() => mulDivRound(a, b, d), RangeError);
      assert.equal(mulDivRound(a, b, d), Number(expected) || 0);
    }),
    { numRuns: 3000 },
  );
});

test('model amounts and points in hundredths', () => {
  assert.equal(fenOf('414400.00'), 41_440_000);
  assert.equal(fenOf('82.5'), 8250);
  assert.equal(fenOf('-3'), -300);
  for (const odd of [undefined, '', '1.005', '1e3', '+1', '1,000', '12345678901234']) assert.equal(fenOf(odd), null, String(odd));
  assert.equal(hundredthsOfNumber(8.62), 862);
  assert.equal(hundredthsOfNumber(0.1 + 0.2), null);
  assert.equal(hundredthsText(-5), '-0.05');
  assert.equal(hundredthsText(6216), '62.16');
  assert.ok(Object.is(pointsOf(-0), 0));
});
