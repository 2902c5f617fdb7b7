/**
 * `npm run bench -- [--quick] [--json]`: every figure of issue 6, each beside its baseline measured
 * in the same run. `--json` prints one object with exactly the keys of FIGURE_KEYS (null where a
 * figure could not be measured; the reason goes to stderr) and sends the progress to stderr. The
 * full run (without --quick) writes BENCHMARKS.md: the machine, the command of each figure, the
 * table; the hand-written analysis after the ANALYSIS marker of the existing file is kept.
 *
 * --quick: small inputs and a small province (40 units × 25 projects × 2 years), 5 s of load;
 * a few minutes. Full: 2,000 units × 25 projects × 5 years on each database, 20 s of load.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { measureApi, type ApiFigures } from './api.bench.ts';
import { measureCheck } from './check.bench.ts';
import { measureExportPdf } from './export-pdf.bench.ts';
import { measureImport } from './import.bench.ts';
import { machine } from './machine.ts';
import { measureUi } from './ui.bench.ts';

export const FIGURE_KEYS = [
  'import_text_forms_per_s', 'import_pdf_pages_per_s', 'import_pdf_vs_pdftotext',
  'check_forms_per_s',
  'export_pdf_forms_per_s', 'export_pdf_vs_libreoffice',
  'api_put_rps', 'api_put_p99_ms', 'api_put_vs_bare',
  'api_put_rps_pg', 'api_put_p99_ms_pg', 'api_put_vs_bare_pg',
  'dashboard_ms_sqlite', 'dashboard_ms_pg',
  'public_list_ms', 'public_list_kb', 'list_ms', 'list_kb', 'health_under_public_load_ms',
  'public_list_ms_pg', 'public_list_kb_pg', 'list_ms_pg', 'list_kb_pg', 'health_under_public_load_ms_pg',
  'server_rss_mb',
  'ui_login_js_kb_gz', 'ui_list_js_kb_gz', 'ui_editor_js_kb_gz', 'ui_login_cold_ms', 'ui_list_cold_ms', 'ui_editor_cold_ms', 'ui_list_warm_ms',
] as const;
type Key = (typeof FIGURE_KEYS)[number];

interface Row {
  value: number | null;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  load: number | null;
  command: string;
}

const args = new Set(process.argv.slice(2));
for (const a of args) if (!['--quick', '--json'].includes(a)) { console.error(`unknown option ${a}\nusage: npm run bench -- [--quick] [--json]`); process.exit(2); }
const quick = args.has('--quick');
const asJson = args.has('--json');
const log = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

const SIZES = quick
  ? { check: 5_000, importRuns: 3, exportForms: 40, libreOfficeForms: 10, gen: { units: 40, projectsPerUnit: 25, years: [2023, 2024] as const, seed: 1 }, seconds: 5, uiRuns: 3 }
  : { check: 20_000, importRuns: 9, exportForms: 200, libreOfficeForms: 40, gen: { units: 2000, projectsPerUnit: 25, years: [2021, 2025] as const, seed: 1 }, seconds: 20, uiRuns: 7 };

const rows = new Map<Key, Row>();
const unmeasured = (key: Key, goal: string, command: string) => rows.set(key, { value: null, baseline: '—', ratio: null, goal, met: null, load: null, command });
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function step<T>(name: string, keys: readonly Key[], work: () => Promise<T>): Promise<T | null> {
  const start = performance.now();
  try {
    const result = await work();
    log(`bench: ${name} done in ${((performance.now() - start) / 1000).toFixed(0)} s (load ${loadavg()[0]!.toFixed(2)})`);
    return result;
  } catch (error) {
    process.stderr.write(`bench: ${name} could not be measured (${keys.join(', ')} are null): ${(error as Error).stack ?? String(error)}\n`);
    return null;
  }
}

const started = performance.now();
const startedAt = new Date().toISOString();
log(`machine: ${machine()}; ${quick ? 'quick' : 'full'} run`);

// Checks.
const CHECK_CMD = `node --import tsx bench/check.bench.ts ${SIZES.check}`;
const check = await step('check', ['check_forms_per_s'], async () => measureCheck(SIZES.check));
if (check) {
  rows.set('check_forms_per_s', {
    value: Math.round(check.formsPerS), baseline: `zod validation of the same ${check.forms} forms: ${check.zodFormsPerS.toFixed(0)} forms/s`,
    ratio: check.formsPerS / check.zodFormsPerS, goal: '≥ 20,000', met: check.formsPerS >= 20_000, load: check.load, command: CHECK_CMD,
  });
} else unmeasured('check_forms_per_s', '≥ 20,000', CHECK_CMD);

// Import.
const IMPORT_CMD = 'node --import tsx bench/import.bench.ts';
// Text: the whole import (sniff, read, checks) in process, median of many after a warm-up (import.bench.ts says why).
const text = await step('text import', ['import_text_forms_per_s'], () => measureImport('text', { worker: false }));
if (text) {
  const rate = (text.forms * 1000) / text.inProcessMs;
  const base = (text.forms * 1000) / text.baselineMs;
  rows.set('import_text_forms_per_s', {
    value: round(rate), baseline: `decode + split lines of the same file: ${base.toFixed(0)} forms/s`, ratio: rate / base,
    goal: '≥ 2,000', met: rate >= 2_000, load: text.load,
    command: `${IMPORT_CMD} (text row, in process: \`${text.file}\`, ${text.forms} forms; median of ${text.runs} imports after ${text.warmup}, ${text.inProcessCpuMs.toFixed(2)} ms CPU each)`,
  });
} else unmeasured('import_text_forms_per_s', '≥ 2,000', IMPORT_CMD);

const pdf = await step('PDF import', ['import_pdf_pages_per_s', 'import_pdf_vs_pdftotext'], () => measureImport('PDF', { runs: SIZES.importRuns, worker: false }));
if (pdf) {
  const rate = (pdf.pages * 1000) / pdf.inProcessMs;
  const base = (pdf.pages * 1000) / pdf.baselineMs;
  const command = `${IMPORT_CMD} (PDF row, in process: \`${pdf.file}\`, ${pdf.pages} pages)`;
  rows.set('import_pdf_pages_per_s', { value: round(rate), baseline: `pdftotext -layout: ${base.toFixed(1)} pages/s`, ratio: rate / base, goal: '—', met: null, load: pdf.load, command });
  rows.set('import_pdf_vs_pdftotext', { value: round(rate / base, 2), baseline: 'pdftotext -layout = 1', ratio: rate / base, goal: '—', met: null, load: pdf.load, command });
} else {
  unmeasured('import_pdf_pages_per_s', '—', IMPORT_CMD);
  unmeasured('import_pdf_vs_pdftotext', '—', IMPORT_CMD);
}

// PDF export.
const EXPORT_CMD = `node --import tsx bench/export-pdf.bench.ts ${SIZES.exportForms} ${SIZES.libreOfficeForms}`;
const exported = await step('PDF export', ['export_pdf_forms_per_s', 'export_pdf_vs_libreoffice'], () => measureExportPdf(SIZES.exportForms, SIZES.libreOfficeForms));
if (exported) {
  const lo = exported.libreOfficeFormsPerS;
  rows.set('export_pdf_forms_per_s', {
    value: round(exported.formsPerS),
    baseline: lo === null ? 'LibreOffice not measured (see stderr)' : `LibreOffice, ${exported.libreOfficeForms} forms from XLSX: ${lo.toFixed(2)} forms/s`,
    ratio: lo === null ? null : exported.formsPerS / lo, goal: '≥ 50', met: exported.formsPerS >= 50, load: exported.load,
    command: `${EXPORT_CMD} (one thread, ${exported.forms} forms in one document)`,
  });
  if (lo === null) {
    process.stderr.write(`bench: export_pdf_vs_libreoffice is null: ${exported.libreOfficeProblem}\n`);
    unmeasured('export_pdf_vs_libreoffice', '≥ 20×', EXPORT_CMD);
  } else {
    const vs = exported.formsPerSOnLibreOfficeForms / lo;
    rows.set('export_pdf_vs_libreoffice', {
      value: round(vs), baseline: `jixiao ${exported.formsPerSOnLibreOfficeForms.toFixed(1)} vs LibreOffice ${lo.toFixed(2)} forms/s on the same ${exported.libreOfficeForms} forms`,
      ratio: vs, goal: '≥ 20×', met: vs >= 20, load: exported.load, command: `${EXPORT_CMD} (the LibreOffice line)`,
    });
  }
} else {
  unmeasured('export_pdf_forms_per_s', '≥ 50', EXPORT_CMD);
  unmeasured('export_pdf_vs_libreoffice', '≥ 20×', EXPORT_CMD);
}

// The web UI in Chromium (issue 13): the split build against the same sources built as one script.
const UI_CMD = `node --import tsx bench/ui.bench.ts --runs ${SIZES.uiRuns}`;
const UI_KEYS = ['ui_login_js_kb_gz', 'ui_list_js_kb_gz', 'ui_editor_js_kb_gz', 'ui_login_cold_ms', 'ui_list_cold_ms', 'ui_editor_cold_ms', 'ui_list_warm_ms'] as const;
const ui = await step('web UI in Chromium', UI_KEYS, () => measureUi({ runs: SIZES.uiRuns, log }));
if (ui) {
  const { split, single } = ui;
  const kb = (bytes: number) => round(bytes / 1024);
  const jsRow = (key: Key, route: 'login' | 'list' | 'editor', goal: string, limitKb: number | null) => {
    const s = split.routes[route];
    const b = single.routes[route];
    rows.set(key, {
      value: kb(s.jsGzipBytes), baseline: `the same sources as one script: ${kb(b.jsGzipBytes)} KB`, ratio: s.jsGzipBytes / b.jsGzipBytes,
      goal, met: limitKb === null ? null : s.jsGzipBytes / 1024 <= limitKb, load: split.load,
      command: `${UI_CMD} (JavaScript of ${route === 'editor' ? '/evaluations/ID' : s.path} in a new context until its data shows, gzip -9 of each file; ${s.files.length} files, ${kb(s.jsTransferBytes)} KB transferred as brotli)`,
    });
  };
  jsRow('ui_login_js_kb_gz', 'login', '≤ 300', 300);
  jsRow('ui_list_js_kb_gz', 'list', '—', null);
  jsRow('ui_editor_js_kb_gz', 'editor', '≤ 600', 600);
  const msRow = (key: Key, route: 'login' | 'list' | 'editor', kind: 'cold' | 'warm', goal: string, limitMs: number | null) => {
    const s = split[kind][route];
    const b = single[kind][route];
    rows.set(key, {
      value: round(s.medianMs, 0),
      baseline: `the same sources as one script: ${b.medianMs.toFixed(0)} ms (main thread busy ${s.medianTaskMs.toFixed(0)} ms split, ${b.medianTaskMs.toFixed(0)} ms one script); a static HTML page: ${ui.staticHtml.medianMs.toFixed(0)} ms`,
      ratio: s.medianMs / b.medianMs, goal, met: limitMs === null ? null : s.medianMs < limitMs, load: split.load,
      command: `${UI_CMD} (${kind === 'cold' ? 'a new context each load, empty cache' : 'the cache filled by a first load'}: navigation start to the first frame with the page's data; median of ${ui.runs})`,
    });
  };
  msRow('ui_login_cold_ms', 'login', 'cold', '—', null);
  msRow('ui_list_cold_ms', 'list', 'cold', '< 1,000', 1000);
  msRow('ui_editor_cold_ms', 'editor', 'cold', '—', null);
  msRow('ui_list_warm_ms', 'list', 'warm', '—', null);
} else {
  for (const key of UI_KEYS) unmeasured(key, key === 'ui_login_js_kb_gz' ? '≤ 300' : key === 'ui_editor_js_kb_gz' ? '≤ 600' : key === 'ui_list_cold_ms' ? '< 1,000' : '—', UI_CMD);
}

// The API and the dashboard, on each database.
const api: Partial<Record<'sqlite' | 'postgres', ApiFigures>> = {};
for (const dialect of ['sqlite', 'postgres'] as const) {
  const suffix = dialect === 'postgres' ? '_pg' : '';
  const keys = [`api_put_rps${suffix}`, `api_put_p99_ms${suffix}`, `api_put_vs_bare${suffix}`, `dashboard_ms_${dialect === 'postgres' ? 'pg' : 'sqlite'}`] as Key[];
  const command = `node --import tsx bench/api.bench.ts ${dialect}${quick ? '' : ' --full'}`;
  const f = await step(`API and dashboard on ${dialect}`, keys, () => measureApi(dialect, { gen: SIZES.gen, seconds: SIZES.seconds, log }));
  const [rpsKey, p99Key, vsKey, dashKey] = keys as [Key, Key, Key, Key];
  if (!f) {
    unmeasured(rpsKey, '≥ 1,000', command);
    unmeasured(p99Key, '≤ 50', command);
    unmeasured(vsKey, '≥ 0.3', command);
    unmeasured(dashKey, '≤ 300', command);
    for (const key of listKeys(suffix)) unmeasured(key, '—', command);
    continue;
  }
  listRows(f, suffix, command);
  api[dialect] = f;
  const bare = `bare node:http handler: ${f.bare.rps.toFixed(0)} req/s, p99 ${f.bare.p99Ms} ms`;
  const put = `${command} (PUT, 32 connections, ${SIZES.seconds} s after a warm-up; ${f.gen.evaluations.toLocaleString('en-US')} forms generated)`;
  rows.set(rpsKey, { value: round(f.put.rps), baseline: bare, ratio: f.put.rps / f.bare.rps, goal: '≥ 1,000', met: f.put.rps >= 1_000, load: f.put.load, command: put });
  rows.set(p99Key, { value: f.put.p99Ms, baseline: bare, ratio: f.put.p99Ms / f.bare.p99Ms, goal: '≤ 50', met: f.put.p99Ms <= 50, load: f.put.load, command: put });
  rows.set(vsKey, { value: round(f.put.rps / f.bare.rps, 3), baseline: bare, ratio: f.put.rps / f.bare.rps, goal: '≥ 0.3', met: f.put.rps / f.bare.rps >= 0.3, load: f.put.load, command: put });
  rows.set(dashKey, {
    value: round(f.dashboardMs), baseline: `the year's ${f.dashboardRows.toLocaleString('en-US')} summary rows by one query in the driver: ${f.dashboardBaselineMs.toFixed(0)} ms`,
    ratio: f.dashboardMs / f.dashboardBaselineMs, goal: '≤ 300', met: f.dashboardMs <= 300, load: f.dashboardLoad,
    command: `${command} (GET /api/dashboard?year=${f.dashboardYear} as the reviewer: ${f.dashboardRows.toLocaleString('en-US')} rows of ${f.gen.evaluations.toLocaleString('en-US')}; median of 5)`,
  });
}
function listKeys(suffix: string): Key[] {
  return ['public_list_ms', 'public_list_kb', 'list_ms', 'list_kb', 'health_under_public_load_ms'].map((k) => `${k}${suffix}` as Key);
}

/** The lists of issue 12: default pages (time and size) and /api/health among 50 anonymous readers. */
function listRows(f: ApiFigures, suffix: string, command: string): void {
  const [pub, pubKb, list, listKb, health] = listKeys(suffix) as [Key, Key, Key, Key, Key];
  const l = f.lists;
  const how = `${command} (default pages, 50 rows; ${l.publicTotal.toLocaleString('en-US')} published, ${l.listTotal.toLocaleString('en-US')} forms the reviewer sees; median of 5)`;
  rows.set(pub, {
    value: round(l.publicColdMs), baseline: `served again (kept 5 s): ${l.publicMs.toFixed(1)} ms; /api/health alone ${l.healthMs.toFixed(1)} ms`,
    ratio: l.publicColdMs / l.healthMs, goal: '≤ 50', met: l.publicColdMs <= 50, load: l.load, command: `${how}; the figure: the page computed, the first asked`,
  });
  rows.set(pubKb, { value: round(l.publicBytes / 1024), baseline: 'the whole published list before paging: every row', ratio: null, goal: '≤ 100', met: l.publicBytes <= 100 * 1024, load: l.load, command: how });
  rows.set(list, { value: round(l.listMs), baseline: `/api/health alone ${l.healthMs.toFixed(1)} ms`, ratio: l.listMs / l.healthMs, goal: '—', met: null, load: l.load, command: how });
  rows.set(listKb, { value: round(l.listBytes / 1024), baseline: 'the whole list before paging: every row', ratio: null, goal: '—', met: null, load: l.load, command: how });
  rows.set(health, {
    value: round(l.healthUnderLoadMs), baseline: `/api/health alone ${l.healthMs.toFixed(1)} ms; among 50 readers each on a page of its own: ${l.healthUnderDistinctMs.toFixed(1)} ms`,
    ratio: l.healthUnderLoadMs / l.healthMs, goal: '≤ 100', met: l.healthUnderLoadMs <= 100, load: l.load,
    command: `${command} (worst of 5 rounds of 50 anonymous GET /api/public/evaluations at once, /api/health among them)`,
  });
}

