/** The counts of the progress table, in the order the bureau reads them, and their titles. */
import { PROGRESS_COLUMNS, type ProgressCounts } from '../../api/types.ts';
import type { I18n } from '../../locale/i18n.tsx';

export type ProgressColumn = keyof ProgressCounts;
export const COUNT_COLUMNS: readonly ProgressColumn[] = PROGRESS_COLUMNS;

export function columnTitle(column: ProgressColumn, t: I18n['t']): string {
  if (column === 'notStarted' || column === 'total' || column === 'overdue') return t(`progress.col.${column}`);
  return t(`status.${column}`);
}

/** Overdue counts stand out once the deadline has passed: forms still with their units. */
export const isLate = (column: ProgressColumn, n: number, pastDeadline: boolean) => column === 'overdue' && pastDeadline && n > 0;
