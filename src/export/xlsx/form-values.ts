/**
 * Model values as the form's cells hold them: amounts as numbers in the printed unit (元 or
 * 万元, converted exactly), rates as fractions under a percent format.
 */
import { amountInUnit, type AmountUnit } from '../../core/model/amount-unit.ts';
import { exactOf, exactText, scaledByPowerOfTen } from '../../core/numbers/exact-decimal.ts';
import { MONEY_FORMAT, TEN_THOUSAND_FORMAT } from './sheet-cells.ts';

/** An amount in 元 ("215457.60") as the number printed in `unit`; blank stays blank. */
export function amountCell(amount: string | undefined, unit: AmountUnit): number | undefined {
  if (amount === undefined || amount === '') return undefined;
  // The cell holds the double nearest the exact decimal text (a cell is a double).
  const text = amountInUnit(amount, unit);
  return text === null ? undefined : Number(text);
}

export function amountFormat(unit: AmountUnit): string {
  return unit === '万元' ? TEN_THOUSAND_FORMAT : MONEY_FORMAT;
}

/** "62.16" (percent) as 0.6216 under a percent format. */
export function rateCell(rate: string | undefined): number | undefined {
  if (rate === undefined || rate === '') return undefined;
  const exact = exactOf(rate.trim());
  return exact === null ? undefined : Number(exactText(scaledByPowerOfTen(exact, -2)));
}

/** "2022-03-02" as a date at UTC midnight, which is how the spreadsheet stores a day. */
export function dateCell(iso: string | undefined): Date | string | undefined {
  if (iso === undefined || iso === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return iso;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
