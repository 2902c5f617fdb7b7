/**
 * The dashboard's monitoring view (issue 16) on a generated province, measured as the evaluation
 * dashboard is (bench/api.bench.ts): `jixiao gen` into a scratch database of each kind (its latest
 * year: one monitoring per project, in mixed statuses, with its summary's columns), the application
 * as `npm start` runs it on a fresh server process, the finance reviewer (who sees every unit's sent
 * monitoring) loading what the 运行监控 tab loads — GET /api/dashboard/monitoring?year= (by department)
 * and the first page of GET /api/dashboard/monitoring/projects?year= asked together — median of 5
 * after a warm-up, timed until both answers have arrived. Also logged: each alone, a department
 * opened to its units, a deep page of the projects. Baseline: the same year's monitoring summary
 * columns read by one query in the driver (what summing them outside SQL would read first).
 *   node --import tsx bench/monitoring-view.bench.ts [sqlite|postgres] [--full]
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { GenOptions } from '../src/cli/commands/gen.ts';
import type { DialectName } from '../src/storage/dialect.ts';
import { MONITORING_COLUMNS } from '../src/storage/monitoring-columns.ts';
import { openDatabase } from '../src/storage/open-database.ts';
import { ensureServerBuild, login, startServer } from './api.bench.ts';
import { machine, medianMs } from './machine.ts';
import { province } from './province.ts';

export interface MonitoringViewFigures {
  dialect: DialectName;
  year: number;
  monitoring: number;
  /** What the reviewer sees (sent monitoring) and of it how many the first list holds. */
  visible: number;
  listed: number;
  ms: number;
  parts: string;
  baselineMs: number;
  genMs: number;
  load: number;
}

export async function measureMonitoringView(dialect: DialectName, gen: GenOptions, log: (line: string) => void = () => {}): Promise<MonitoringViewFigures> {
  if ((process.env.JIXIAO_RUN ?? 'build') === 'build') ensureServerBuild(log);
  const p = await province(dialect, gen, 0);
  log(`${dialect}: generated ${p.gen.evaluations} evaluations, ${p.gen.targets} targets and ${p.gen.monitoring} monitoring (${JSON.stringify(p.gen.monitoringByStatus)}) in ${(p.gen.ms / 1000).toFixed(1)} s`);
  const year = gen.years[1];
  try {
    const server = await startServer('app', p.url);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const { cookie } = await login(base, p.reviewer);
      const get = async (path: string) => {
        const response = await fetch(`${base}${path}`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        return response.arrayBuffer();
      };
      const view = `/api/dashboard/monitoring?year=${year}`;
      const firstPage = `/api/dashboard/monitoring/projects?year=${year}&limit=20&offset=0`;
      let bodies: ArrayBuffer[] = [];
      const ms = await medianMs(5, async () => {
        bodies = await Promise.all([get(view), get(firstPage)]);
      });
      const decoded = bodies.map((b) => JSON.parse(new TextDecoder().decode(b)));
      const overview = decoded[0] as { totals: { projects: number }; departments: Array<{ id: string; units: number }> };
      const listed = (decoded[1] as { total: number }).total;
      const biggest = [...overview.departments].sort((a, b) => b.units - a.units)[0]!;
      const viewMs = await medianMs(5, () => get(view));
      const pageMs = await medianMs(5, () => get(firstPage));
      const drillMs = await medianMs(5, () => get(`${view}&department=${biggest.id}`));
      const deepMs = await medianMs(5, () => get(`/api/dashboard/monitoring/projects?year=${year}&limit=20&offset=${Math.max(0, listed - 20)}`));
      const parts = `by department ${viewMs.toFixed(0)} ms (${bodies[0]!.byteLength} bytes, ${overview.departments.length} departments), `
        + `projects' first page ${pageMs.toFixed(0)} ms, a department opened (${biggest.units} units) ${drillMs.toFixed(0)} ms, the last page ${deepMs.toFixed(0)} ms`;
      const load = loadavg()[0]!;
      const database = openDatabase(p.url);
      try {
        const baselineMs = await medianMs(5, () =>
          database.db.selectFrom('cycle_documents').select(['id', 'unit_id', 'status', ...MONITORING_COLUMNS]).where('kind', '=', 'monitoring').where('year', '=', year).execute(),
        );
        return { dialect, year, monitoring: p.gen.monitoring, visible: overview.totals.projects, listed, ms, parts, baselineMs, genMs: p.gen.ms, load };
      } finally {
        await database.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await p.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dialect = (process.argv[2] ?? 'sqlite') as DialectName;
  const full = process.argv.includes('--full');
  console.log(`machine: ${machine()}`);
  const gen: GenOptions = full ? { units: 2000, projectsPerUnit: 25, years: [2021, 2025], seed: 1 } : { units: 40, projectsPerUnit: 25, years: [2023, 2024], seed: 1 };
  const f = await measureMonitoringView(dialect, gen, (line) => console.log(line));
  console.log(`${dialect}: monitoring view ${f.year}: ${f.ms.toFixed(1)} ms (${f.parts}); ${f.visible} of ${f.monitoring} monitoring seen by the reviewer, ${f.listed} on the list; `
    + `baseline (the year's summary columns by one query in the driver): ${f.baselineMs.toFixed(0)} ms; load average ${f.load.toFixed(2)}`);
}
