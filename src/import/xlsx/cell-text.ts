/**
 * A spreadsheet cell as the text a person sees in it, which is what the form recogniser reads
 * (the PDF reader gives it the same): numbers exactly (no binary float noise), percent-formatted
 * numbers as "62.16%", dates as ISO days, formulas as their cached result.
 */
import type { CellValue } from 'exceljs';
import { exactInteger, exactText, times } from '../../core/numbers/exact-decimal.ts';
import { exactOfNumber } from '../../core/numbers/read-number.ts';

export interface CellText {
  text: string;
  /** A formula whose result was never cached (the file was not saved by a spreadsheet program). */
  missingResult?: boolean;
}

/** A percent format has a % outside quoted literals. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.replace(/"[^"]*"/gu, '').includes('%');
}

const HUNDRED = exactInteger(100);

/**
 * The number the cell holds, as plain decimal text with the digits it holds (the shortest that
 * read back to it, as the spreadsheet shows them: 0.1, not 0.1000000000000000055…) and no
 * exponent; a percent-formatted cell's number times 100 exactly (0.6216 → "62.16%"), the point
 * shifted, never a float multiply.
 */
function numberText(value: number, numFmt: string | undefined): string {
  const exact = exactOfNumber(value);
  if (exact === null) return String(value);
  return isPercentFormat(numFmt) ? `${exactText(times(exact, HUNDRED))}%` : exactText(exact);
}

function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

function objectText(value: object, numFmt: string | undefined): CellText {
  if ('richText' in value && Array.isArray(value.richText)) return { text: (value.richText as { text: string }[]).map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { text: '', missingResult: true };
    return scalarText(result, numFmt);
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text };
  if ('error' in value) return { text: String(value.error) };
  return { text: '' };
}

function scalarText(value: unknown, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: numberText(value, numFmt) };
  if (typeof value === 'string') return { text: value.replace(/\r\n?/gu, '\n') };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if (typeof value === 'object') return objectText(value, numFmt);
  return { text: String(value) };
}

export function cellText(value: CellValue, numFmt: string | undefined): CellText {
  return scalarText(value, numFmt);
}
