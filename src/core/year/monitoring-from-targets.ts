/**
 * "Monitoring from targets": the mid-year monitoring draft (绩效运行监控) of a project made from its
 * approved targets (PRODUCT.md, "The cycle"). The indicator table is the targets' — category,
 * subcategory, name, target and the id, so the cross-document checks find each indicator again —
 * the funding rows keep their declared budgets, and the project and its goal come along. What
 * records the half year (progress, expected values, spending to date, the causes) is blank; the
 * likelihood, which the format requires, starts at `possible` (有可能), the one value that
 * claims nothing and that MONITOR_LIKELIHOOD never questions.
 */
import { MONITORING_SCHEMA_ID, type Monitoring, type MonitoringIndicator } from '../model/monitoring.ts';
import type { TargetIndicator, Targets } from '../model/targets.ts';

export function createMonitoringFromTargets(targets: Targets, asOf: string): Monitoring {
  const { executed: _executed, executionRate: _rate, ...project } = targets.project;
  const monitoring: Monitoring = {
    schema: MONITORING_SCHEMA_ID,
    template: targets.template,
    year: targets.year,
    asOf,
    project,
    annualGoal: targets.annualGoal,
    progressSummary: '',
    indicators: targets.indicators.map(indicatorOf),
  };
  if (targets.funding && targets.funding.length > 0) {
    monitoring.funding = targets.funding.map(({ source, budget }) => ({ source, budget, executedToDate: '', expectedYearEnd: '' }));
  }
  return monitoring;
}

function indicatorOf({ id, category, subcategory, name, target }: TargetIndicator): MonitoringIndicator {
  return {
    ...(id === undefined ? {} : { id }),
    category,
    ...(subcategory === undefined ? {} : { subcategory }),
    name,
    target,
    progress: '',
    expectedYearEnd: '',
    deviationCauses: [],
    likelihood: 'possible',
  };
}
