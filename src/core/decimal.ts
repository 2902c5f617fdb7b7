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
