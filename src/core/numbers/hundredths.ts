/**
 * Money, points and rates as integer hundredths: an amount in fen (hundredths of 元), points in
 * hundredths of a point, a rate in hundredths of a percent. The model holds amounts as decimal
 * strings with at most 2 decimals and points as numbers with at most 2 decimals, so each is an
 * integer here, and every sum is exact. Quotients are rounded half-up, ties away from zero.
 *
 * The range is guarded as actualbudget guards its cents: amounts have at most 13 digits before
 * the point (under 10 万亿元), so a sum of a million of them is still a safe integer; anything
 * outside throws rather than losing a cent.
 */

/** 13 digits of 元 before the point, in fen. */
export const MAX_AMOUNT_FEN = 10 ** 15 - 1;

/** Points (weights, scores) beyond this are not points any form gives. */
export const MAX_POINTS = 1e9;

/** Throws where a value left the range in which integer arithmetic on doubles is exact. */
export function safeInteger(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return value;
}

const AMOUNT = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/u;

/** A model amount ("414400.00", "82.5", "-3") in fen; null where it is not one (blank, text, too long). */
export function fenOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = AMOUNT.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const fen = Number(m[2]) * 100 + (fraction === '' ? 0 : Number(fraction.padEnd(2, '0')));
  return m[1] === '-' ? -fen : fen;
}

/** A number with at most 2 decimals (weights, scores, a template's thresholds) in hundredths, else null. */
export function hundredthsOfNumber(value: number): number | null {
  const h = Math.round(value * 100);
  return Number.isSafeInteger(h) && h / 100 === value ? h : null;
}

/** Points in hundredths; the model allows at most 2 decimals, so this is exact (0 for a blank). */
export function pointsHundredths(value: number | undefined): number {
  return value === undefined ? 0 : Math.round(value * 100);
}

/** Hundredths as the JSON number of points: 862 → 8.62 (the double nearest the decimal). */
export function pointsOf(hundredths: number): number {
  // -0 would print as 0 but compare as a different JSON value in deepEqual.
  return hundredths === 0 ? 0 : hundredths / 100;
}

/** Hundredths as text with 2 decimals: 6216 → "62.16", -5 → "-0.05". */
export function hundredthsText(hundredths: number): string {
  const a = Math.abs(hundredths);
  const cents = a % 100;
  return `${hundredths < 0 ? '-' : ''}${(a - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * round(a × b ÷ d) for integers (d ≠ 0), half-up, ties away from zero; exact: in doubles while the
 * product is safe, else in bigints. Throws when the result is not a safe integer.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  const negative = a < 0 !== b < 0 !== d < 0;
  const n = Math.abs(a) * Math.abs(b);
  const z = Math.abs(d);
  let q: number;
  if (Number.isSafeInteger(n)) {
    q = Math.floor(n / z);
    // The division of doubles can be off by one below 2^53; the remainder puts it right.
    let r = n - q * z;
    if (r < 0) (q--, (r += z));
    else if (r >= z) (q++, (r -= z));
    if (2 * r >= z) q++;
  } else {
    const big = BigInt(Math.abs(a)) * BigInt(Math.abs(b));
    const divisor = BigInt(z);
    let quotient = big / divisor;
    if (2n * (big - quotient * divisor) >= divisor) quotient++;
    q = safeInteger(Number(quotient));
  }
  return negative && q !== 0 ? -q : q;
}
