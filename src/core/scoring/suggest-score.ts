/**
 * The suggested score of an indicator from its target and actual, with the working shown
 * (PRODUCT.md, "Targets and scoring"). A suggestion only: the preparer's score is what counts.
 */
import { explain, type Explanation, type MessageParams } from '../explanation.ts';
import type { Indicator, QualitativeLevel } from '../model/evaluation.ts';
import { compareExact, exactInteger, exactOf, minus, mulDivAt, sign, times, type ExactDecimal } from '../numbers/exact-decimal.ts';
import { mulDivRound, pointsHundredths, pointsOf, safeInteger } from '../numbers/hundredths.ts';
import { comparable, parseQuantity, type Quantity } from '../targets/quantity.ts';
import { parseTarget, type Target } from '../targets/parse-target.ts';
import { normalizeText } from '../targets/normalize.ts';
import { ON_TIME_WORDS } from '../targets/vocabulary.ts';
import type { Template } from '../templates/template.ts';
import { qualitativeLevel } from './qualitative-level.ts';

export type SuggestionBasis = 'positive' | 'reverse' | 'qualitative' | 'deadline' | 'none';

export interface Suggestion {
  basis: SuggestionBasis;
  /** Suggested points, 2 decimals; absent when only a range (or nothing) can be suggested. */
  score?: number;
  /** Allowed points for a qualitative level: [min, max]. */
  range?: [number, number];
  level?: QualitativeLevel;
  working: Explanation;
}

export function suggestScore(indicator: Indicator, template: Template): Suggestion {
  if (indicator.weight === undefined) return none('suggest.noWeight');
  // In hundredths of a point, as every score is computed (numbers/hundredths.ts).
  const weight = pointsHundredths(indicator.weight);
  const target = parseTarget(indicator.target);
  switch (target.kind) {
    case 'empty':
      return none('suggest.noTarget');
    case 'numeric':
      return suggestNumeric(indicator, target, weight, template);
    case 'deadline':
      return suggestDeadline(indicator, target, weight, template);
    case 'qualitative':
      return suggestQualitative(indicator, target, weight, template);
  }
}

function none(key: string, params: MessageParams = {}): Suggestion {
  return { basis: 'none', working: explain(key, params) };
}

function suggestNumeric(
  indicator: Indicator,
  target: Target & { kind: 'numeric' },
  weight: number,
  template: Template,
): Suggestion {
  if (!indicator.actual?.trim()) return none('suggest.noActual');
  const actual = parseQuantity(indicator.actual);
  if (!actual) return none('suggest.actualNotNumber', { actual: indicator.actual });
  if (!comparable(actual, target.quantity)) {
    return none('suggest.unitsDiffer', { actual: indicator.actual, target: indicator.target ?? '' });
  }
  const params = { actual: show(actual), target: show(target.quantity), weight: pointsOf(weight) };
  return target.direction === 'positive'
    ? positive(actual.exact, target.quantity.exact, weight, params)
    : reverse(actual.exact, target.quantity.exact, weight, template.scoring.reverseZeroAtMultiple, params);
}

/** weight × a ÷ b in hundredths, half-up (weight in hundredths). */
function shareOfWeight(weight: number, a: ExactDecimal, b: ExactDecimal): number {
  return safeInteger(Number(mulDivAt(exactInteger(weight), a, b, 0)));
}

/** actual ≥ target → full weight, else weight × actual / target (a negative actual earns 0). */
function positive(actual: ExactDecimal, target: ExactDecimal, weight: number, params: MessageParams): Suggestion {
  if (compareExact(actual, target) >= 0 || sign(target) <= 0) {
    return { basis: 'positive', score: pointsOf(weight), working: explain('suggest.positive.full', params) };
  }
  const score = pointsOf(sign(actual) > 0 ? shareOfWeight(weight, actual, target) : 0);
  return { basis: 'positive', score, working: explain('suggest.positive.partial', { ...params, score }) };
}

/**
 * actual ≤ target → full; up to `zeroAt` × target the score falls linearly to 0; beyond → 0.
 * With zeroAt = 2 this is PRODUCT.md's weight × (1 − (actual − target) / target).
 */
