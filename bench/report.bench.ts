/**
 * The year's results report (issue 17) on a generated province: `jixiao gen` into a scratch database of
 * each kind (bench/province.ts, as the other benches build it; its latest year with rectification items
 * and results applications), a re-check drawn on the latest year (5 % of its reviewed forms, as the
 * reviewer draws it), then, in a fresh child process, the report built as `jixiao report` and the server
 * build it: the SQL aggregates read (loadResultsReport), the PDF and the XLSX written — once cold, then
 * the median of 3. Memory: the child's peak RSS (process.resourceUsage().maxRSS) against its RSS after
 * loading the modules, opening the database and parsing the font, before any report (the baseline of
 * the same run): what the report adds. Two province sizes show whether it grows with the forms.
 *   node --import tsx bench/report.bench.ts [sqlite|postgres]… [--units N]… [--projects M] (default: both, 400 and 2000 units, 25 projects each)
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { templateRegistry } from '../src/core/templates/registry.ts';
import type { DialectName } from '../src/storage/dialect.ts';
import { machine } from './machine.ts';
import { province } from './province.ts';

const YEARS: [number, number] = [2021, 2025];

interface ChildFigures {
  forms: number;
  coldMs: number;
  warmMs: number;
  parts: string;
  baselineRssMb: number;
  peakRssMb: number;
  pdfBytes: number;
  xlsxBytes: number;
}

/** In the child: build the report 4 times, timing each part; peak RSS against the RSS before the first. */
async function child(url: string, year: number): Promise<void> {
  const { openDatabase } = await import('../src/storage/open-database.ts');
  const { loadResultsReport, resultsReportFile } = await import('../src/server/services/report-service.ts');
  const { formFonts } = await import('../src/export/pdf/form-font.ts');
  await import('echarts');
  await import('exceljs');
  const templates = templateRegistry();
  const database = openDatabase(url);
  formFonts();
  await database.db.selectFrom('units').select('id').limit(1).execute();
  global.gc?.();
  const baseline = process.resourceUsage().maxRSS / 1024;
  const runs: Array<{ total: number; load: number; pdf: number; xlsx: number; pdfBytes: number; xlsxBytes: number; forms: number }> = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const report = await loadResultsReport(database.db, templates, year, new Date());
    const t1 = performance.now();
    const pdf = await resultsReportFile(report, templates, 'pdf', 'zh');
    const t2 = performance.now();
    const xlsx = await resultsReportFile(report, templates, 'xlsx', 'zh');
    const t3 = performance.now();
    runs.push({ total: t3 - t0, load: t1 - t0, pdf: t2 - t1, xlsx: t3 - t2, pdfBytes: pdf.bytes.byteLength, xlsxBytes: xlsx.bytes.byteLength, forms: report.coverage.totals.due });
  }
  await database.close();
  const warm = runs.slice(1).sort((a, b) => a.total - b.total)[1]!;
  const figures: ChildFigures = {
    forms: runs[0]!.forms,
    coldMs: runs[0]!.total,
    warmMs: warm.total,
    parts: `cold: SQL aggregates ${runs[0]!.load.toFixed(0)} ms, PDF ${runs[0]!.pdf.toFixed(0)} ms, XLSX ${runs[0]!.xlsx.toFixed(0)} ms; warm: ${warm.load.toFixed(0)}, ${warm.pdf.toFixed(0)}, ${warm.xlsx.toFixed(0)} ms`,
    baselineRssMb: baseline,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    pdfBytes: warm.pdfBytes,
    xlsxBytes: warm.xlsxBytes,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

async function measure(dialect: DialectName, units: number, projectsPerUnit: number, log: (line: string) => void) {
  const p = await province(dialect, { units, projectsPerUnit, years: YEARS, seed: 1 }, 0);
  try {
    const fold = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
    log(`${dialect}, ${units} units: generated ${p.gen.evaluations} evaluations, rectification items (${fold(p.gen.rectificationsByStatus)}), ${p.gen.applications} results applications in ${(p.gen.ms / 1000).toFixed(0)} s`);
    const { openDatabase } = await import('../src/storage/open-database.ts');
    const { createServices } = await import('../src/server/services.ts');
    const { repositories } = await import('../src/storage/repositories.ts');
    const database = openDatabase(p.url);
    try {
      const services = createServices({ db: database.db, templates: templateRegistry(), now: () => new Date() });
      const reviewer = (await repositories(database.db).users.findByUsername(p.reviewer))!.user;
      const draw = await services.rechecks.draw(reviewer, { year: YEARS[1], seed: 'bench-1', minimumShare: 5 }, 'zh');
      log(`${dialect}, ${units} units: re-check drawn: ${draw.drawn} of ${draw.population}`);
    } finally {
      await database.close();
    }
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', p.url, String(YEARS[1])], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const figures = JSON.parse(out.trim().split('\n').at(-1)!) as ChildFigures;
    return { dialect, units, projectsPerUnit, load: loadavg()[0]!, ...figures };
  } finally {
    await p.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    await child(args[1]!, Number(args[2]));
  } else {
    const dialects = args.filter((a): a is DialectName => a === 'sqlite' || a === 'postgres');
    const sizes = args.flatMap((a, i) => (args[i - 1] === '--units' ? [Number(a)] : []));
    const projects = Number(args[args.indexOf('--projects') + 1] ?? 25) || 25;
    const log = (line: string) => process.stderr.write(`${line}\n`);
    log(`machine: ${machine()}`);
    const rows = [];
    for (const dialect of dialects.length > 0 ? dialects : (['sqlite', 'postgres'] as const)) {
      for (const units of sizes.length > 0 ? sizes : [400, 2000]) {
        const r = await measure(dialect, units, args.includes('--projects') ? projects : 25, log);
        log(JSON.stringify(r));
        rows.push(r);
      }
    }
    console.log('| database | province (forms; latest year) | cold | warm (median of 3) | parts | RSS before the report | peak RSS | added by the report | PDF / XLSX | load avg |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.dialect} | ${r.units} units × ${r.projectsPerUnit} × 5 years (${(r.units * r.projectsPerUnit * 5).toLocaleString('en-US')}; ${r.forms.toLocaleString('en-US')}) | ${(r.coldMs / 1000).toFixed(2)} s | ${(r.warmMs / 1000).toFixed(2)} s | ${r.parts} | ${r.baselineRssMb.toFixed(0)} MB | ${r.peakRssMb.toFixed(0)} MB | ${(r.peakRssMb - r.baselineRssMb).toFixed(0)} MB | ${(r.pdfBytes / 1024).toFixed(0)} KB / ${(r.xlsxBytes / 1024).toFixed(0)} KB | ${r.load.toFixed(1)} |`);
    }
  }
}
