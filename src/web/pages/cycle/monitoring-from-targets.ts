/**
 * A blank mid-year monitoring of approved targets (绩效运行监控): the project, its funding rows with
 * their budgets, the annual goal and each indicator with its target and id, as of the template's
 * date of the year (7月31日 unless it says otherwise). What happened is left for the unit to fill
 * in: progress, spending and expected values blank, no deviation cause chosen. The form has no
 * blank for 完成目标可能性, so it starts at 有可能 (the middle, shown in its cell for the unit to set).
 */
import { MONITORING_SCHEMA_ID, type Monitoring } from '../../../core/model/monitoring.ts';
import type { Targets } from '../../../core/model/targets.ts';
import type { Template } from '../../../core/templates/template.ts';

export function monitoringFromTargets(targets: Targets, template: Template): Monitoring {
  const asOf = template.documents?.monitoring?.defaultAsOf ?? '07-31';
  return {
    schema: MONITORING_SCHEMA_ID,
    template: targets.template,
    year: targets.year,
    asOf: `${targets.year}-${asOf}`,
    project: targets.project,
    funding: (targets.funding ?? []).map(({ source, budget }) => ({ source, budget, executedToDate: '', expectedYearEnd: '' })),
    annualGoal: targets.annualGoal,
    progressSummary: '',
    indicators: targets.indicators.map(({ id, category, subcategory, name, target }) => ({
      ...(id === undefined ? {} : { id }), category, ...(subcategory === undefined ? {} : { subcategory }), name, target,
      progress: '', expectedYearEnd: '', deviationCauses: [], likelihood: 'possible' as const,
    })),
  };
}
