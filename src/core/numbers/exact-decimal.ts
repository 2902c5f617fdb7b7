/**
 * A decimal of any length, exactly: `units` × 10^-places with bigint units. What the forms'
 * indicators measure (targets and actuals: "0.05mg", "1.2万人次", "99.95%") has no fixed number of
 * decimals, so it cannot be kept in hundredths like money and points (hundredths.ts); ratios of
 * such values are rounded half-up, ties away from zero, as offices round by hand.
 */

export interface ExactDecimal {
  /** The digits with the sign: "-1.250" → -1250n. */
  units: bigint;
  /** Decimals as written: "-1.250" → 3. */
  places: number;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/u;

/** A plain decimal text ("-1.250", "42") exactly, else null (no separators, signs or exponents). */
export function exactOf(text: string): ExactDecimal | null {
  if (!PLAIN.test(text)) return null;
  const dot = text.indexOf('.');
  if (dot < 0) return { units: BigInt(text), places: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), places: text.length - dot - 1 };
}

/** An integer as an exact decimal. */
export function exactInteger(n: bigint | number): ExactDecimal {
  return { units: BigInt(n), places: 0 };
}

/** 10^0 … 10^40, made once: the checks scale numbers per indicator of every form. */
const POWERS = Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n));

function pow10(n: number): bigint {
  return POWERS[n] ?? 10n ** BigInt(n);
}

/** n ÷ d rounded half-up, ties away from zero (d ≠ 0). */
export function divRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  let q = a / b;
  if (2n * (a - q * b) >= b) q++;
  return negative ? -q : q;
}

/** The value in units of 10^-places: exact when places grow, rounded half-up when they shrink. */
export function unitsAt(value: ExactDecimal, places: number): bigint {
  return places >= value.places ? value.units * pow10(places - value.places) : divRound(value.units, pow10(value.places - places));
}

export function compareExact(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const places = Math.max(a.places, b.places);
  const x = a.places === places ? a.units : unitsAt(a, places);
  const y = b.places === places ? b.units : unitsAt(b, places);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** value × 10^power, exactly: (1.2, 4) → 12000 (a 万 multiplier). */
export function scaledByPowerOfTen(value: ExactDecimal, power: number): ExactDecimal {
  const places = value.places - power;
  return places >= 0 ? { units: value.units, places } : { units: value.units * pow10(-places), places: 0 };
}

export function sign(value: ExactDecimal): -1 | 0 | 1 {
  return value.units < 0n ? -1 : value.units > 0n ? 1 : 0;
}

export function times(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { units: a.units * b.units, places: a.places + b.places };
}

export function minus(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const places = Math.max(a.places, b.places);
  return { units: unitsAt(a, places) - unitsAt(b, places), places };
}

/**
 * round(a × b ÷ c, places) in units of 10^-places (c ≠ 0): the one quotient the scores and
 * checks need (weight × actual ÷ target, actual × 100 ÷ target).
 */
export function mulDivAt(a: ExactDecimal, b: ExactDecimal, c: ExactDecimal, places: number): bigint {
  // a·b/c = (ua·ub / uc) × 10^(pc − pa − pb); scaled to 10^-places.
  const shift = places + c.places - a.places - b.places;
  const n = a.units * b.units * (shift > 0 ? pow10(shift) : 1n);
  const d = c.units * (shift < 0 ? pow10(-shift) : 1n);
  return divRound(n, d);
}

/** The same value without trailing zeros in the decimals: "2.50" → 2.5 (places 1). */
export function trimmed(value: ExactDecimal): ExactDecimal {
  let { units, places } = value;
  while (places > 0 && units % 10n === 0n) (units /= 10n, places--);
  return { units, places };
}

/**
 * Without trailing zeros beyond `minPlaces` decimals, never an exponent: "5.0" → "5", "-0.50" →
 * "-0.5"; with minPlaces 2, "100" → "100.00" and "21.545760" → "21.54576".
 */
export function exactText(value: ExactDecimal, minPlaces = 0): string {
  const t = trimmed(value);
  return t.places >= minPlaces ? unitsText(t.units, t.places) : unitsText(unitsAt(t, minPlaces), minPlaces);
}

/** Rounded half-up to `places` decimals, all written: fixedText(2.675, 2) → "2.68". */
export function fixedText(value: ExactDecimal, places: number): string {
  return unitsText(unitsAt(value, places), places);
}

/** units × 10^-places as text with every decimal written: (6216n, 2) → "62.16", (-5n, 2) → "-0.05". */
export function unitsText(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const text = places === 0 ? whole : `${whole}.${digits.slice(digits.length - places)}`;
  return negative ? `-${text}` : text;
}
