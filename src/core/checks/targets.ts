/** TARGET_RULE_MISMATCH, TARGET_TOO_LOW, QUALITATIVE_BAND: targets, actuals and scores agree. */
import { dec, mulDivRound, plainDecimal, pointsHundredths } from '../decimal.ts';
import { memoByString } from '../memo.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { qualitativeLevel } from '../scoring/qualitative-level.ts';
import { levelRange } from '../scoring/suggest-score.ts';
import { normalizeText } from '../targets/normalize.ts';
import { parseTarget, type Target } from '../targets/parse-target.ts';
import { comparable, parseQuantity, quantitiesIn } from '../targets/quantity.ts';
import type { Template } from '../templates/template.ts';
import { finding, type Check, type CheckContext, type Finding } from './finding.ts';

/** A decimal string in one spelling per value ("5.0", "05" → "5"), so that equal values are equal strings. */
const canonical = memoByString((value: string) => dec(value).toString());

/**
 * Numbers in a rule that state a threshold, canonical. Step sizes, points and years ("每少1场扣0.5分",
 * "得3分", "2021年") are not thresholds, so they are taken out before comparing.
 */
const thresholdsIn = memoByString(thresholdsInRule);

function thresholdsInRule(rule: string): string[] {
  const text = normalizeText(rule)
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

/**
 * Whether actual ÷ wanted × 100 < percent (wanted > 0), exactly: in integers where the decimals are
 * plain and the products stay below 2^53 (actual × 100 × 10^wp < percent × wanted × 10^ap), else decimal.js.
 */
function belowPercent(actual: string, wanted: string, percent: number): boolean {
  const a = plainDecimal(actual);
  const w = plainDecimal(wanted);
  if (a !== null && w !== null && Number.isSafeInteger(percent)) {
    const left = (a.negative ? -a.digits : a.digits) * 100 * 10 ** w.places;
    const right = percent * w.digits * 10 ** a.places;
    if (Math.abs(left) < 2 ** 53 && Math.abs(right) < 2 ** 53) return left < right;
  }
  return dec(actual).dividedBy(wanted).times(100).lessThan(percent);
}

function positiveValue(value: string): boolean {
  const d = plainDecimal(value);
  return d !== null ? !d.negative && d.digits !== 0 : dec(value).greaterThan(0);
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
    if (!positiveValue(target.quantity.value)) continue;
    if (belowPercent(actual.value, target.quantity.value, template.scoring.targetTooLowPercent)) continue;
    const percentOfTarget = dec(actual.value).dividedBy(target.quantity.value).times(100);
    out.push(finding('TARGET_TOO_LOW', `indicators[${i}].target`, {
      name: indicator.name,
      target: indicator.target ?? '',
      actual: indicator.actual ?? '',
      percent: percentOfTarget.toFixed(0),
      threshold: template.scoring.targetTooLowPercent,
    }));
  }
  return out;
};

/** levelRange in hundredths where weight and band are plain (weight × percent ÷ 100, half-up). */
function levelRangeOf(level: 'achieved' | 'partial' | 'notAchieved', weight: number, template: Template): [number, number] {
  const [low, high] = template.scoring.qualitativeBands[level];
  const w = pointsHundredths(weight);
  const l = pointsHundredths(low);
  const h = pointsHundredths(high);
  if (w === null || l === null || h === null) return levelRange(level, dec(weight), template);
  return [mulDivRound(w, l, 10_000) / 100, mulDivRound(w, h, 10_000) / 100];
}

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
    const [min, max] = levelRangeOf(found.level, indicator.weight, template);
    // Points with at most 2 decimals compare exactly as numbers (as the weight checks do).
    const score = indicator.score;
    const inBand = pointsHundredths(score) !== null
      ? score >= min && score <= max
      : dec(score).greaterThanOrEqualTo(min) && dec(score).lessThanOrEqualTo(max);
    if (inBand) continue;
    out.push(finding('QUALITATIVE_BAND', `indicators[${i}].score`, { name: indicator.name, score: indicator.score, level: found.level, min, max }));
  }
  return out;
};