function reverse(actual: ExactDecimal, target: ExactDecimal, weight: number, zeroAt: number, params: MessageParams): Suggestion {
  const all = { ...params, multiple: zeroAt };
  if (compareExact(actual, target) <= 0) return { basis: 'reverse', score: pointsOf(weight), working: explain('suggest.reverse.full', all) };
  const multiple = exactOf(String(zeroAt))!;
  const zeroFrom = times(target, multiple);
  if (sign(target) <= 0 || compareExact(actual, zeroFrom) >= 0) {
    return { basis: 'reverse', score: 0, working: explain('suggest.reverse.zero', all) };
  }
  // weight × (1 − (actual − target) ÷ span) with span = target × (zeroAt − 1) is
  // weight × (target × zeroAt − actual) ÷ span: one quotient, rounded once.
  const span = times(target, minus(multiple, exactInteger(1)));
  const score = pointsOf(shareOfWeight(weight, minus(zeroFrom, actual), span));
  return { basis: 'reverse', score, working: explain('suggest.reverse.partial', { ...all, score }) };
}

function suggestQualitative(
  indicator: Indicator,
  target: Target & { kind: 'qualitative' },
  weight: number,
  template: Template,
): Suggestion {
  const found = qualitativeLevel(indicator, target);
  if (!found) return none('suggest.pickLevel');
  return bandSuggestion(found.level, weight, template, `suggest.qualitative.${found.source}`);
}

/**
 * The points a qualitative level allows, in hundredths (weight in hundredths): weight × the band's
 * percents, half-up. The one band rule of suggestions and of QUALITATIVE_BAND.
 */
export function levelRange(level: QualitativeLevel, weight: number, template: Template): [number, number] {
  const [low, high] = template.scoring.qualitativeBands[level];
  return [mulDivRound(weight, pointsHundredths(low), 10_000), mulDivRound(weight, pointsHundredths(high), 10_000)];
}

/** A met level suggests the top of its band. */
function bandSuggestion(level: QualitativeLevel, weight: number, template: Template, key: string): Suggestion {
  const [min, max] = levelRange(level, weight, template);
  const range: [number, number] = [pointsOf(min), pointsOf(max)];
  const suggestion: Suggestion = { basis: 'qualitative', level, range, working: explain(key, { level, min: range[0], max: range[1] }) };
  return level === 'achieved' ? { ...suggestion, score: range[1] } : suggestion;
}

const DATE_IN_ACTUAL = /(?:(?<year>\d{4})[年./-])?(?<month>\d{1,2})[月./-](?<day>\d{1,2})/u;

/** Met by the deadline → full weight; missed → the band of 未达成. */
function suggestDeadline(
  indicator: Indicator,
  target: Target & { kind: 'deadline' },
  weight: number,
  template: Template,
): Suggestion {
  const actual = normalizeText(indicator.actual ?? '');
  if (actual === '') return none('suggest.noActual');
  const met = deadlineMet(actual, target);
  if (met === null) return none('suggest.actualNotDate', { actual: indicator.actual ?? '' });
  if (met) return { basis: 'deadline', score: pointsOf(weight), working: explain('suggest.deadline.met', { weight: pointsOf(weight) }) };
  return { ...bandSuggestion('notAchieved', weight, template, 'suggest.deadline.missed'), basis: 'deadline' };
}

/** Whether a (normalised) actual meets a deadline target; null where it states no date. */
export function deadlineMet(actual: string, target: Target & { kind: 'deadline' }): boolean | null {
  if (ON_TIME_WORDS.includes(actual)) return true;
  const g = DATE_IN_ACTUAL.exec(actual)?.groups;
  if (!g) return null;
  if (target.year !== null && g.year !== undefined && Number(g.year) !== target.year) return Number(g.year) < target.year;
  const month = Number(g.month);
  return month < target.month || (month === target.month && Number(g.day) <= (target.day ?? 31));
}

function show(q: Quantity): string {
  return `${q.number}${q.multiplier}${q.percent ? '%' : ''}${q.unit}`;
}
