/**
 * The monitoring view's pure core on the synthetic province (issue 16): the summary of each
 * monitoring (computed once, when a monitoring is stored) and the overview of a year by department
 * and unit (computed when the dashboard is asked, on the small-data path; storage sums the same
 * columns in SQL). The province's latest year: 2,000 units × 25 projects, one monitoring each as
 * of 7月31日 (src/demo/synthetic-cycle.ts). Baselines in the same run: the monitoring checks
 * (checkMonitoring) over the same documents, and summing the budget column of the same rows as
 * floats (the least an overview can do).
 *   node --import tsx bench/monitoring.bench.ts [units] [projects-per-unit]
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { checkMonitoring } from '../src/core/checks/monitoring.ts';
import type { Monitoring } from '../src/core/model/monitoring.ts';
import { BUILT_IN_TEMPLATES, templateRegistry } from '../src/core/templates/registry.ts';
import { monitoringOverview, type MonitoringOverviewRow } from '../src/core/year/monitoring-overview.ts';
import { summarizeMonitoring } from '../src/core/year/monitoring-summary.ts';
import { syntheticCycles } from '../src/demo/synthetic-cycle.ts';
import { OFFICES } from '../src/demo/synthetic-words.ts';
import { machine, medianMs } from './machine.ts';

export interface MonitoringFigures {
  monitorings: number;
  departments: number;
  units: number;
  generateMs: number;
  /** Median of 5 after a warm-up: every summary of the year. */
  summariesMs: number;
  checksMs: number;
  overviewMs: number;
  floatSumMs: number;
  offTrack: number;
  behind: number;
  load: number;
}

/**
 * The generated units are each directly under the bureau; a bureau's departments have many units,
 * so here the office of the unit's name (教育局 …) stands for its department: 16 departments.
 */
const departmentOf = (unit: string) => OFFICES.find((office) => unit.includes(office)) ?? unit;

export async function measureMonitoring(units = 2_000, projectsPerUnit = 25): Promise<MonitoringFigures> {
  const registry = templateRegistry();
  const started = performance.now();
  const monitorings: Monitoring[] = [];
  for (const c of syntheticCycles({ units, projectsPerUnit, years: [2025, 2025], seed: 1 }, BUILT_IN_TEMPLATES)) monitorings.push(c.monitoring);
  const generateMs = performance.now() - started;
  const summarize = () => monitorings.map((m) => summarizeMonitoring(m, registry.get(m.template)!));
  const summariesMs = await medianMs(5, async () => summarize());
  const checksMs = await medianMs(5, async () => monitorings.map((m) => checkMonitoring(m, registry.get(m.template)!)));
  const rows: MonitoringOverviewRow[] = summarize().map((s, i) => {
    const unit = monitorings[i]!.project.budgetUnit ?? '';
    return { department: departmentOf(unit), unit, ...s };
  });
  let overview = monitoringOverview(rows);
  const overviewMs = await medianMs(5, async () => (overview = monitoringOverview(rows)));
  const floatSumMs = await medianMs(5, async () => rows.reduce((a, r) => a + Number(r.budget ?? 0), 0));
  return {
    monitorings: monitorings.length,
    departments: overview.departments.length,
    units: overview.departments.reduce((a, d) => a + d.units.length, 0),
    generateMs, summariesMs, checksMs, overviewMs, floatSumMs,
    offTrack: overview.totals.offTrack,
    behind: overview.totals.behindTimeProgress,
    load: loadavg()[0]!,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await measureMonitoring(Number(process.argv[2] ?? 2_000), Number(process.argv[3] ?? 25));
  console.log(`machine: ${machine()}; load average ${f.load.toFixed(2)}`);
  console.log(`generated ${f.monitorings} monitorings (targets, evaluations too) in ${(f.generateMs / 1000).toFixed(1)} s; ${f.offTrack} projects off track, ${f.behind} behind the time progress`);
  console.log(`summaries: ${f.summariesMs.toFixed(0)} ms for ${f.monitorings} (${((f.summariesMs * 1000) / f.monitorings).toFixed(1)} µs each); baseline checkMonitoring on the same: ${f.checksMs.toFixed(0)} ms (summary ÷ checks ${(f.summariesMs / f.checksMs).toFixed(2)})`);
  console.log(`overview of ${f.monitorings} rows, ${f.departments} departments, ${f.units} units: ${f.overviewMs.toFixed(1)} ms; baseline summing the budget column as floats: ${f.floatSumMs.toFixed(1)} ms`);
}
