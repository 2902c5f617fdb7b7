/**
 * Reading the values people type into the form: amounts (with thousands separators, in 元, 万元
 * or 亿元, stored as 元 exactly), points, rates, dates like 2022.3.2, and 是/否. Numbers are read by
 * the core's one reader (core/numbers/read-number.ts); this only says, for the diagnostics, whether
 * a cell was blank or held something that is no such value.
 */
import { compareExact } from '../../core/numbers/exact-decimal.ts';
import { hundredthsOfNumber } from '../../core/numbers/hundredths.ts';
import { amountText, exactOfNumber, readMoney, readPoints, readRate, type ReadProblem, type Reading } from '../../core/numbers/read-number.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import type { AmountUnit } from './label-key.ts';

/** `problem` says why a number was not read (blank, not a number, more decimals than it may have, too large). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; blank: boolean; problem?: ReadProblem };

const blank = <T>(): Parsed<T> => ({ ok: false, blank: true });
const unreadable = <T>(): Parsed<T> => ({ ok: false, blank: false });

function parsed<T, U>(reading: Reading<T>, value: (read: T) => U): Parsed<U> {
  return reading.ok ? { ok: true, value: value(reading.value) } : { ok: false, blank: reading.problem === 'blank', problem: reading.problem };
}

/**
 * An amount in `unit` (a unit written after the number wins: 元, 万元, 万, 亿元, 亿) → 元 with two
 * decimals, and the unit the form printed it in. An amount written in 亿 says nothing about the
 * form's unit, so `unit` is given back for it.
 */
export function parseAmount(text: string, unit: AmountUnit): Parsed<{ yuan: string; unit: AmountUnit }> {
  return parsed(readMoney(text, unit), ({ fen, written }) => ({ yuan: amountText(fen), unit: written === null || written === '亿元' ? unit : written }));
}

/** Points (权重, 自评分): a number with at most two decimals. */
export function parsePoints(text: string): Parsed<number> {
  return parsed(readPoints(text), (points) => points);
}

/** A rate in percent: "62.16%", "62.16"; a fraction under a % sign is not assumed. */
export function parseRate(text: string): Parsed<string> {
  return parsed(readRate(text), (rate) => rate);
}

/**
 * Points the reader gave (at most 2 decimals) in integer hundredths, in which weights and scores
 * are summed exactly. Anything else is a fault of the caller, not a value to round.
 */
export function pointsHundredths(points: number): number {
  const hundredths = hundredthsOfNumber(points);
  if (hundredths === null) throw new RangeError(`points with more than 2 decimals: ${points}`);
  return hundredths;
}

/** A sum in hundredths against points of any precision (a template's cap, a printed caption), exactly. */
export function compareHundredths(hundredths: number, points: number): -1 | 0 | 1 {
  return compareExact({ units: BigInt(hundredths), places: 2 }, exactOfNumber(points)!);
}

/** 2022.3.2, 2022-03-02, 2022/3/2 and 2022年3月2日 → "2022-03-02". */
export function parseDate(text: string): Parsed<string> {
  const body = normalizeText(text);
  if (body === '') return blank();
  const match = /^(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})\D?$/u.exec(body);
  if (!match) return unreadable();
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return unreadable();
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

const YES = new Set(['是', 'yes', 'y', 'true', '1']);
const NO = new Set(['否', 'no', 'n', 'false', '0']);

/** 是/否 (also yes/no, true/false, 1/0, as spreadsheets and exports write them). */
export function parseYesNo(text: string): Parsed<boolean> {
  const body = normalizeText(text).toLowerCase();
  if (body === '') return blank();
  if (YES.has(body)) return { ok: true, value: true };
  if (NO.has(body)) return { ok: true, value: false };
  return unreadable();
}
