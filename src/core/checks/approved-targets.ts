/**
 * TARGET_CHANGED, WEIGHT_CHANGED, INDICATOR_REMOVED, INDICATOR_ADDED: a self-evaluation against
 * the project's approved targets (PRODUCT.md, "The cycle"); a mid-year monitoring against them too,
 * without WEIGHT_CHANGED (its table has no weights). The targets passed in are the newest
 * approved version: an approved adjustment (目标调整) is a new version, so a change it approved
 * is no change here.
 *
 * Indicators are matched as lineage matches them across years (lineage/match-previous-year.ts):
 * by id first (an evaluation made from the targets keeps their ids), then by 一级 + 二级 + 三级
 * words normalised, then by 一级 + 三级 (a form whose 二级 could not be read).
 */
import { matchPreviousYear } from '../lineage/match-previous-year.ts';
import type { Evaluation, Indicator } from '../model/evaluation.ts';
import type { Monitoring } from '../model/monitoring.ts';
import type { TargetIndicator, Targets } from '../model/targets.ts';
import { compareExact } from '../numbers/exact-decimal.ts';
import { hundredthsOfNumber } from '../numbers/hundredths.ts';
import { normalizeText } from '../targets/normalize.ts';
import { parseTarget } from '../targets/parse-target.ts';
import { finding, type Finding } from './finding.ts';

const BLANK = '—';

export function checkAgainstTargets(evaluation: Evaluation, approved: Targets): Finding[] {
  return checkIndicatorsAgainstTargets(evaluation.indicators, approved, { weights: true });
}

/** A monitoring's indicator table against the approved targets: targets changed, indicators removed or added. */
export function checkMonitoringAgainstTargets(monitoring: Monitoring, approved: Targets): Finding[] {
  return checkIndicatorsAgainstTargets(monitoring.indicators as readonly Indicator[], approved, { weights: false });
}

/** `weights`: the table states weights to compare (an evaluation's does, a monitoring's does not). */
function checkIndicatorsAgainstTargets(indicators: readonly Indicator[], approved: Targets, options: { weights: boolean }): Finding[] {
  const matches = matchPreviousYear(indicators, approved.indicators);
  const out: Finding[] = [];
  matches.forEach((match, i) => {
    const indicator = indicators[i]!;
    if (match === null) {
      out.push(finding('INDICATOR_ADDED', `indicators[${i}].name`, { name: indicator.name }));
      return;
    }
    out.push(...changes(indicator, approved.indicators[match.previousIndex]!, i, options.weights));
  });
  const kept = new Set(matches.flatMap((m) => (m ? [m.previousIndex] : [])));
  approved.indicators.forEach((wanted, j) => {
    if (!kept.has(j)) out.push(finding('INDICATOR_REMOVED', 'indicators', { name: wanted.name, target: wanted.target, weight: wanted.weight }));
  });
  return out;
}

function changes(indicator: Indicator, wanted: TargetIndicator, i: number, weights: boolean): Finding[] {
  const out: Finding[] = [];
  if (!sameTarget(indicator.target ?? '', wanted.target)) {
    out.push(finding('TARGET_CHANGED', `indicators[${i}].target`, { name: indicator.name, approved: wanted.target, stated: indicator.target?.trim() || BLANK }));
  }
  if (!weights) return out;
  const weight = indicator.weight === undefined ? null : hundredthsOfNumber(indicator.weight);
  if (weight !== hundredthsOfNumber(wanted.weight)) {
    out.push(finding('WEIGHT_CHANGED', `indicators[${i}].weight`, { name: indicator.name, approved: wanted.weight, stated: indicator.weight ?? BLANK }));
  }
  return out;
}

/**
 * The same target however it is spelt: the same words (full- and half-width, spaces aside), or
 * the same comparison of the same quantity ("》=10场" is "≥10场"; "≥1万元" is "≥10000元").
 */
export function sameTarget(a: string, b: string): boolean {
  if (normalizeText(a) === normalizeText(b)) return true;
  const x = parseTarget(a);
  const y = parseTarget(b);
  if (x.kind !== 'numeric' || y.kind !== 'numeric' || x.operator !== y.operator) return false;
  const [p, q] = [x.quantity, y.quantity];
  return p.percent === q.percent && p.unit === q.unit && compareExact(p.exact, q.exact) === 0;
}
