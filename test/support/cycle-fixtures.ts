/**
 * The cycle's documents for tests, made from the shipped national example (a real form): its
 * approved targets (the form's indicator table with ids) and a mid-year monitoring of it in which
 * everything is on track. Tests change one thing and see what the checks say.
 */
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { MONITORING_SCHEMA_ID, type Monitoring } from '../../src/core/model/monitoring.ts';
import { TARGETS_SCHEMA_ID, type Targets } from '../../src/core/model/targets.ts';
import { nationalEvaluation } from './fixtures.ts';

/** The national example with an id on each indicator, as an evaluation made from targets has. */
export function nationalWithIds(): Evaluation {
  const e = nationalEvaluation();
  e.indicators = e.indicators.map((indicator, i) => ({ id: `ind-${i + 1}`, ...indicator }));
  return e;
}

/** The approved targets the national example was evaluated against. */
export function nationalTargets(): Targets {
  const e = nationalWithIds();
  return {
    schema: TARGETS_SCHEMA_ID,
    template: e.template,
    year: e.year,
    project: { name: e.project.name, budgetUnit: e.project.budgetUnit, department: e.project.department },
    funding: [
      { source: '年度资金总额', budget: e.project.budgetInitial! },
      { source: '其中：财政拨款', budget: e.project.budgetInitial! },
      { source: '其他资金', budget: '0.00' },
    ],
    annualGoal: e.annualGoal ?? '',
    indicators: e.indicators.map(({ id, category, subcategory, name, target, weight, rule }) => ({
      id, category: category!, subcategory, name, target: target!, weight: weight!, ...(rule === undefined ? {} : { rule }),
    })),
  };
}

/**
 * Monitoring of the national targets as of `asOf`, on track: each expected year-end value is the
 * target, likely `certain`; the one funding row has spent all of its budget (in fen
 * a multiple of 365 and of 366, so every share of the days is exact).
 */
export function nationalMonitoring(asOf = '2024-07-31', year = 2024): Monitoring {
  const t = nationalTargets();
  return {
    schema: MONITORING_SCHEMA_ID,
    template: t.template,
    year,
    asOf,
    project: t.project,
    funding: [{ source: '年度资金总额', budget: '133590.00', executedToDate: '133590.00', expectedYearEnd: '133590.00' }],
    annualGoal: t.annualGoal,
    progressSummary: '按计划推进',
    indicators: t.indicators.map(({ id, category, subcategory, name, target }) => ({
      id, category, subcategory, name, target, progress: '进行中', expectedYearEnd: target, deviationCauses: [], likelihood: 'certain' as const,
    })),
  };
}
