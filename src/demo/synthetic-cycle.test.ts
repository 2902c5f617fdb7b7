/**
 * The synthetic cycle: valid documents, deterministic, the evaluation made from its targets, and a
 * monitoring in which the checks find exactly what the generator meant, with a realistic spread
 * over many seeds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAgainstTargets } from '../core/checks/approved-targets.ts';
import { checkMonitoring } from '../core/checks/monitoring.ts';
import { validateEvaluation, validateMonitoring, validateTargets } from '../core/model/validate.ts';
import { BUILT_IN_TEMPLATES } from '../core/templates/registry.ts';
import { createEvaluationFromTargets } from '../core/year/evaluation-from-targets.ts';
import { summarizeMonitoring } from '../core/year/monitoring-summary.ts';
import { syntheticEvaluations } from './synthetic-evaluations.ts';
import { syntheticCycles, type SyntheticCycle } from './synthetic-cycle.ts';

const OPTIONS = { units: 10, projectsPerUnit: 6, years: [2023, 2024] as const, seed: 42 };
const templateOf = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;

test('the same seed gives the same documents; another seed others; the evaluations are the province’s', () => {
  const a = JSON.stringify([...syntheticCycles(OPTIONS, BUILT_IN_TEMPLATES)]);
  assert.equal(JSON.stringify([...syntheticCycles(OPTIONS, BUILT_IN_TEMPLATES)]), a);
  assert.notEqual(JSON.stringify([...syntheticCycles({ ...OPTIONS, seed: 43 }, BUILT_IN_TEMPLATES)]), a);
  const plain = [...syntheticEvaluations(OPTIONS, BUILT_IN_TEMPLATES)];
  const cycles = [...syntheticCycles(OPTIONS, BUILT_IN_TEMPLATES)];
  assert.equal(cycles.length, plain.length);
  cycles.forEach((c, i) => assert.deepEqual({ ...c.evaluation, indicators: c.evaluation.indicators.map(({ id: _id, ...rest }) => rest) }, plain[i]));
});

test('every document validates; the evaluation is the one made from its targets, ids kept, no cross-document finding', () => {
  const ids = new Set<string>();
  for (const c of syntheticCycles(OPTIONS, BUILT_IN_TEMPLATES)) {
    for (const [name, v] of [['evaluation', validateEvaluation(c.evaluation)], ['targets', validateTargets(c.targets)], ['monitoring', validateMonitoring(c.monitoring)]] as const) {
      assert.ok(v.ok, `${name}: ${JSON.stringify(v)}`);
    }
    const template = templateOf(c.evaluation.template);
    const made = createEvaluationFromTargets(c.targets, template);
    assert.deepEqual(made.indicators, c.evaluation.indicators.map(({ id, category, subcategory, name, target, weight, rule }) =>
      Object.fromEntries(Object.entries({ id, category, subcategory, name, target, weight, rule }).filter(([, v]) => v !== undefined))));
    assert.deepEqual(checkAgainstTargets(c.evaluation, c.targets), []);
    assert.deepEqual(c.monitoring.indicators.map((i) => i.id), c.targets.indicators.map((i) => i.id));
    assert.equal(c.monitoring.asOf, `${c.evaluation.year}-07-31`);
    for (const i of c.evaluation.indicators) {
      assert.ok(!ids.has(i.id!), 'ids are distinct');
      ids.add(i.id!);
    }
  }
});

/** What the checks and the summary say, against what the generator meant. */
function holdsIntent(c: SyntheticCycle): void {
  const template = templateOf(c.monitoring.template);
  const findings = checkMonitoring(c.monitoring, template);
  const count = (code: string) => findings.filter((f) => f.code === code).length;
  const s = summarizeMonitoring(c.monitoring, template);
  const why = JSON.stringify({ intent: c.intent, findings: findings.map((f) => f.code), s });
  assert.equal(count('MONITOR_EXECUTION_LAG') > 0, c.intent.spendingBehind, why);
  assert.equal(count('MONITOR_EXPECTED_OVERSPEND') > 0, c.intent.overspend, why);
  assert.equal(count('MONITOR_OFF_TRACK'), c.intent.offTrackWithoutCause, why);
  assert.equal(count('MONITOR_LIKELIHOOD'), c.intent.likelihoodContradicts ? 1 : 0, why);
  assert.equal(s.spendingBehind, c.intent.spendingBehind, why);
  assert.equal(s.overspendExpected, c.intent.overspend, why);
  assert.equal(s.indicatorsOffTrack, c.intent.offTrackWithCause + c.intent.offTrackWithoutCause, why);
  assert.equal(s.indicatorsOffTrackWithoutCause, c.intent.offTrackWithoutCause, why);
  assert.equal(s.indicatorsImpossible, c.intent.impossible, why);
  assert.equal(s.indicatorsNotComparable, 0, why);
  if (!c.intent.overspend) assert.equal(s.expectedOverspend, '0.00', why);
}

