/**
 * Reading the values people type into the form: amounts (with thousands separators, in 元 or
 * 万元, stored as 元 exactly), points, rates, dates like 2022.3.2, and 是/否.
 */
import { dec, fixed2 } from '../../core/decimal.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import { AMOUNT_UNITS, type AmountUnit } from './label-key.ts';

const NUMBER = /^[-+]?\d+(\.\d+)?$/u;
const YUAN_PER_WAN = 10000;

/** A number as typed: NFKC, no spaces, no thousands separators. */
function numberText(text: string): string {
  return normalizeText(text).replace(/,/gu, '');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; blank: boolean };

const blank = <T>(): Parsed<T> => ({ ok: false, blank: true });
const unreadable = <T>(): Parsed<T> => ({ ok: false, blank: false });

/** An amount in `unit` (a unit written after the number wins) → 元 with two decimals. */
export function parseAmount(text: string, unit: AmountUnit): Parsed<{ yuan: string; unit: AmountUnit }> {
  let body = numberText(text);
  if (body === '') return blank();
  let written: AmountUnit = unit;
  const suffix = AMOUNT_UNITS.find((u) => body.endsWith(u));
  if (suffix) {
    written = suffix;
    body = body.slice(0, -suffix.length);
  } else if (body.endsWith('万')) {
    // "41.44万": people write 万 for 万元.
    written = '万元';
    body = body.slice(0, -1);
  }
  if (!NUMBER.test(body)) return unreadable();
  const yuan = written === '万元' ? dec(body).times(YUAN_PER_WAN) : dec(body);
  // More than two decimals of 元 is not an amount the model can hold exactly.
  if (yuan.decimalPlaces() > 2) return unreadable();
  return { ok: true, value: { yuan: fixed2(yuan), unit: written } };
}

/** Points (权重, 自评分): a number with at most two decimals. */
export function parsePoints(text: string): Parsed<number> {
  const body = numberText(text);
  if (body === '') return blank();
  if (!NUMBER.test(body) || dec(body).decimalPlaces() > 2) return unreadable();
  return { ok: true, value: dec(body).toNumber() };
}

/** A rate in percent: "62.16%", "62.16"; a fraction under a % sign is not assumed. */
export function parseRate(text: string): Parsed<string> {
  const body = numberText(text).replace(/%$/u, '');
  if (body === '') return blank();
  if (!NUMBER.test(body)) return unreadable();
  // Rates are kept to two decimals at least, as the form prints them ("100.00"); more are kept.
  const rate = dec(body);
  return { ok: true, value: rate.decimalPlaces() < 2 ? rate.toFixed(2) : rate.toFixed() };
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
