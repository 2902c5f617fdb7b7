/**
 * Printed values into model values: "414,400.00" → "414400.00", "62.16%" → "62.16",
 * "2022.3.2" → "2022-03-02", 是 → true, "95" → 95. Each returns null for what it cannot read,
 * so that the caller reports it instead of guessing.
 */
import { dec, fixed2 } from '../../core/decimal.ts';
import { matchKey } from './text-lines.ts';

const NUMBER = /^-?\d+(?:\.\d+)?$/u;

function plain(raw: string): string {
  // matchKey is NFKC without white space, with the common characters folded without ICU.
  return matchKey(raw).replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '');
}

/** An amount in 元 as a 2-decimal string; `unit` is what the form prints amounts in. */
export function readAmount(raw: string, unit: '元' | '万元' = '元'): string | null {
  const text = plain(raw).replace(/(?:万元|元)$/u, '');
  if (!NUMBER.test(text)) return null;
  const value = unit === '万元' ? dec(text).times(10000) : dec(text);
  return value.decimalPlaces() > 2 ? null : fixed2(value);
}

/** A rate in percent as printed, without the sign: "62.16%" → "62.16". */
export function readPercent(raw: string): string | null {
  const text = plain(raw).replace(/%$/u, '');
  return NUMBER.test(text) ? text : null;
}

/** 2022.3.2, 2022-3-2, 2022/03/02, 2022年3月2日 → 2022-03-02. */
export function readDate(raw: string): string | null {
  const m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/u.exec(plain(raw));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function readYesNo(raw: string, yes: readonly string[], no: readonly string[]): boolean | null {
  const text = plain(raw);
  if (yes.includes(text)) return true;
  if (no.includes(text)) return false;
  return null;
}

/** Weights and scores: at most 2 decimals, as JSON numbers. */
export function readPoints(raw: string): number | null {
  const text = plain(raw);
  const number = /^\d+(?:\.(\d+))?$/u.exec(text);
  if (!number) return null;
  // Decimal places as Decimal counts them (trailing zeros do not count); the value is the
  // nearest double to the decimal, as Decimal's toNumber gives.
  const places = number[1]?.replace(/0+$/u, '').length ?? 0;
  return places > 2 ? null : Number(text);
}
