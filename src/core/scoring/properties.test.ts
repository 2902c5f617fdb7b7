/** Properties that must hold for any form, not just the fixtures (fast-check). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { template } from '../../../test/support/fixtures.ts';
import { Decimal } from 'decimal.js';
import type { Evaluation, Indicator } from '../model/evaluation.ts';
import { pointsHundredths } from '../numbers/hundredths.ts';
import { computeEvaluation } from './compute.ts';
import { gradeFor } from './grade.ts';
import { suggestScore } from './suggest-score.ts';

const TEMPLATES = [template('shanghai-2021'), template('national-2020')];
const dec = (x: number | string) => new Decimal(x);
const sum = (xs: number[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0));
/** A total in points as gradeFor takes it: hundredths. */
const h = (total: string | number) => pointsHundredths(Number(total));

/** Points with at most 2 decimals, as the model allows. */
const hundredths = (max: number) => fc.integer({ min: 0, max: Math.round(max * 100) }).map((n) => n / 100);
const operator = fc.constantFrom('=', '≥', '>=', '》=', '＞=', '>', '＞', '》', '≤', '<=', '《=', '＜=', '<', '＜', '《', '不少于', '不超过', '');
const unit = fc.constantFrom('', '场', '家', '%', '万元', '人次', '天');
const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => String(n / 100));
const level = fc.constantFrom('achieved', 'partial', 'notAchieved') as fc.Arbitrary<Indicator['level'] & string>;

const numericIndicator = fc.record({
  name: fc.constant('指标'),
  weight: hundredths(50),
  target: fc.tuple(operator, amount, unit).map(([op, n, u]) => `${op}${n}${u}`),
  actual: fc.tuple(amount, unit).map(([n, u]) => `${n}${u}`),
});
const qualitativeIndicator = fc.record({
  name: fc.constant('指标'),
  weight: hundredths(50),
  target: fc.constantFrom('健全', '较满意', '满意', '良好', '及时', '入选组委会刊'),
  actual: fc.constantFrom('健全', '基本健全', '很满意', '满意', '不满意', '一般', '不及时', ''),
  level: fc.option(level, { nil: undefined }),
});

test('0 ≤ suggested score ≤ weight, and a band lies within 0..weight', () => {
  fc.assert(
    fc.property(fc.oneof(numericIndicator, qualitativeIndicator), fc.constantFrom(...TEMPLATES), (indicator, t) => {
      const s = suggestScore(indicator as Indicator, t);
      for (const value of [s.score, ...(s.range ?? [])]) {
        if (value === undefined) continue;
        assert.ok(value >= 0 && dec(value).lessThanOrEqualTo(dec(indicator.weight)), `${value} of ${indicator.weight}`);
      }
    }),
    { numRuns: 2000 },
  );
});

const scoredIndicator = hundredths(30).chain((weight) =>
  fc.record({
    name: fc.constant('指标'),
    category: fc.constantFrom('output', 'effect', 'satisfaction'),
    weight: fc.constant(weight),
    score: hundredths(weight),
  }),
);

test('totals are exact sums of weights and scores, block subtotals add up to them', () => {
  fc.assert(
    fc.property(fc.array(scoredIndicator, { maxLength: 40 }), fc.constantFrom(...TEMPLATES), amount, amount, (indicators, t, budget, executed) => {
      const evaluation: Evaluation = {
        schema: 'jixiao/evaluation@1',
        template: t.id,
        year: 2021,
        project: { name: 'p', budgetCurrentYear: budget, executed },
        indicators,
      };
      const c = computeEvaluation(evaluation, t);
      const scores = sum(indicators.map((i) => i.score));
      assert.equal(c.indicatorScore, scores.toNumber());
      assert.equal(c.indicatorWeight, sum(indicators.map((i) => i.weight)).toNumber());
      assert.equal(c.score, scores.plus(c.executionScore ?? 0).toNumber());
      assert.equal(sum(c.blocks.map((b) => b.score)).toNumber(), c.indicatorScore);
      if (c.executionScore !== null) assert.ok(c.executionScore >= 0 && c.executionScore <= c.executionWeight);
    }),
    { numRuns: 1000 },
  );
});

test('the grade never falls as the total rises', () => {
  for (const t of TEMPLATES) {
    const rank = (total: number) => t.grades.length - t.grades.findIndex((g) => g.label.zh === gradeFor(h(total), t).label.zh);
    fc.assert(
      fc.property(hundredths(100), hundredths(100), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(rank(low) <= rank(high), `${low} → ${gradeFor(h(low), t).label.zh}, ${high} → ${gradeFor(h(high), t).label.zh}`);
      }),
      { numRuns: 2000 },
    );
  }
});

test('grade bands: lower bounds are inclusive', () => {
  const shanghai = template('shanghai-2021');
  const cases: Array<[string, string]> = [['90', '优秀'], ['89.99', '良好'], ['75', '良好'], ['74.99', '合格'], ['60', '合格'], ['59.99', '不合格'], ['0', '不合格']];
  for (const [total, grade] of cases) assert.equal(gradeFor(h(total), shanghai).label.zh, grade, total);
  const national = template('national-2020');
  const nationalCases: Array<[string, string]> = [['90', '优'], ['80', '良'], ['79.99', '中'], ['59.99', '差']];
  for (const [total, grade] of nationalCases) assert.equal(gradeFor(h(total), national).label.zh, grade, total);
});
