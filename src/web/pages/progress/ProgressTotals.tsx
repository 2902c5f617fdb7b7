/** The year's totals over every unit the user may see, one figure per column. */
import { Statistic } from 'antd';
import type { ProgressCounts } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { COUNT_COLUMNS, columnTitle, isLate } from './progress-columns.ts';

export function ProgressTotals({ totals, pastDeadline }: { totals: ProgressCounts; pastDeadline: boolean }) {
  const { t } = useI18n();
  return (
    <div className="progress-totals" data-testid="progress-totals">
      {COUNT_COLUMNS.map((c) => (
        <Statistic
          key={c}
          title={columnTitle(c, t)}
          value={totals[c]}
          className={isLate(c, totals[c], pastDeadline) ? 'count-late' : c === 'total' ? 'count-total' : undefined}
          data-testid={`progress-total-${c}`}
        />
      ))}
    </div>
  );
}
