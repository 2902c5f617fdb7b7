/**
 * Model values as the form prints them: money with thousands separators (414,400.00), in 万元
 * converted exactly (no binary floats), rates with a percent sign, points as written (3, 2.5),
 * and the date the way the forms write it (2022.3.2).
 */
import { dec, fixed2 } from '../../core/decimal.ts';
import { groupThousands } from '../../core/format.ts';
import { inUnit, type AmountUnit } from '../../core/model/amount-unit.ts';

/** "414400.00" → "414,400.00"; in 万元 "215457.60" → "21.54576" (exact, at least 2 decimals). */
export function money(amount: string | undefined, unit: AmountUnit = '元'): string {
  if (amount === undefined || amount.trim() === '') return '';
  const value = inUnit(amount, unit);
  // 元 with 2 decimals is at most 6 decimals in 万元: exact, then trailing zeros beyond 2 dropped.
  const text = value.toFixed(Math.max(2, value.decimalPlaces()));
  return groupThousands(text);
}


/** "62.16" → "62.16%". */
export function percent(rate: string | null | undefined): string {
  if (rate === undefined || rate === null || rate.trim() === '') return '';
  return `${fixed2(dec(rate))}%`;
}

/** Weights and scores as written: 3, 2.5, 8.62. */
export function pointsText(value: number | null | undefined): string {
  return value === undefined || value === null ? '' : dec(value).toString();
}

/** "2022-03-02" → "2022.3.2", the forms' way; anything else as it is. */
export function formDate(iso: string | undefined): string {
  if (iso === undefined) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return iso;
  return `${match[1]}.${Number(match[2])}.${Number(match[3])}`;
}