const rss = [api.sqlite, api.postgres].filter((f): f is ApiFigures => f !== undefined);
if (rss.length > 0) {
  const worst = rss.reduce((a, b) => (a.rssMb >= b.rssMb ? a : b));
  rows.set('server_rss_mb', {
    value: round(worst.rssMb), baseline: `bare handler peak RSS: ${worst.bareRssMb.toFixed(0)} MB`, ratio: worst.rssMb / worst.bareRssMb,
    goal: '≤ 300', met: worst.rssMb <= 300, load: worst.put.load,
    command: `VmHWM of the app process after the PUT load (${rss.map((f) => `${f.dialect} ${f.rssMb.toFixed(0)} MB`).join(', ')})`,
  });
} else unmeasured('server_rss_mb', '≤ 300', 'node --import tsx bench/api.bench.ts');

const totalS = (performance.now() - started) / 1000;
log(`bench: ${quick ? 'quick' : 'full'} run took ${(totalS / 60).toFixed(1)} min`);

const fmt = (n: number | null, digits = 2) => (n === null ? '—' : Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: digits }));
function table(): string {
  const lines = ['| figure | value | baseline (same run) | ratio to baseline | goal | met | load avg (1 min) |', '|---|---|---|---|---|---|---|'];
  for (const key of FIGURE_KEYS) {
    const r = rows.get(key)!;
    lines.push(`| \`${key}\` | ${fmt(r.value)} | ${r.baseline} | ${fmt(r.ratio)} | ${r.goal} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} | ${r.load === null ? '—' : r.load.toFixed(2)} |`);
  }
  return lines.join('\n');
}

