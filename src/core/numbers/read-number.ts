/**
 * Numbers as people write them — typed into the editor, printed in a PDF, kept in a spreadsheet —
 * read once into the model's values: money in fen, points in hundredths, rates as percent text.
 * The one reader for the core, every importer and the web editor. It takes full-width digits and
 * signs, spaces, thousands separators ("414,400.00", "414，400"), a leading "+", and after the
 * number 元, 万元, 万 or 亿 (money) or % (rates); it says why it could not read a text rather than
 * guess: nothing is rounded or cut to fit.
 */
import type { AmountUnit } from '../model/amount-unit.ts';
import { normalizeText } from '../targets/normalize.ts';
import { exactOf, exactText, scaledByPowerOfTen, trimmed, unitsAt, unitsText, type ExactDecimal } from './exact-decimal.ts';
import { MAX_AMOUNT_FEN, MAX_POINTS } from './hundredths.ts';

export type ReadProblem = 'blank' | 'notNumber' | 'tooPrecise' | 'tooLarge';
export type Reading<T> = { ok: true; value: T } | { ok: false; problem: ReadProblem };

const fail = <T>(problem: ReadProblem): Reading<T> => ({ ok: false, problem });

/** A signed decimal as written ("１２.５", "+3", "1,234.5"), exactly; no unit. */
export function readDecimal(raw: string): Reading<ExactDecimal> {
  // The typographic minus (U+2212) and the small one (U+FE63) are minus signs people paste.
  const text = normalizeText(raw).replace(/^[\u2212\uFE63]/u, '-');
  if (text === '') return fail('blank');
  const exact = exactOf(/^\+\d/u.test(text) ? text.slice(1) : text);
  return exact ? { ok: true, value: exact } : fail('notNumber');
}

/** Decimals that count: "2.50" has 1, "3.00" none. */
function significantPlaces(value: ExactDecimal): number {
  return trimmed(value).places;
}

/** An amount read: in fen, and the unit written after the number, if one was. */
export interface MoneyReading {
  fen: number;
  written: AmountUnit | '亿元' | null;
}

const MONEY_SUFFIXES: ReadonlyArray<[suffix: string, written: MoneyReading['written'], yuanPlaces: number]> = [
  ['万元', '万元', 4],
  ['亿元', '亿元', 8],
  ['元', '元', 0],
  // "41.44万": people write 万 for 万元.
  ['万', '万元', 4],
  ['亿', '亿元', 8],
];

/** An amount, in `unit` (the form's) unless a unit is written after the number. */
export function readMoney(raw: string, unit: AmountUnit): Reading<MoneyReading> {
  let text = normalizeText(raw);
  const suffix = MONEY_SUFFIXES.find(([s]) => text.endsWith(s));
  if (suffix) text = text.slice(0, -suffix[0].length);
  const read = readDecimal(text);
  if (!read.ok) return suffix && read.problem === 'blank' ? fail('notNumber') : read;
  const shift = suffix ? suffix[2] : unit === '万元' ? 4 : 0;
  // In fen the value must be whole.
  const yuan = scaledByPowerOfTen(read.value, shift);
  if (significantPlaces(yuan) > 2) return fail('tooPrecise');
  const fen = unitsAt(yuan, 2);
  if (fen > BigInt(MAX_AMOUNT_FEN) || fen < -BigInt(MAX_AMOUNT_FEN)) return fail('tooLarge');
  return { ok: true, value: { fen: Number(fen), written: suffix ? suffix[1] : null } };
}

/** Fen as the model keeps an amount: 41440000 → "414400.00". */
export function amountText(fen: number): string {
  return unitsText(BigInt(fen), 2);
}

/** Points (权重, 自评分): at most 2 decimals; the JSON number the model keeps. */
export function readPoints(raw: string): Reading<number> {
  // Figures parted by white space are two figures, not one number: "1 0" is not 10.
  if (/[\d.]\s+[\d.]/u.test(raw.normalize('NFKC'))) return fail('notNumber');
  const read = readDecimal(raw);
  if (!read.ok) return read;
  if (significantPlaces(read.value) > 2) return fail('tooPrecise');
  const value = Number(exactText(read.value));
  return Math.abs(value) > MAX_POINTS ? fail('tooLarge') : { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A rate in percent ("62.16%", "62.16", "６２.１６ %") as the model keeps it: the number as written,
 * with at least 2 decimals as the forms print rates ("100" → "100.00"). A fraction under a %
 * sign is not assumed: "0.62" is 0.62 %.
 */
export function readRate(raw: string): Reading<string> {
  const read = readDecimal(normalizeText(raw).replace(/%$/u, ''));
  if (!read.ok) return read;
  // Trailing zeros beyond the second decimal say nothing: "62.1600" is kept as "62.16".
  return { ok: true, value: exactText(read.value, 2) };
}

/**
 * The decimal a JavaScript number stands for, as String() writes it shortest (0.1 → 0.1, not the
 * binary 0.1000000000000000055…), exactly and with the exponent resolved: 1e21 → 10^21, 1.5e-7 →
 * 0.00000015. What a spreadsheet cell holds as its number; null for NaN and ±Infinity.
 */
export function exactOfNumber(value: number): ExactDecimal | null {
  if (!Number.isFinite(value)) return null;
  // Every finite double's String() has this shape; -0 is "0".
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(String(value))!;
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[1]}${m[2]}${fraction}`);
  const places = fraction.length - Number(m[4] ?? '0');
  return places >= 0 ? { units, places } : { units: units * 10n ** BigInt(-places), places: 0 };
}
