/**
 * One indicator row of `pdftotext -raw` text: its tokens (cells one space apart) → the columns
 * they belong to. Nothing but the order is known, so the reading must be the only one possible:
 * the name must be there, and the weight and the score, both numbers; every other cell holds one token,
 * except a text column that alone fills the gap between two number columns (or follows the last),
 * which takes the whole run (评分规则 between 权重 and 自评分, the remark at the end), and a score
 * is never above its weight. A row that reads in none is not read; one that reads in several is
 * left to the form's sums to decide (read-raw-forms.ts).
 */
import { pointsHundredths, readPoints } from '../../../core/values/read-value.ts';

const POINTS = new Set(['weight', 'score']);
/** A row without its name, weight or score has cells drawn elsewhere. */
const REQUIRED = ['name', 'weight', 'score'];

export type RowCells = Map<string, string>;

export type RowReading = { ok: true; cells: RowCells } | { ok: false; readings: number };

/** Every reading of the row, up to `limit`. */
export function rowReadings(tokens: readonly string[], fields: readonly string[], limit: number): RowCells[] {
  return readings(tokens, fields, limit);
}

/**
 * A printed number of points in integer hundredths (exact: points have at most 2 decimals), read
 * as readPoints reads it (full-width digits and thousands separators folded: １０ and 1,000 are
 * numbers); null for what is not points.
 */
export function pointsHundredthsOf(text: string): number | null {
  const parsed = readPoints(text);
  return parsed.ok ? pointsHundredths(parsed.value) : null;
}

/** A score above its weight is no reading of the row (it would be a SCORE_RANGE error of the form). */
function scoreWithinWeight(cells: RowCells): boolean {
  const weight = cells.get('weight');
  const score = cells.get('score');
  // Both were read by readPoints when the row put them in their columns.
  return weight === undefined || score === undefined || pointsHundredthsOf(score)! <= pointsHundredthsOf(weight)!;
}

/** Columns (template order, grouped columns left out) → whether each text column may take a run of tokens. */
function runColumns(fields: readonly string[]): boolean[] {
  return fields.map((field, i) => {
    if (POINTS.has(field)) return false;
    let from = i;
    while (from > 0 && !POINTS.has(fields[from - 1]!)) from--;
    let to = i;
    while (to < fields.length - 1 && !POINTS.has(fields[to + 1]!)) to++;
    // Alone in its gap, and the gap is closed on the left by a number column.
    return from === to && from > 0;
  });
}

/** The row's one reading, or how many there are (0, or 2 and more). */
export function readRowCells(tokens: readonly string[], fields: readonly string[]): RowReading {
  const found = readings(tokens, fields, 2);
  return found.length === 1 ? { ok: true, cells: found[0]! } : { ok: false, readings: found.length };
}

function readings(tokens: readonly string[], fields: readonly string[], limit: number): RowCells[] {
  const runs = runColumns(fields);
  const found: RowCells[] = [];
  const assign = (t: number, f: number, cells: RowCells): void => {
    if (found.length >= limit) return;
    if (f === fields.length) {
      if (t === tokens.length && REQUIRED.every((r) => !fields.includes(r) || cells.has(r)) && scoreWithinWeight(cells)) found.push(new Map(cells));
      return;
    }
    const field = fields[f]!;
    // Left empty.
    assign(t, f + 1, cells);
    if (t === tokens.length) return;
    if (POINTS.has(field)) {
      if (!readPoints(tokens[t]!).ok) return;
      cells.set(field, tokens[t]!);
      assign(t + 1, f + 1, cells);
      cells.delete(field);
      return;
    }
    const most = runs[f] ? tokens.length - t : 1;
    for (let n = 1; n <= most; n++) {
      cells.set(field, tokens.slice(t, t + n).join(' '));
      assign(t + n, f + 1, cells);
      cells.delete(field);
    }
  };
  assign(0, 0, new Map());
  return found;
}
