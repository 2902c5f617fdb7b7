/**
 * Column values in one shape whichever database gave them: money as whole fen ↔ decimal strings
 * in 元 (core/numbers: the model's one arithmetic), NUMERIC points as numbers, JSON as parsed values.
 */
import { exactOf, fixedText, unitsText } from '../core/numbers/exact-decimal.ts';
import { fenOf } from '../core/numbers/hundredths.ts';

/** "414400.00" → 41440000; blank or malformed → null (the checks report malformed amounts). */
export const yuanToFen = (amount: string | undefined): number | null => fenOf(amount);

/** 41440000 → "414400.00"; also takes the decimal string PostgreSQL gives for sum(bigint), which may pass 2^53. */
export function fenToYuan(fen: number | string | null): string | null {
  return fen === null ? null : unitsText(BigInt(fen), 2);
}

/**
 * A NUMERIC with 2 decimals (the execution rate) as a decimal string with 2 decimals: PostgreSQL
 * gives the exact text, SQLite a double, which is the nearest double to a value with 2 decimals.
 */
export function decimalText(value: string | number | null): string | null {
  if (value === null) return null;
  const exact = typeof value === 'string' ? exactOf(value) : exactOf(String(value));
  if (exact !== null) return fixedText(exact, 2);
  // A double that String writes with an exponent (beyond 10^21): no real rate; kept as the number says.
  return String(value);
}

/** Points (NUMERIC with 2 decimals) as a JSON number, as the interchange format writes them. */
export function pointsNumber(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}

export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export const writeJson = (value: unknown): string => JSON.stringify(value);
