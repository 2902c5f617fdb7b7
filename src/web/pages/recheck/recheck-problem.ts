/**
 * The problem a rectification raised from a re-check result starts with (the reviewer edits it):
 * the form's self total beside its re-check total and the gap (the server's gap report: no sums
 * here), then each indicator re-checked to another score, with the reviewer's reason.
 */
import { formatPoints } from '../../format/numbers.ts';
import type { I18n } from '../../locale/i18n.tsx';
import type { RecheckForm, RecheckReport } from './recheck-types.ts';

type ReportForm = RecheckReport['forms'][number];

const signed = (v: number) => (v > 0 ? `+${formatPoints(v)}` : formatPoints(v));

export function recheckGapProblem(form: RecheckForm, reported: Pick<ReportForm, 'selfTotal' | 'recheckTotal' | 'gap'> | null, t: I18n['t']): { problem: string; indicatorIndex?: number } {
  const self = formatPoints(reported?.selfTotal ?? form.score);
  const head = reported && reported.recheckTotal !== null && reported.gap !== null
    ? t('rect.recheckProblem', { self, recheck: formatPoints(reported.recheckTotal), gap: signed(reported.gap) })
    : t('rect.recheckProblemPending', { self });
  const differing = form.indicators.filter((i) => i.recheckScore !== null && i.recheckScore !== i.selfScore);
  const lines = differing.map((i) => t('rect.recheckIndicator', { name: i.name, self: formatPoints(i.selfScore), recheck: formatPoints(i.recheckScore) }) + (i.reason ? t('rect.recheckReason', { reason: i.reason }) : ''));
  const problem = [head, ...lines].join('\n');
  return differing.length === 1 ? { problem, indicatorIndex: differing[0]!.index } : { problem };
}
