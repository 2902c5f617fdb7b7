/** Problems of rows (a set-up list's, or one unit or user typed in a form) as API errors. */
import type { RowProblem } from '../../core/organisation/unit-plan.ts';
import { columnName, type SETUP_COLUMNS } from '../../import/table/setup-rows.ts';
import { ApiError } from '../api-error.ts';

/** A list with bad rows: 422 INVALID_ROWS, each problem an issue at `row N, column`; nothing was written. */
export function invalidRows(list: keyof typeof SETUP_COLUMNS, problems: readonly RowProblem[]): ApiError {
  return new ApiError(422, 'INVALID_ROWS', {
    params: { count: problems.length },
    issues: problems.map((p) => ({ path: `row ${p.row}, ${columnName(list, p.field)}`, message: p.message })),
  });
}

/** One object typed in a form: 400 VALIDATION, each problem at the body's field (`fields` maps a column to it). */
export function invalidFields(problems: readonly RowProblem[], fields: Readonly<Record<string, string>>): ApiError {
  return new ApiError(400, 'VALIDATION', { issues: problems.map((p) => ({ path: fields[p.field] ?? p.field, message: p.message })) });
}
