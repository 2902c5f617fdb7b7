import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bandOf, bandProblems, BUDGET_BANDS } from './budget-bands.ts';
import { drawRank, drawSample, stratumQuota, type Candidate } from './draw.ts';

const params = (seed: string, minimumShare = 10) => ({ seed, minimumShare, bands: BUDGET_BANDS });

test('budget bands: < 10万 · 10万–100万 · ≥ 100万 元, lower bounds inclusive, a missing budget in the first', () => {
  const cases: Array<[number | null, string]> = [
    [null, 'under100k'], [0, 'under100k'], [9_999_999, 'under100k'], [10_000_000, '100kTo1m'],
    [99_999_999, '100kTo1m'], [100_000_000, '1mAndAbove'], [5_000_000_000, '1mAndAbove'], [-5, 'under100k'],
  ];
  for (const [fen, key] of cases) assert.equal(bandOf(fen, BUDGET_BANDS).key, key, String(fen));
  assert.deepEqual(bandProblems(BUDGET_BANDS), []);
  assert.equal(bandProblems([{ key: 'a', fromFen: 5 }]).length, 1);
  assert.equal(bandProblems([{ key: 'a', fromFen: 0 }, { key: 'a', fromFen: 0 }]).length, 2);
});

test('quota per stratum: max(1, ⌈n × share⌉), exact in whole numbers', () => {
  const cases: Array<[number, number, number]> = [
    [1, 10, 1], [9, 10, 1], [10, 10, 1], [11, 10, 2], [20, 10, 2], [21, 10, 3], [3, 100, 3],
    [7, 33.33, 3], [3, 33.33, 1], [3, 33.34, 2], [100, 0.01, 1], [10_000, 0.01, 1], [10_001, 0.01, 2], [10, 15, 2],
  ];
  for (const [n, share, k] of cases) assert.equal(stratumQuota(n, share), k, `${n} × ${share}%`);
  for (const bad of [0, -1, 100.01, 10.001, Number.NaN]) assert.throws(() => stratumQuota(5, bad), /minimum share/u);
});

test('the rank is the SHA-256 of seed, newline, id (documented, reproducible with sha256sum)', () => {
  // printf '2026\nabc' | sha256sum
  assert.equal(drawRank('2026', 'abc'), 'af60df8a4805d7ae1e886edf867515657a3c9642244a33f40e528abdd5704ec1');
});

test('strata by unit and band; every non-empty stratum drawn; strata ordered by unit, then band', () => {
  const population: Candidate[] = [
    { id: 'a1', unitId: 'A', budgetFen: 1_000 }, { id: 'a2', unitId: 'A', budgetFen: 2_000 },
    { id: 'a3', unitId: 'A', budgetFen: 200_000_000 },
    { id: 'b1', unitId: 'B', budgetFen: 50_000_000 },
    ...Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, unitId: 'C', budgetFen: 20_000_000 })),
  ];
  const draw = drawSample(population, params('s1'));
  assert.deepEqual(draw.strata.map((s) => [s.unitId, s.band, s.population, s.drawn.length]), [
    ['A', 'under100k', 2, 1], ['A', '1mAndAbove', 1, 1], ['B', '100kTo1m', 1, 1], ['C', '100kTo1m', 25, 3],
  ]);
  assert.equal(draw.population, 29);
  assert.equal(draw.evaluationIds.length, 6);
  assert.deepEqual(draw.evaluationIds, draw.strata.flatMap((s) => s.drawn));
  // Within a stratum the drawn are the lowest ranks.
  const c = population.filter((p) => p.unitId === 'C').map((p) => p.id).sort((x, y) => (drawRank('s1', x) < drawRank('s1', y) ? -1 : 1));
  assert.deepEqual(draw.strata[3]!.drawn, c.slice(0, 3));
});

test('an empty population draws nothing; a duplicate id is refused', () => {
  assert.deepEqual(drawSample([], params('x')), { population: 0, strata: [], evaluationIds: [] });
  assert.throws(() => drawSample([{ id: 'a', unitId: 'u', budgetFen: 1 }, { id: 'a', unitId: 'u', budgetFen: 1 }], params('x')), /twice/u);
});

test('another seed draws another sample (of a large stratum)', () => {
  const population = Array.from({ length: 100 }, (_, i) => ({ id: `e${i}`, unitId: 'U', budgetFen: 1 }));
  assert.notDeepEqual(drawSample(population, params('1')).evaluationIds, drawSample(population, params('2')).evaluationIds);
});

const candidates = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    unitId: fc.constantFrom('u1', 'u2', 'u3', '单位四'),
    budgetFen: fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: null }),
  }),
  { selector: (c) => c.id, maxLength: 120 },
);
const share = fc.integer({ min: 1, max: 10_000 }).map((h) => h / 100);

test('property: deterministic (whatever the population order), within the population, the minimum share, every non-empty stratum', () => {
  fc.assert(
    fc.property(candidates, fc.string({ maxLength: 20 }), share, fc.integer(), (population, seed, minimumShare, shuffleSeed) => {
      const draw = drawSample(population, params(seed, minimumShare));
      const shuffled = [...population].sort((a, b) => ((hash(a.id, shuffleSeed) - hash(b.id, shuffleSeed)) || (a.id < b.id ? -1 : 1)));
      assert.deepEqual(drawSample(shuffled, params(seed, minimumShare)), draw);

      const ids = new Set(population.map((p) => p.id));
      assert.equal(new Set(draw.evaluationIds).size, draw.evaluationIds.length, 'no evaluation twice');
      for (const id of draw.evaluationIds) assert.ok(ids.has(id), 'drawn from the population');
      // Overall and per stratum: drawn ≥ share × size (compared in whole numbers).
      const s = Math.round(minimumShare * 100);
      assert.ok(draw.evaluationIds.length * 10_000 >= population.length * s);
      const strata = new Set(population.map((p) => `${p.unitId}|${bandOf(p.budgetFen, BUDGET_BANDS).key}`));
      assert.equal(draw.strata.length, strata.size, 'one stratum per non-empty (unit, band)');
      for (const stratum of draw.strata) {
        assert.ok(stratum.drawn.length >= 1 && stratum.drawn.length * 10_000 >= stratum.population * s);
        for (const id of stratum.drawn) {
          const member = population.find((p) => p.id === id)!;
          assert.equal(member.unitId, stratum.unitId);
          assert.equal(bandOf(member.budgetFen, BUDGET_BANDS).key, stratum.band);
        }
      }
      assert.equal(draw.strata.reduce((n, st) => n + st.population, 0), population.length);
    }),
    { numRuns: 300 },
  );
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x9e3779b1);
  return h;
}
