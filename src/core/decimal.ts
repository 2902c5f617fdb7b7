/**
 * Exact decimal arithmetic for money, rates and points.
 *
 * Everything the forms add up goes through here so that 0.1 + 0.2 is 0.3 and a rate is
 * rounded half-up the way finance offices round by hand, never through binary floats.
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** A decimal from a JSON number (points) or a decimal string (amounts, rates). */
export function dec(value: number | string | Decimal): Decimal {
  // String(n) gives the shortest round-trip form of a double: 0.1 stays "0.1".
  return value instanceof Decimal ? value : new Decimal(typeof value === 'number' ? String(value) : value);
}

export function sum(values: ReadonlyArray<number | string | Decimal>): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), ZERO);
}

/** Rounded half-up to `places` decimals (2 for points, rates and money). */
export function round(value: Decimal, places = 2): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** "62.16": fixed two decimals, for rates and amounts. */
export function fixed2(value: Decimal): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A JSON number for points (at most 2 decimals by construction). */
export function points(value: Decimal): number {
  return round(value).toNumber();
}

export function decimalPlaces(value: number | string): number {
  return dec(value).decimalPlaces();
}

/**
 * The sum of points (weights, scores: at most 2 decimals, as the schema requires) in integer
 * hundredths, which is exact and much cheaper than decimal objects; the hot path of checking.
 */
export function sumPoints(values: ReadonlyArray<number>): number {
  let hundredths = 0;
  for (const v of values) hundredths += Math.round(v * 100);
  return hundredths / 100;
}

/** min(a, b) without leaving decimal land. */
export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/*
 * Integer hundredths: amounts are decimal strings with at most 2 decimals and points numbers with
 * at most 2 decimals, so in fen (hundredths) they are integers, and a quotient rounded half-up is
 * an integer division with its remainder. Exact like the decimals above, without an object per
 * step: the hot path of checking. Each function says when it does not apply (null, NaN); the
 * callers then take the decimal path.
 */

const LIMIT = 2 ** 52;

/** Whether x is negative, -0 included (decimal.js keeps the sign of a zero). */
function signbit(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

/** A plain decimal string ("-82.160") as sign, digits without trailing fraction zeros, and decimals. */
export interface PlainDecimal {
  negative: boolean;
  /** The digits as an integer: "82.160" → 8216; a safe integer, so exact. */
  digits: number;
  /** Decimals once trailing zeros are dropped (decimal.js `decimalPlaces`): "82.160" → 2. */
  places: number;
}

/** `-?\d+(\.\d+)?` whose digits make a safe integer, else null (then use decimal.js). */
export function plainDecimal(text: string): PlainDecimal | null {
  const n = text.length;
  const negative = n > 0 && text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  let dot = -1;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0 && i > start && i < n - 1) dot = i;
    else if (c < 48 || c > 57) return null;
  }
  if (n === start) return null;
  let end = n; // past the last digit that counts
  if (dot >= 0) {
    while (text.charCodeAt(end - 1) === 48) end--;
    if (end === dot + 1) end = dot;
  }
  let digits = 0;
  for (let i = start; i < end; i++) if (i !== dot) digits = digits * 10 + (text.charCodeAt(i) - 48);
  // Exact while the digits stay safe; once past, they stay past.
  if (digits > Number.MAX_SAFE_INTEGER) return null;
  return { negative, digits, places: dot >= 0 && end > dot ? end - dot - 1 : 0 };
}

/**
 * The exact value of a plain decimal string in hundredths ("414400.00" → 41440000, "82.160" →
 * 8216, "-0.00" → -0), or null when it has more than 2 decimals or is not plain.
 */
export function hundredthsOf(text: string): number | null {
  const d = plainDecimal(text);
  if (d === null || d.places > 2) return null;
  const h = d.digits * (d.places === 0 ? 100 : d.places === 1 ? 10 : 1);
  if (h >= LIMIT) return null;
  return d.negative ? -h : h;
}

/** A number with at most 2 decimals in hundredths (1.25 → 125), else null. */
export function pointsHundredths(value: number): number | null {
  const h = Math.round(value * 100);
  return h / 100 === value && Math.abs(h) < LIMIT ? (h === 0 && signbit(value) ? -0 : h) : null;
}

/** round(value) of a number in hundredths: exact for any number (decimal.js beyond 2 decimals). */
export function roundedHundredths(value: number): number {
  return pointsHundredths(value) ?? round(dec(value)).times(100).toNumber();
}

/**
 * a × b ÷ d for integers (d ≠ 0) rounded half-up, ties away from zero, with the sign of a zero as
 * decimal.js gives it; exact (bigint beyond 2^52). NaN when the result is not a safe integer.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  const negative = signbit(a) !== signbit(b) !== signbit(d);
  const x = Math.abs(a);
  const y = Math.abs(b);
  const z = Math.abs(d);
  let q: number;
  const n = x * y;
  if (n < LIMIT && z < LIMIT) {
    q = Math.floor(n / z);
    let r = n - q * z;
    if (r < 0) {
      q--;
      r += z;
    } else if (r >= z) {
      q++;
      r -= z;
    }
    if (2 * r >= z) q++;
  } else {
    const big = BigInt(x) * BigInt(y);
    const divisor = BigInt(z);
    let quotient = big / divisor;
    if (2n * (big - quotient * divisor) >= divisor) quotient++;
    q = Number(quotient);
    if (!Number.isSafeInteger(q)) return NaN;
  }
  return negative ? -q : q;
}

/** Hundredths as fixed2 prints them: 6216 → "62.16"; -0 → "0.00" unless `negativeZero` ("-0.00"). */
export function formatHundredths(h: number, negativeZero = false): string {
  const negative = h < 0 || (h === 0 && negativeZero);
  const a = Math.abs(h);
  const cents = a % 100;
  return `${negative ? '-' : ''}${(a - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/** Compares hundredths with a number (a template's threshold): -1, 0 or 1, exactly. */
export function compareHundredths(h: number, value: number): number {
  const v = pointsHundredths(value);
  if (v !== null) return h < v ? -1 : h > v ? 1 : 0;
  return dec(h / 100).comparedTo(dec(value));
}
