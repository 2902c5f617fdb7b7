/**
 * The integer execution figures against decimal.js as an independent oracle (fast-check), half-way
 * cases and amounts past 2^53 fen included; computeEvaluation's totals against the same oracle.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { template } from '../../../test/support/fixtures.ts';
import type { Evaluation, Project } from '../model/evaluation.ts';
import { computeEvaluation } from './compute.ts';
import { exactExecutionScore, executionFigures, executionScore } from './execution.ts';

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const yuan = (fen: bigint): string => {
  const negative = fen < 0n;
  const a = negative ? -fen : fen;
  return `${negative ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
const MAX = 10n ** 15n - 1n;
const fen = fc.oneof(
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.bigInt({ min: 0n, max: 10n ** 11n }),
  fc.bigInt({ min: -MAX, max: MAX }),
);
/** executed ÷ budget × 10000 exactly half-way between two integers: budget 20000 m, executed (2k + 1) m. */
const halfWay = fc.tuple(fc.bigInt({ min: -20_000n, max: 20_000n }), fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([k, m]) => ({
  executed: yuan((2n * k + 1n) * m),
  budget: yuan(20_000n * m),
}));
const amounts = fc.oneof(fc.record({ executed: fen.map(yuan), budget: fen.map(yuan) }), halfWay);
const weights = fc.integer({ min: 0, max: 10_000 });

/** round(x, 2) half-up (ties away from zero) in hundredths, by decimal.js. */
const oracleHundredths = (x: Decimal): number => x.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0;
/** The share of the weight earned: the ratio within 0..1. */
const earned = (ratio: Decimal): Decimal => D.max(0, D.min(ratio, 1));

test('rate and execution scores (within 0..weight) equal decimal.js rounding half-up, half-way cases and 13-digit amounts included', () => {
  fc.assert(
    fc.property(amounts, weights, ({ executed, budget }, weightH) => {
      const figures = executionFigures({ name: 'p', executed, budgetCurrentYear: budget } as Project);
      if (new D(budget).lte(0)) return assert.equal(figures, null);
      assert.ok(figures, `${executed} / ${budget}`);
      const exactRate = new D(executed).div(budget).times(100);
      assert.equal(figures.rateText, exactRate.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      if (Number.isSafeInteger(figures.rate)) assert.equal(figures.rate, oracleHundredths(exactRate));
      const weight = new D(weightH).div(100);
      const printed = earned(new D(figures.rate).div(10_000));
      assert.equal(executionScore(figures.rate, weightH), oracleHundredths(printed.times(weight)));
      const exact = earned(new D(executed).div(budget));
      assert.equal(exactExecutionScore(figures, weightH), oracleHundredths(exact.times(weight)));
    }),
    { numRuns: 3000 },
  );
});

test('no budget, a zero or negative budget, or an amount that is not one: no rate', () => {
  for (const [executed, budget] of [['1', ''], ['1', '0'], ['1', '-5'], ['abc', '10'], ['1', '1e3'], ['1', '12345678901234.00']]) {
    assert.equal(executionFigures({ name: 'p', executed, budgetCurrentYear: budget } as Project), null, `${executed} / ${budget}`);
  }
});

test('computeEvaluation: totals, share and execution score equal the decimal.js sums on both templates', () => {
  const national = template('national-2020');
  const shanghai = template('shanghai-2021');
  const signedPoints = fc.integer({ min: -2000, max: 10_000 }).map((n) => n / 100);
  fc.assert(
    fc.property(
      amounts,
      fc.array(fc.record({ weight: signedPoints, score: signedPoints, category: fc.constantFrom('output', 'effect', 'satisfaction', 'decision', 'process') }), { maxLength: 12 }),
      fc.option(fc.record({ weight: weights.map((n) => n / 100), score: fc.option(fc.integer({ min: -1000, max: 2000 }).map((n) => n / 100), { nil: undefined }) }), { nil: undefined }),
      fc.boolean(),
      ({ executed, budget }, indicators, execution, scored) => {
        const t = scored ? national : shanghai;
        const e = {
          schema: 'jixiao/evaluation@1',
          template: t.id,
          year: 2023,
          project: { name: 'p', executed, budgetCurrentYear: budget },
          indicators: indicators.map((i) => ({ name: '指标', ...i })),
          ...(execution ? { execution } : {}),
        } as Evaluation;
        const c = computeEvaluation(e, t);
        const sum = (xs: number[]) => xs.reduce((a, x) => a.plus(x), new D(0));
        const weight = sum(indicators.map((i) => i.weight));
        const score = sum(indicators.map((i) => i.score));
        assert.equal(c.indicatorWeight, weight.toNumber());
        assert.equal(c.indicatorScore, score.toNumber());
        assert.equal(c.indicatorShare, weight.isZero() ? null : score.div(weight).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
        assert.equal(c.score, score.plus(scored ? (execution?.score ?? c.executionScore ?? 0) : 0).toNumber());
      },
    ),
    { numRuns: 2000 },
  );
});
