/**
 * The years a document can be made for. One range for the model, the API's parameters and the web
 * app's year fields, so that no screen refuses a year the server takes (or the other way round).
 */
export const FIRST_FISCAL_YEAR = 1949;
export const LAST_FISCAL_YEAR = 2999;

/** The year `text` says (four digits within the range, blanks around ignored), or null. Never rounded or clamped. */
export function readFiscalYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/u.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= FIRST_FISCAL_YEAR && year <= LAST_FISCAL_YEAR ? year : null;
}
