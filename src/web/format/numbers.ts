/**
 * How amounts, rates and points are shown and read back in the editor: shown exactly as stored
 * (decimal strings are never turned into floats here), read with the core's one value reader
 * (core/values/read-value.ts), the same the importers use.
 */

import { groupThousands } from '../../core/format.ts';
import { MODEL_AMOUNT_UNIT } from '../../core/model/amount-unit.ts';
import { fenOf } from '../../core/numbers/hundredths.ts';
import { amountText, readAmount, readPoints, type ReadProblem, type Reading } from '../../core/values/read-value.ts';

/** "414400.00" → "414,400.00", "257602" → "257,602.00"; blank stays blank; anything else is shown as it is. */
export function formatAmount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const fen = fenOf(text);
  return fen === null ? text : groupThousands(amountText(fen));
}

/**
 * What someone typed in an amount cell ("414,400", "41.44万", "４１４４００") → the stored form
 * "414400.00"; blank → "" (not filled). In the model's unit unless a unit is typed after the number.
 */
export function parseAmount(input: string): CellReading<string> {
  const read = readAmount(input, MODEL_AMOUNT_UNIT);
  // A budget or an amount spent below zero is not an amount (issue 14): refused as typed, with the reason.
  if (read.ok) return read.value.yuan.startsWith('-') ? { ok: false, problem: 'negative' } : { ok: true, value: read.value.yuan };
  return read.problem === 'blank' ? { ok: true, value: '' } : read;
}

/** Why a typed number is not taken: the reader's reasons, and an amount below zero. */
export type CellProblem = ReadProblem | 'negative';
export type CellReading<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

/** Typed points ("8.5", "８.５") → the stored number; blank → undefined (not filled). Never rounded. */
export function parsePoints(input: string): Reading<number | undefined> {
  const read = readPoints(input);
  if (read.ok) return read;
  return read.problem === 'blank' ? { ok: true, value: undefined } : read;
}

/** The locale key that says why a typed number was not taken. */
export function problemKey(problem: Exclude<CellProblem, 'blank'>): 'number.notNumber' | 'number.tooPrecise' | 'number.tooLarge' | 'number.negative' {
  return `number.${problem}`;
}

/** "62.16" → "62.16%". */
export function formatRate(rate: string | number | null | undefined): string {
  return rate === null || rate === undefined || rate === '' ? '' : `${rate}%`;
}

/** Points as people write them: 95, 2.4, 43.5 (no trailing zeros). */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
