/**
 * Column values in one shape whichever database gave them: money as whole fen ↔ decimal strings
 * in 元, NUMERIC as decimal strings or numbers, JSON as parsed values.
 */

/** "414400.00" → 41440000; blank or malformed → null (the checks report malformed amounts). */
export function yuanToFen(amount: string | undefined): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/u.exec(amount ?? '');
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  // Beyond 2^53 fen (90 trillion 元) a number is no longer exact: better no column than a wrong sum.
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] === '-' ? -fen : fen;
}

/** 41440000 → "414400.00"; also takes the decimal string PostgreSQL gives for sum(bigint). */
export function fenToYuan(fen: number | string | null): string | null {
  if (fen === null) return null;
  const n = BigInt(typeof fen === 'number' ? Math.trunc(fen) : fen);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** NUMERIC(14, 2) as a decimal string with 2 decimals. */
export function decimalText(value: string | number | null): string | null {
  if (value === null) return null;
  // NUMERIC(14, 2) holds at most 12 integer digits: a double holds every such value closely enough for toFixed(2).
  return Number(value).toFixed(2);
}

/** Points (NUMERIC with 2 decimals) as a JSON number, as the interchange format writes them. */
export function pointsNumber(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}

export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export const writeJson = (value: unknown): string => JSON.stringify(value);
