/** The one number reader: money, points and rates as people write them; what it refuses and why. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { exactText } from './exact-decimal.ts';
import { amountText, exactOfNumber, readDecimal, readMoney, readPoints, readRate } from './read-number.ts';
import { MAX_AMOUNT_FEN } from './hundredths.ts';

const FULL_WIDTH = (s: string) => s.replace(/[0-9.,+\-%]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

test('money: separators, full-width digits, 元/万元/万/亿 after the number, the form unit otherwise', () => {
  const cases: Array<[string, '元' | '万元', number, string | null]> = [
    ['414,400.00', '元', 41_440_000, null],
    ['414，400', '元', 41_440_000, null],
    [' 41.44 ', '万元', 41_440_000, null],
    ['41.44万', '元', 41_440_000, '万元'],
    ['41.44万元', '元', 41_440_000, '万元'],
    ['414400元', '万元', 41_440_000, '元'],
    ['0.0001亿元', '元', 1_000_000, '亿元'],
    ['+3', '元', 300, null],
    ['-3.5', '元', -350, null],
    ['１２.５', '元', 1250, null],
  ];
  for (const [raw, unit, fen, written] of cases) assert.deepEqual(readMoney(raw, unit), { ok: true, value: { fen, written } }, raw);
});

test('money: what cannot be read is said, never rounded or cut', () => {
  const cases: Array<[string, '元' | '万元', string]> = [
    ['', '元', 'blank'],
    ['   ', '元', 'blank'],
    ['万元', '元', 'notNumber'],
    ['约10万', '元', 'notNumber'],
    ['1e3', '元', 'notNumber'],
    ['1.005', '元', 'tooPrecise'],
    ['0.0000001', '万元', 'tooPrecise'],
    ['10000000000000', '元', 'tooLarge'],
    ['1000000000', '万元', 'tooLarge'],
  ];
  for (const [raw, unit, problem] of cases) assert.deepEqual(readMoney(raw, unit), { ok: false, problem }, raw);
});

test('money round trip: any amount written with separators, full width or in 万元 reads back to its fen', () => {
  const fen = fc.integer({ min: -MAX_AMOUNT_FEN, max: MAX_AMOUNT_FEN });
  fc.assert(
    fc.property(fen, fc.constantFrom('plain', 'separators', 'fullWidth', 'wan'), (f, style) => {
      const text = amountText(f);
      const written =
        style === 'separators' ? text.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/gu, ',')
        : style === 'fullWidth' ? FULL_WIDTH(text)
        : style === 'wan' ? null
        : text;
      if (written === null) {
        // In 万元 the same amount has 6 decimals.
        const wan = `${f < 0 ? '-' : ''}${(BigInt(Math.abs(f)) / 1_000_000n).toString()}.${(BigInt(Math.abs(f)) % 1_000_000n).toString().padStart(6, '0')}`;
        return assert.deepEqual(readMoney(wan, '万元'), { ok: true, value: { fen: f, written: null } }, wan);
      }
      assert.deepEqual(readMoney(written, '元'), { ok: true, value: { fen: f, written: null } }, written);
    }),
    { numRuns: 3000 },
  );
});

test('points: at most 2 decimals, trailing zeros do not count, no -0', () => {
  assert.deepEqual(readPoints('8.50'), { ok: true, value: 8.5 });
  assert.deepEqual(readPoints('８.５'), { ok: true, value: 8.5 });
  assert.deepEqual(readPoints('20.000'), { ok: true, value: 20 });
  assert.deepEqual(readPoints('-0'), { ok: true, value: 0 });
  assert.ok(Object.is((readPoints('-0.00') as { value: number }).value, 0));
  assert.deepEqual(readPoints('8.555'), { ok: false, problem: 'tooPrecise' });
  assert.deepEqual(readPoints('1e2'), { ok: false, problem: 'notNumber' });
  // Two figures of one column, read as one cell (a score and the next row's set at its top), are not one number.
  assert.deepEqual(readPoints('1 0'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(readPoints('9\n9.5'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(readPoints('１　０'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(readPoints(' 10 '), { ok: true, value: 10 });
  assert.deepEqual(readPoints('10000000000'), { ok: false, problem: 'tooLarge' });
  assert.deepEqual(readPoints(''), { ok: false, problem: 'blank' });
});

test('rates: the number as written with at least 2 decimals, a % sign or not', () => {
  assert.deepEqual(readRate('62.16%'), { ok: true, value: '62.16' });
  assert.deepEqual(readRate('６２.１６ ％'), { ok: true, value: '62.16' });
  assert.deepEqual(readRate('100'), { ok: true, value: '100.00' });
  assert.deepEqual(readRate('62.1600'), { ok: true, value: '62.16' });
  assert.deepEqual(readRate('62.165'), { ok: true, value: '62.165' });
  assert.deepEqual(readRate('0.62'), { ok: true, value: '0.62' });
  assert.deepEqual(readRate('约60%'), { ok: false, problem: 'notNumber' });
  assert.deepEqual(readDecimal('+1,234.50'), { ok: true, value: { units: 123450n, places: 2 } });
});

test('a JavaScript number as the decimal its shortest text shows, exactly, without exponent', () => {
  assert.deepEqual(exactOfNumber(0.1), { units: 1n, places: 1 });
  assert.deepEqual(exactOfNumber(-62.16), { units: -6216n, places: 2 });
  assert.deepEqual(exactOfNumber(1e21), { units: 10n ** 21n, places: 0 });
  assert.deepEqual(exactOfNumber(1.5e-7), { units: 15n, places: 8 });
  assert.deepEqual(exactOfNumber(-0), { units: 0n, places: 0 });
  assert.equal(exactOfNumber(NaN), null);
  assert.equal(exactOfNumber(-Infinity), null);
  // decimal.js reads a number the same way (from its shortest text): the oracle.
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      assert.equal(exactText(exactOfNumber(n)!), new Decimal(String(n)).toFixed().replace(/^-(?=0$)/u, ''), String(n));
    }),
    { numRuns: 3000 },
  );
});

test('the typographic minus reads as a minus (issue 14)', () => {
  assert.deepEqual(readPoints('−1'), { ok: true, value: -1 });
  assert.deepEqual(readPoints('﹣2.5'), { ok: true, value: -2.5 });
  assert.deepEqual(readPoints('1−2'), { ok: false, problem: 'notNumber' });
});
