import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Evaluation } from '../model/evaluation.ts';
import { validateEvaluation } from '../model/validate.ts';
import { withIndicatorIds } from '../lineage/indicator-ids.ts';
import { matchPreviousYear } from '../lineage/match-previous-year.ts';
import { nextYearDraft } from './next-year.ts';

const seed = JSON.parse(readFileSync(new URL('../../../demo/seed-2021-putuo.json', import.meta.url), 'utf8')) as { evaluations: Evaluation[] };

test('next year: project, goal, indicators and targets kept; what happened cleared', () => {
  const before = seed.evaluations[0]!;
  const next = nextYearDraft(before);
  assert.equal(next.year, before.year + 1);
  assert.equal(next.project.name, before.project.name);
  assert.equal(next.project.budgetPreviousYear, before.project.budgetCurrentYear);
  assert.equal(next.project.executed, undefined);
  assert.equal(next.project.executionRate, undefined);
  assert.equal(next.annualGoal, before.annualGoal);
  for (const key of ['totals', 'grade', 'achievements', 'problems', 'improvements', 'evaluatedOn'] as const) assert.equal(next[key], undefined, key);
  next.indicators.forEach((indicator, i) => {
    const old = before.indicators[i]!;
    assert.deepEqual([indicator.name, indicator.target, indicator.weight, indicator.rule, indicator.category], [old.name, old.target, old.weight, old.rule, old.category]);
    assert.deepEqual([indicator.actual, indicator.score, indicator.remark], [undefined, undefined, undefined]);
  });
  assert.ok(validateEvaluation(next).ok);
  assert.notEqual(before.totals, undefined, 'the source is not changed');
});

test('next year: every indicator keeps its id (the lineage last year’s figures are found by)', () => {
  const before = withIndicatorIds(seed.evaluations[0]!, undefined, (() => { let n = 0; return () => `id-${++n}`; })());
  const next = nextYearDraft(before);
  assert.deepEqual(next.indicators.map((i) => i.id), before.indicators.map((i) => i.id));
  assert.equal(new Set(next.indicators.map((i) => i.id)).size, before.indicators.length);
  assert.ok(matchPreviousYear(next.indicators, before.indicators).every((m, i) => m?.matchedBy === 'id' && m.previousIndex === i));
});
