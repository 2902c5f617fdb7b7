/**
 * The small muted lines under a cell: last year's target or actual (上年), and the re-check score
 * under 自评分 (复核分) with its reason. Visible text, not tooltips, so a printout or a screenshot
 * carries them; nothing is drawn when there is nothing to show.
 */
import { pointsHundredths } from '../../core/numbers/hundredths.ts';
import { formatPoints } from '../format/numbers.ts';
import { useI18n } from '../locale/i18n.tsx';
import { useForm } from './form-context.tsx';
import './beside.css';

/** Under 指标值 (target): last year's target; on a form without 实际完成值, last year's actual as well when it had one (an imported national form). */
export function PreviousTargetLine({ index, withActual }: { index: number; withActual: boolean }) {
  const { beside } = useForm();
  const { t } = useI18n();
  if (beside.previous === null) return null;
  const figures = beside.previous[index];
  if (!figures) return <div className="beside-line previous-none" data-testid={`previous-target-${index}`}>{t('beside.noPrevious')}</div>;
  return (
    <div className="beside-line previous-year" data-testid={`previous-target-${index}`} data-matched-by={figures.matchedBy}>
      {figures.renamedFrom && <div>{t('beside.previousName', { name: figures.renamedFrom })}</div>}
      <div>{t('beside.previousTarget', { value: figures.target ?? '—' })}</div>
      {withActual && figures.actual && <div>{t('beside.previousActual', { value: figures.actual })}</div>}
    </div>
  );
}

/** Under 实际完成值: last year's actual. */
export function PreviousActualLine({ index }: { index: number }) {
  const { beside } = useForm();
  const { t } = useI18n();
  const figures = beside.previous?.[index];
  if (!figures) return null;
  return <div className="beside-line previous-year" data-testid={`previous-actual-${index}`}>{t('beside.previousActual', { value: figures.actual ?? '—' })}</div>;
}

/** Under 自评分: the re-check score, marked where it differs from the self score, with the reviewer's reason. */
export function RecheckLine({ index, selfScore }: { index: number; selfScore: number | undefined }) {
  const { beside } = useForm();
  const { t } = useI18n();
  const entry = beside.recheck?.scores.get(index);
  if (!beside.recheck || !entry) return null;
  const differs = entry.score !== null && selfScore !== undefined && pointsHundredths(entry.score) !== pointsHundredths(selfScore);
  return (
    <div className={`beside-line recheck${differs ? ' recheck-differs' : ''}`} data-testid={`beside-recheck-${index}`} data-score={entry.score ?? ''}>
      <div>{t('beside.recheckScore', { score: entry.score === null ? '—' : formatPoints(entry.score) })}</div>
      {differs && entry.reason && <div className="recheck-reason">{entry.reason}</div>}
    </div>
  );
}

/** Beside 合计: the re-check total (once every indicator has its re-check score). */
export function RecheckTotal() {
  const { beside } = useForm();
  const { t } = useI18n();
  if (!beside.recheck) return null;
  return (
    <div className="beside-line recheck" data-testid="beside-recheck-total">
      {beside.recheck.total === null ? t('beside.recheckIncomplete') : t('beside.recheckTotal', { score: formatPoints(beside.recheck.total) })}
    </div>
  );
}