test('over many seeds the checks find exactly what was intended, and the spread is realistic', () => {
  const tally = { projects: 0, onTrack: 0, behind: 0, overspend: 0, offWithCause: 0, offWithoutCause: 0, impossible: 0, contradicts: 0, national: 0, shanghai: 0 };
  for (let seed = 1; seed <= 40; seed++) {
    for (const c of syntheticCycles({ units: 10, projectsPerUnit: 10, years: [2024, 2024], seed }, BUILT_IN_TEMPLATES)) {
      holdsIntent(c);
      const i = c.intent;
      tally.projects++;
      tally[c.monitoring.funding ? 'national' : 'shanghai']++;
      const off = i.offTrackWithCause + i.offTrackWithoutCause > 0;
      if (!i.spendingBehind && !i.overspend && !off) tally.onTrack++;
      if (i.spendingBehind) tally.behind++;
      if (i.overspend) tally.overspend++;
      if (off && i.offTrackWithoutCause === 0) tally.offWithCause++;
      if (i.offTrackWithoutCause > 0) tally.offWithoutCause++;
      if (i.impossible > 0) tally.impossible++;
      if (i.likelihoodContradicts) tally.contradicts++;
    }
  }
  const share = (n: number) => n / tally.projects;
  const within = (name: keyof typeof tally, low: number, high: number) =>
    assert.ok(share(tally[name]) >= low && share(tally[name]) <= high, `${name}: ${(share(tally[name]) * 100).toFixed(1)}% not in ${low * 100}–${high * 100}%`);
  assert.equal(tally.projects, 4000);
  within('onTrack', 0.5, 0.75); // most on track
  within('behind', 0.15, 0.3); // some behind on spending
  within('offWithCause', 0.08, 0.2); // a few off track, the causes analysed …
  within('offWithoutCause', 0.04, 0.12); // … and some not
  within('overspend', 0.005, 0.04); // rare
  within('impossible', 0.01, 0.08);
  within('contradicts', 0.01, 0.06);
  within('national', 0.4, 0.6);
});

test('the figures are consistent: executed to date within the budget, expected not below it', () => {
  for (const c of syntheticCycles(OPTIONS, BUILT_IN_TEMPLATES)) {
    const lines = c.monitoring.funding ?? [c.monitoring.project];
    for (const line of lines) {
      const budget = Number('budget' in line ? line.budget : line.budgetCurrentYear);
      const executed = Number(line.executedToDate);
      const expected = Number(line.expectedYearEnd);
      assert.ok(executed >= 0 && executed <= budget && expected >= executed, JSON.stringify(line));
    }
    if (c.monitoring.funding) {
      const [total, ...parts] = c.monitoring.funding;
      const fen = (s: string) => Math.round(Number(s) * 100);
      for (const key of ['budget', 'executedToDate', 'expectedYearEnd'] as const) {
        assert.equal(parts.reduce((a, p) => a + fen(p[key]), 0), fen(total![key]), `${key}: the parts add up to the total`);
      }
    }
  }
});
