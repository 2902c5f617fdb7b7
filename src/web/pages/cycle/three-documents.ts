/**
 * One project's three documents side by side (issue 16): per approved indicator, the approved
 * target and weight, what the mid-year monitoring says of it (progress, expected year-end value,
 * likelihood) and what the year-end self-evaluation says (its target, actual and score), with the
 * deviations marked. Indicators are matched as the checks match them (lineage: by id first, then
 * by their words), so a mark here is exactly what TARGET_CHANGED, WEIGHT_CHANGED,
 * INDICATOR_REMOVED and INDICATOR_ADDED say, and `offTrack` what MONITOR_OFF_TRACK judges.
 * Pure: the page fetches, this lines them up.
 */
import { sameTarget } from '../../../core/checks/approved-targets.ts';
import { judgeIndicator } from '../../../core/checks/monitoring.ts';
import { matchPreviousYear } from '../../../core/lineage/match-previous-year.ts';
import type { Evaluation, Indicator } from '../../../core/model/evaluation.ts';
import type { Monitoring, MonitoringIndicator } from '../../../core/model/monitoring.ts';
import type { TargetIndicator, Targets } from '../../../core/model/targets.ts';
import { hundredthsOfNumber } from '../../../core/numbers/hundredths.ts';

export type Deviation = 'targetChanged' | 'weightChanged' | 'offTrack' | 'removed' | 'added';

export interface ThreeRow {
  key: string;
  category: string;
  name: string;
  approved: TargetIndicator | null;
  monitored: MonitoringIndicator | null;
  evaluated: Indicator | null;
  deviations: Deviation[];
}

/** For each approved indicator the document's one that matches it (index into `approved`), by the checks' own matching. */
function byApproved<T extends Indicator>(items: readonly T[], approved: readonly TargetIndicator[]): { matched: Map<number, T>; unmatched: T[] } {
  const matches = matchPreviousYear(items, approved);
  const matched = new Map<number, T>();
  const unmatched: T[] = [];
  matches.forEach((m, i) => (m ? matched.set(m.previousIndex, items[i]!) : unmatched.push(items[i]!)));
  return { matched, unmatched };
}

const sameWeight = (a: number | undefined, b: number) => a !== undefined && hundredthsOfNumber(a) === hundredthsOfNumber(b);

export function threeDocuments(targets: Targets, monitoring: Monitoring | null, evaluation: Evaluation | null): ThreeRow[] {
  const monitored = monitoring ? byApproved(monitoring.indicators, targets.indicators) : null;
  const evaluated = evaluation ? byApproved(evaluation.indicators, targets.indicators) : null;
  const rows: ThreeRow[] = targets.indicators.map((approved, i) => {
    const m = monitored?.matched.get(i) ?? null;
    const e = evaluated?.matched.get(i) ?? null;
    const deviations: Deviation[] = [];
    if (m && judgeIndicator(m).reached === false) deviations.push('offTrack');
    if (evaluation && !e) deviations.push('removed');
    if (e && !sameTarget(e.target ?? '', approved.target)) deviations.push('targetChanged');
    if (e && !sameWeight(e.weight, approved.weight)) deviations.push('weightChanged');
    return { key: approved.id ?? `approved-${i}`, category: approved.category, name: approved.name, approved, monitored: m, evaluated: e, deviations };
  });
  // What the self-evaluation added (INDICATOR_ADDED) closes the table.
  for (const [i, e] of (evaluated?.unmatched ?? []).entries()) {
    rows.push({ key: e.id ?? `added-${i}`, category: e.category ?? '', name: e.name ?? '', approved: null, monitored: null, evaluated: e, deviations: ['added'] });
  }
  return rows;
}