if (asJson) {
  process.stdout.write(`${JSON.stringify(Object.fromEntries(FIGURE_KEYS.map((k) => [k, rows.get(k)?.value ?? null])), null, 2)}\n`);
} else {
  log('');
  log(table());
}

if (!quick) {
  const ANALYSIS = '<!-- analysis: kept when bench/run.ts rewrites this file -->';
  const previous = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '';
  const kept = previous.includes(ANALYSIS) ? previous.slice(previous.indexOf(ANALYSIS)) : `${ANALYSIS}\n`;
  const commands = FIGURE_KEYS.map((k) => `- \`${k}\`: ${rows.get(k)!.command}`).join('\n');
  const text = `# Benchmarks

Written by \`npm run bench\` (the full run) on ${startedAt}; the run took ${(totalS / 60).toFixed(1)} minutes.
\`npm run bench -- --quick\` measures the same figures on small inputs in a few minutes; \`--json\` prints them as one object.

**Machine:** ${machine()}. The machine is shared with other work: the 1-minute load average when each
figure was taken is in the last column (above 2 means the two cores were already busy).

## Figures

${table()}

Ratios: the figure divided by its baseline (for p99, the dashboard and the UI's sizes and times, lower is better; for the rest, higher).

## Commands

Every figure comes from \`npm run bench\`; each module also runs alone:

${commands}

The province: \`jixiao gen --units ${SIZES.gen.units} --projects-per-unit ${SIZES.gen.projectsPerUnit} --years ${SIZES.gen.years[0]}-${SIZES.gen.years[1]} --seed ${SIZES.gen.seed}\`
into a scratch database of each kind (${rss.map((f) => `${f.dialect}: ${f.gen.evaluations.toLocaleString('en-US')} forms in ${(f.gen.ms / 1000).toFixed(0)} s`).join('; ')}).

${kept}`;
  writeFileSync('BENCHMARKS.md', text);
  log('bench: wrote BENCHMARKS.md');
}
