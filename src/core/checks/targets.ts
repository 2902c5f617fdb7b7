/** TARGET_RULE_MISMATCH, TARGET_TOO_LOW, QUALITATIVE_BAND: targets, actuals and scores agree. */
import { memoByString } from '../memo.ts';
import { compareExact, exactInteger, exactOf, exactText, mulDivAt, sign, times } from '../numbers/exact-decimal.ts';
import { hundredthsOfNumber, pointsHundredths, pointsOf } from '../numbers/hundredths.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { qualitativeLevel } from '../scoring/qualitative-level.ts';
import { levelRange } from '../scoring/suggest-score.ts';
import { normalizeText } from '../targets/normalize.ts';
import { parseTarget, type Target } from '../targets/parse-target.ts';
import { comparable, parseQuantity, quantitiesIn, type Quantity } from '../targets/quantity.ts';
import type { Template } from '../templates/template.ts';
import { finding, type Check, type CheckContext, type Finding } from './finding.ts';

/** A decimal string in one spelling per value ("5.0", "05" → "5"), so that equal values are equal strings. */
const canonical = memoByString((value: string) => exactText(exactOf(value)!));

/**
 * Numbers in a rule that state a threshold, canonical. Step sizes, points and years ("每少1场扣0.5分",
 * "每低于…扣N分", "得3分", "2021年") are not thresholds, so they are taken out before comparing.
 */
const thresholdsIn = memoByString(thresholdsInRule);

function thresholdsInRule(rule: string): string[] {
  const text = normalizeText(rule)
    // A deduction clause ("每少1场扣5分", "每低于目标1个百分点扣2分", "每减少1人扣0.5分") states a step
    // and its points, not a threshold: the target's number need not appear in it.
    .replace(/每[^，,；;。]*?(?:扣|减|加|得)\d+(?:\.\d+)?分/gu, '')
    .replace(/(?:每|扣|减|加)\d+(?:\.\d+)?/gu, '')
    .replace(/\d+(?:\.\d+)?分/gu, '')
    .replace(/(?:19|20)\d\d年(?:度)?/gu, '');
  return quantitiesIn(text).flatMap((q) => [canonical(q.value), canonical(q.number)]);
}

/**
 * The parsed target of each indicator, once per evaluation for the three checks: `evaluate`
 * passes them in the context; a check called on its own parses them.
 */
export function indicatorTargets(evaluation: Evaluation): Target[] {
  const targets: Target[] = new Array(evaluation.indicators.length);
  for (let i = 0; i < targets.length; i++) targets[i] = parseTarget(evaluation.indicators[i]!.target);
  return targets;
}

function targetsOf(context: CheckContext): readonly Target[] {
  return context.targets ?? indicatorTargets(context.evaluation);
}

export const targetRuleMismatch: Check = (context) => {
  const targets = targetsOf(context);
  const indicators = context.evaluation.indicators;
  const out: Finding[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i]!;
    const target = targets[i]!;
    if (target.kind !== 'numeric' || !indicator.rule) continue;
    const found = thresholdsIn(indicator.rule);
    if (found.length === 0) continue;
    const wanted = canonical(target.quantity.value);
    const number = canonical(target.quantity.number);
    if (found.some((n) => n === wanted || n === number)) continue;
    out.push(finding('TARGET_RULE_MISMATCH', `indicators[${i}].rule`, { name: indicator.name, target: indicator.target ?? '', rule: indicator.rule }));
  }
  return out;
};

/** Whether actual ÷ wanted × 100 < percent (wanted > 0), exactly: actual × 100 < percent × wanted. */
function belowPercent(actual: Quantity, wanted: Quantity, percent: number): boolean {
  return compareExact(times(actual.exact, exactInteger(100)), times(exactOf(String(percent))!, wanted.exact)) < 0;
}

export const targetTooLow: Check = (context) => {
  const { evaluation, template } = context;
  const targets = targetsOf(context);
  const indicators = evaluation.indicators;
  const out: Finding[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i]!;
    const target = targets[i]!;
    if (target.kind !== 'numeric' || target.direction !== 'positive') continue;
    const actual = parseQuantity(indicator.actual ?? '');
    if (!actual || !comparable(actual, target.quantity)) continue;
    if (sign(target.quantity.exact) <= 0) continue;
    if (belowPercent(actual, target.quantity, template.scoring.targetTooLowPercent)) continue;
    const percentOfTarget = mulDivAt(actual.exact, exactInteger(100), target.quantity.exact, 0);
    out.push(finding('TARGET_TOO_LOW', `indicators[${i}].target`, {
      name: indicator.name,
      target: indicator.target ?? '',
      actual: indicator.actual ?? '',
      percent: percentOfTarget.toString(),
      threshold: template.scoring.targetTooLowPercent,
    }));
  }
  return out;
};

export const qualitativeBand: Check = (context) => {
  const { evaluation, template } = context;
  const targets = targetsOf(context);
  const indicators = evaluation.indicators;
  const out: Finding[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i]!;
    const target = targets[i]!;
    if (target.kind !== 'qualitative' || indicator.score === undefined || indicator.weight === undefined) continue;
    const found = qualitativeLevel(indicator, target);
    if (!found) continue;
    const [min, max] = levelRange(found.level, pointsHundredths(indicator.weight), template);
    const score = hundredthsOfNumber(indicator.score);
    if (score !== null && score >= min && score <= max) continue;
    out.push(finding('QUALITATIVE_BAND', `indicators[${i}].score`, { name: indicator.name, score: indicator.score, level: found.level, min: pointsOf(min), max: pointsOf(max) }));
  }
  return out;
};
