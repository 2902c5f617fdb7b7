/**
 * How amounts, rates and points are shown: amounts with thousands separators and 2 decimals,
 * exactly as stored (decimal strings are never turned into floats here).
 */

import { groupThousands } from '../../core/format.ts';

/** "414400.00" → "414,400.00"; blank stays blank; a non-amount is shown as typed. */
export function formatAmount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(text);
  if (!m) return text;
  const [, sign, whole, frac = ''] = m;
  return groupThousands(`${sign}${whole}.${(frac + '00').slice(0, 2)}`);
}

/** What someone typed in an amount cell ("414,400", "414400.5") → the stored form "414400.50", or null. */
export function parseAmount(input: string): string | null {
  const text = input.replace(/[,，\s]/gu, '');
  if (text === '') return '';
  const m = /^(-?\d+)(?:\.(\d{0,2}))?$/u.exec(text);
  if (!m) return null;
  return `${m[1]}.${((m[2] ?? '') + '00').slice(0, 2)}`;
}

/** "62.16" → "62.16%". */
export function formatRate(rate: string | number | null | undefined): string {
  return rate === null || rate === undefined || rate === '' ? '' : `${rate}%`;
}

/** Points as people write them: 95, 2.4, 43.5 (no trailing zeros). */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
