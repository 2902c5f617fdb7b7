/** TARGET_RULE_MISMATCH, TARGET_TOO_LOW, QUALITATIVE_BAND: targets, actuals and scores agree. */
import { dec } from '../decimal.ts';
import { memoByString } from '../memo.ts';
import type { Indicator } from '../model/evaluation.ts';
import { qualitativeLevel } from '../scoring/qualitative-level.ts';
import { levelRange } from '../scoring/suggest-score.ts';
import { normalizeText } from '../targets/normalize.ts';
import { parseTarget } from '../targets/parse-target.ts';
import { comparable, parseQuantity, quantitiesIn } from '../targets/quantity.ts';
import { finding, type Check, type Finding } from './finding.ts';

/**
 * Numbers in a rule that state a threshold. Step sizes, points and years ("每少1场扣0.5分",
 * "得3分", "2021年") are not thresholds, so they are taken out before comparing.
 */
const thresholdsIn = memoByString(thresholdsInRule);

function thresholdsInRule(rule: string): string[] {
  const text = normalizeText(rule)
    .replace(/(?:每|扣|减|加)\d+(?:\.\d+)?/gu, '')
    .replace(/\d+(?:\.\d+)?分/gu, '')
    .replace(/(?:19|20)\d\d年(?:度)?/gu, '');
  return quantitiesIn(text).flatMap((q) => [q.value, q.number]);
}

function eachIndicator(indicators: readonly Indicator[], check: (indicator: Indicator, i: number) => Finding[]): Finding[] {
  return indicators.flatMap(check);
}

export const targetRuleMismatch: Check = ({ evaluation }) =>
  eachIndicator(evaluation.indicators, (indicator, i) => {
    const target = parseTarget(indicator.target);
    if (target.kind !== 'numeric' || !indicator.rule) return [];
    const found = thresholdsIn(indicator.rule);
    const wanted = dec(target.quantity.value);
    if (found.length === 0 || found.some((n) => dec(n).equals(wanted) || dec(n).equals(dec(target.quantity.number)))) return [];
    return [finding('TARGET_RULE_MISMATCH', `indicators[${i}].rule`, { name: indicator.name, target: indicator.target ?? '', rule: indicator.rule })];
  });

export const targetTooLow: Check = ({ evaluation, template }) =>
  eachIndicator(evaluation.indicators, (indicator, i) => {
    const target = parseTarget(indicator.target);
    const actual = parseQuantity(indicator.actual ?? '');
    if (target.kind !== 'numeric' || target.direction !== 'positive' || !actual || !comparable(actual, target.quantity)) return [];
    const wanted = dec(target.quantity.value);
    if (wanted.lessThanOrEqualTo(0)) return [];
    const percentOfTarget = dec(actual.value).dividedBy(wanted).times(100);
    if (percentOfTarget.lessThan(template.scoring.targetTooLowPercent)) return [];
    return [finding('TARGET_TOO_LOW', `indicators[${i}].target`, {
      name: indicator.name,
      target: indicator.target ?? '',
      actual: indicator.actual ?? '',
      percent: percentOfTarget.toFixed(0),
      threshold: template.scoring.targetTooLowPercent,
    })];
  });

export const qualitativeBand: Check = ({ evaluation, template }) =>
  eachIndicator(evaluation.indicators, (indicator, i) => {
    const target = parseTarget(indicator.target);
    if (target.kind !== 'qualitative' || indicator.score === undefined || indicator.weight === undefined) return [];
    const found = qualitativeLevel(indicator, target);
    if (!found) return [];
    const [min, max] = levelRange(found.level, dec(indicator.weight), template);
    const score = dec(indicator.score);
    if (score.greaterThanOrEqualTo(min) && score.lessThanOrEqualTo(max)) return [];
    return [finding('QUALITATIVE_BAND', `indicators[${i}].score`, { name: indicator.name, score: indicator.score, level: found.level, min, max })];
  });
