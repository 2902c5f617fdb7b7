/**
 * The one reader of printed and typed values, for every importer (text, raw text, layout text,
 * grids of PDFs, spreadsheets, HTML and Word tables) and the web editor: amounts (元, 万元, 亿 after
 * the number), points, rates, dates and 是/否. Each gives a reading: the value, or why there is
 * none — `blank` (nothing written, not a fault) or a problem to report. Numbers are read by
 * core/numbers/read-number.ts; this adds what is not a number and the form-level shapes.
 */
import type { AmountUnit } from '../model/amount-unit.ts';
import { compareExact } from '../numbers/exact-decimal.ts';
import { hundredthsOfNumber } from '../numbers/hundredths.ts';
import { amountText, exactOfNumber, readMoney, readPoints, readRate, type ReadProblem, type Reading } from '../numbers/read-number.ts';
import { normalizeText } from '../targets/normalize.ts';
import type { FormLabel, Template } from '../templates/template.ts';

export { amountText, readPoints, readRate, type ReadProblem, type Reading };

/** Why a value was not read: a number's reasons, or a text that is no date or no yes/no word. */
export type ValueProblem = ReadProblem | 'notDate' | 'notYesNo' | 'notGrade';
export type ValueReading<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

const fail = <T>(problem: ValueProblem): ValueReading<T> => ({ ok: false, problem });

/** Whether a reading failed for a reason worth reporting (not because nothing was written). */
export function isUnreadable(reading: ValueReading<unknown>): boolean {
  return !reading.ok && reading.problem !== 'blank';
}

/** The value, or undefined for blank and unreadable alike (the caller has reported the latter). */
export function valueOf<T>(reading: ValueReading<T>): T | undefined {
  return reading.ok ? reading.value : undefined;
}

/** An amount as the model keeps it (元, 2 decimals) and the unit the form printed it in. */
export interface AmountReading {
  yuan: string;
  unit: AmountUnit;
}

/**
 * An amount in `unit` (the form's) unless a unit is written after the number (元, 万元, 万, 亿元,
 * 亿). An amount written in 亿 says nothing about the form's unit, so `unit` is given back for it.
 */
export function readAmount(raw: string, unit: AmountUnit): Reading<AmountReading> {
  const read = readMoney(raw, unit);
  if (!read.ok) return read;
  const { fen, written } = read.value;
  return { ok: true, value: { yuan: amountText(fen), unit: written === null || written === '亿元' ? unit : written } };
}

/** 2022.3.2, 2022-03-02, 2022/3/2, 2022年3月2日 (full width too) → "2022-03-02"; a day that does not exist is no date. */
export function readDate(raw: string): ValueReading<string> {
  const text = normalizeText(raw);
  if (text === '') return fail('blank');
  const m = /^(\d{4})(?:[.\-/]|年)(\d{1,2})(?:[.\-/]|月)(\d{1,2})日?$/u.exec(text);
  if (!m) return fail('notDate');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail('notDate');
  return { ok: true, value: `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** The words that mean yes and no, as keys (yesNoKey). */
export interface YesNoWords {
  yes: readonly string[];
  no: readonly string[];
}

/** 是/否 and what spreadsheets and exports write for them (yes/no, true/false, y/n, 1/0). */
export const YES_NO: YesNoWords = { yes: ['是', 'yes', 'y', 'true', '1'], no: ['否', 'no', 'n', 'false', '0'] };

/** How a yes/no word is compared: NFKC, no white space, no trailing colon, lower case. */
function yesNoKey(text: string): string {
  return normalizeText(text).replace(/[:：]+$/u, '').toLowerCase();
}

/** The template's words for yes and no (form.yes, form.no with their aliases); 是/否 where it prints none. */
export function yesNoWords(template: Template): YesNoWords {
  const keys = (label: FormLabel | undefined, fallback: readonly string[]) =>
    label ? [label.zh, ...(label.aliases ?? [])].map(yesNoKey).filter((k) => k !== '') : fallback;
  return { yes: keys(template.fieldLabels['form.yes'], YES_NO.yes.slice(0, 1)), no: keys(template.fieldLabels['form.no'], YES_NO.no.slice(0, 1)) };
}

/** 是 → true, 否 → false, by `words` (the template's, or the common ones). */
export function readYesNo(raw: string, words: YesNoWords = YES_NO): ValueReading<boolean> {
  const key = yesNoKey(raw);
  if (key === '') return fail('blank');
  if (words.yes.includes(key)) return { ok: true, value: true };
  if (words.no.includes(key)) return { ok: true, value: false };
  return fail('notYesNo');
}

/** How a grade word is compared: NFKC, no white space, lower case. */
function gradeKey(text: string): string {
  return normalizeText(text).toLowerCase();
}

/**
 * A grade as printed (良好), when it is one of the template's grade words (Chinese or English);
 * anything else — a number, another template's word — is no grade: the stated grade is checked
 * against the total later, so a text taken for it must never pass as one.
 */
export function readGrade(raw: string, template: Template): ValueReading<string> {
  const key = gradeKey(raw);
  if (key === '') return fail('blank');
  const grade = template.grades.find((g) => gradeKey(g.label.zh) === key || gradeKey(g.label.en) === key);
  return grade ? { ok: true, value: raw.trim() } : fail('notGrade');
}

/**
 * Points a reader gave (at most 2 decimals) in integer hundredths, in which weights and scores
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
