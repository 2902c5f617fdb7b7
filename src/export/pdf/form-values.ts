/**
 * Model values as the form prints them: money with thousands separators (414,400.00), in 万元
 * converted exactly (no binary floats), rates with a percent sign, points as written (3, 2.5),
 * and the date the way the forms write it (2022.3.2).
 */
import { groupThousands } from '../../core/format.ts';
import { amountInUnit, type AmountUnit } from '../../core/model/amount-unit.ts';
import { exactOf, exactText } from '../../core/numbers/exact-decimal.ts';

/** "414400.00" → "414,400.00"; in 万元 "215457.60" → "21.54576" (exact, at least 2 decimals). */
export function money(amount: string | undefined, unit: AmountUnit = '元'): string {
  if (amount === undefined || amount.trim() === '') return '';
  // A stored amount is always a model amount; anything else is printed as it is rather than hidden.
  return groupThousands(amountInUnit(amount, unit) ?? amount.trim());
}

/** "62.16" → "62.16%", "100" → "100.00%": as written, with at least 2 decimals. */
export function percent(rate: string | null | undefined): string {
  if (rate === undefined || rate === null || rate.trim() === '') return '';
  const exact = exactOf(rate.trim());
  return `${exact ? exactText(exact, 2) : rate.trim()}%`;
}

/** Weights and scores as written: 3, 2.5, 8.62. */
export function pointsText(value: number | null | undefined): string {
  // Points have at most 2 decimals and |p| ≤ 10^9: String never writes an exponent for them.
  return value === undefined || value === null ? '' : String(value);
}

/** "2022-03-02" → "2022.3.2", the forms' way; anything else as it is. */
export function formDate(iso: string | undefined): string {
  if (iso === undefined) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return iso;
  return `${match[1]}.${Number(match[2])}.${Number(match[3])}`;
}
