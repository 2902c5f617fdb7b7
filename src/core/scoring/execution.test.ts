/** The integer execution figures equal the decimal.js ones (fast-check), half-way cases included. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { template } from '../../../test/support/fixtures.ts';
import { fixed2, formatHundredths, hundredthsOf, mulDivRound, round } from '../decimal.ts';
import type { Evaluation, Project } from '../model/evaluation.ts';
import { computeEvaluation, computeWithDecimals } from './compute.ts';
import { exactExecutionRate, executionScore, fenExactExecutionScore, fenExecutionScore, fenRate } from './execution.ts';

const yuan = (fen: bigint): string => {
  const negative = fen < 0n;
  const a = negative ? -fen : fen;
  return `${negative ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
const fen = fc.oneof(
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.bigInt({ min: 0n, max: 10n ** 11n }),
  fc.bigInt({ min: -(2n ** 52n) + 1n, max: 2n ** 52n - 1n }),
);
/** executed ÷ budget × 10000 exactly half-way between two integers: budget 20000 m, executed (2k + 1) m. */
const halfWay = fc.tuple(fc.bigInt({ min: -20_000n, max: 20_000n }), fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([k, m]) => ({
  executed: yuan((2n * k + 1n) * m),
  budget: yuan(20_000n * m),
}));
const amounts = fc.oneof(fc.record({ executed: fen.map(yuan), budget: fen.map(yuan) }), halfWay);
const points = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);

test('hundredthsOf reads plain amounts exactly', () => {
  assert.equal(hundredthsOf('414400.00'), 41_440_000);
  assert.equal(hundredthsOf('82.160'), 8216);
  assert.equal(hundredthsOf('-3.5'), -350);
  assert.equal(hundredthsOf('0.005'), null);
  for (const odd of ['', '-', '.5', '5.', '1e3', '+1', ' 1', '1,000']) assert.equal(hundredthsOf(odd), null, odd);
  assert.equal(mulDivRound(1, 1, 200), 0); // 0.005 → 0.01 needs 1/2: here 1/200 < 1/2
  assert.equal(mulDivRound(1, 1, 2), 1);
  assert.equal(mulDivRound(-1, 1, 2), -1);
  assert.equal(formatHundredths(6216), '62.16');
  assert.equal(formatHundredths(-5), '-0.05');
});

test('the integer rate and scores equal the decimal.js ones, half-way cases included', () => {
  fc.assert(
    fc.property(amounts, points, ({ executed, budget }, weight) => {
      const project = { name: 'p', executed, budgetCurrentYear: budget } as Project;
      const exact = exactExecutionRate(project);
      const figures = fenRate(project);
      if (exact === null) return assert.equal(figures, null);
      const rounded = round(exact);
      if (figures === undefined) {
        // Only beyond safe integers: then the checks take the decimal path.
        return assert.ok(!Number.isSafeInteger(rounded.times(100).toNumber()) || hundredthsOf(executed) === null || hundredthsOf(budget) === null);
      }
      assert.ok(figures, `${executed} / ${budget}`);
      assert.equal(formatHundredths(figures.rate), fixed2(rounded));
      assert.equal(figures.rate, rounded.times(100).toNumber());
      const w = Math.round(weight * 100);
      assert.equal(fenExecutionScore(figures.rate, w) / 100, executionScore(rounded, weight).toNumber());
      assert.equal(fenExactExecutionScore(figures, w) / 100, executionScore(exact, weight).toNumber());
    }),
    { numRuns: 2000 },
  );
});

test('computeEvaluation in integers equals it with decimals', () => {
  const national = template('national-2020');
  const shanghai = template('shanghai-2021');
  const signedPoints = fc.integer({ min: -2000, max: 10_000 }).map((n) => n / 100);
  fc.assert(
    fc.property(
      amounts,
      fc.array(fc.record({ weight: signedPoints, score: signedPoints, category: fc.constantFrom('output', 'effect', 'satisfaction', 'decision', 'process') }), { maxLength: 12 }),
      fc.option(fc.record({ weight: points, score: fc.option(fc.integer({ min: -1000, max: 2000 }).map((n) => n / 100), { nil: undefined }) }), { nil: undefined }),
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
        const { suggestions: _a, ...fast } = computeEvaluation(e, t);
        const { suggestions: _b, ...slow } = computeWithDecimals(e, t);
        assert.deepStrictEqual(fast, slow);
      },
    ),
    { numRuns: 2000 },
  );
});
