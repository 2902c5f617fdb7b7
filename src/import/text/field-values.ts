/**
 * Printed values into model values: "414,400.00" → "414400.00", "62.16%" → "62.16",
 * "2022.3.2" → "2022-03-02", 是 → true, "95" → 95. Numbers are read by the core's one reader
 * (core/numbers/read-number.ts). Each returns null for what it cannot read, so that the caller
 * reports it instead of guessing.
 */
import { amountText, readMoney, readPoints as readPointsValue, readRate } from '../../core/numbers/read-number.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import { matchKey } from './text-lines.ts';

function plain(raw: string): string {
  // matchKey is NFKC without white space, with the common characters folded without ICU.
  return matchKey(raw).replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '');
}

/**
 * An amount in 元 as a 2-decimal string; `unit` is what the form prints amounts in, and a unit
 * written after the number (元, 万元, 万, 亿) wins over it.
 */
export function readAmount(raw: string, unit: '元' | '万元' = '元'): string | null {
  const read = readMoney(raw, unit);
  return read.ok ? amountText(read.value.fen) : null;
}

/** A rate in percent as the model keeps it, without the sign: "62.16%" → "62.16", "100%" → "100.00". */
export function readPercent(raw: string): string | null {
  const read = readRate(raw);
  return read.ok ? read.value : null;
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

/**
 * Weights and scores: at most 2 decimals, as JSON numbers. A signed number is refused, not only a
 * negative one: no form prints a weight or a score with a sign, and this text reader tells the
 * weight and the score of a row from its other cells by their form alone, so "-5" or "+3" (a
 * target's change, a range cut at a dash) must stay text rather than become points.
 */
export function readPoints(raw: string): number | null {
  if (/^[+-]/u.test(normalizeText(raw))) return null;
  const read = readPointsValue(raw);
  return read.ok ? read.value : null;
}
