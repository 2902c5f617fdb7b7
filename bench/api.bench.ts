/**
 * The API under load, and the dashboard of a generated province, on SQLite or PostgreSQL.
 *
 * PUT /api/evaluations/:id under 32 connections (autocannon, in this process): the application in
 * its own process as `npm start` runs it (`jixiao serve` from the compiled build, built first when
 * stale; JIXIAO_RUN=source for the TypeScript through tsx; JIXIAO_BENCH_NODE_FLAGS adds node flags),
 * each of 32 preparers logged in (session cookie, X-CSRF-Token) saving an editable evaluation of
 * its unit with its current version and one changed field (so every save writes the document,
 * the columns and an audit entry). Each in-flight request holds its own evaluation. Baseline: a
 * bare node:http handler in its own process that reads and parses the same JSON bodies and answers
 * 200, under the same generator and the same bodies in the same run. The server's peak RSS is
 * VmHWM from /proc/PID/status after the load.
 *
 * The dashboard: what its page loads — GET /api/dashboard?year= (the overview) and the table's
 * first page (GET /api/dashboard/table, by score) asked together — as the finance reviewer (who
 * sees every unit), for a past year (every form visible), median of 5 after a warm-up, on a fresh
 * server process, timed until both answers have arrived. Also logged: each alone and the last page.
 * Baseline: the same year's summary rows read with one query by the driver in this process (what
 * the dashboard read before its table was paged).
 *   node --import tsx bench/api.bench.ts [sqlite|postgres] [--full]
 *
 * --put-only: the PUT load alone (no dashboard, no lists), `--rounds R` times (default 1), each round
 * the bare handler and then the application of each `--bin PATH` in turn (default: this checkout's
 * bin/jixiao.js; several give a before/after measured alternately on the same province, the
 * machine's other load spread over both). JIXIAO_BENCH_SERVE_ARGS adds arguments to `jixiao serve`
 * (e.g. `--workers 2`). `--seconds S`: the length of each measured load (default 5, 20 with --full).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { buildIsFresh } from '../bin/server-build.js';
import type { GenOptions } from '../src/cli/commands/gen.ts';
import type { DialectName } from '../src/storage/dialect.ts';
import { openDatabase } from '../src/storage/open-database.ts';
import { machine, medianMs } from './machine.ts';
import { BENCH_PASSWORD, province, type Province } from './province.ts';

export const CONNECTIONS = 32;
/** The pause after the warm-up load, for the answers still in flight. */
const WARM_UP_SETTLE_MS = 500;

export interface LoadFigures {
  rps: number;
  p99Ms: number;
  p50Ms: number;
  non2xx: number;
  errors: number;
  requests: number;
  load: number;
}

/** The lists of a province (issue 12): their default pages, and /api/health under a crowd of anonymous readers. */
export interface ListFigures {
  /** GET /api/public/evaluations, anonymous: the default page computed (the first asked, on a warm process: nothing kept yet), and served kept (median of five more). */
  publicColdMs: number;
  publicMs: number;
  publicBytes: number;
  publicTotal: number;
  /** GET /api/evaluations as the finance reviewer (every unit's sent forms): median of five. */
  listMs: number;
  listBytes: number;
  listTotal: number;
  /** /api/health alone, and among 50 anonymous requests of the default page, and of 50 pages (worst of five rounds each). */
  healthMs: number;
  healthUnderLoadMs: number;
  healthUnderDistinctMs: number;
  load: number;
}

export interface ApiFigures {
  dialect: DialectName;
  lists: ListFigures;
  gen: Province['gen'];
  put: LoadFigures;
  bare: LoadFigures;
  rssMb: number;
  bareRssMb: number;
  dashboardMs: number;
  dashboardRows: number;
  dashboardYear: number;
  dashboardBaselineMs: number;
  dashboardLoad: number;
}

const SERVER = fileURLToPath(new URL('./server-process.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../bin/jixiao.js', import.meta.url));
/** Node's flags for the application's process, as `npm start` gives them (package.json). */
export const APP_NODE_FLAGS = (process.env.JIXIAO_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** The compiled server (npm run build:server), built first when the sources are newer. */
export function ensureServerBuild(log: (line: string) => void): void {
  if (buildIsFresh()) return;
  log('bench: building the server (npm run build:server)');
  const built = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/build-server.js', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build:server failed');
}

/**
 * `app`: the application as `npm start` runs it — `jixiao serve` from the compiled build, on the
 * bench's database (not empty, so without the demo); `bare`: bench/server-process.ts bare.
 */
export async function startServer(mode: 'app' | 'bare', databaseUrl?: string, bin = BIN): Promise<Running> {
  // JIXIAO_BENCH_PROFILE=DIR: the servers write CPU profiles there (node --cpu-prof), for finding what bounds a figure.
  const profile = process.env.JIXIAO_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.JIXIAO_BENCH_PROFILE}`] : [];
  const serveArgs = (process.env.JIXIAO_BENCH_SERVE_ARGS ?? '').split(' ').filter(Boolean);
  const args = mode === 'app' ? [...APP_NODE_FLAGS, bin, 'serve', '--port', '0', '--host', '127.0.0.1', ...serveArgs] : ['--import', 'tsx', SERVER, mode];
  const child = spawn(process.execPath, [...profile, ...args], {
    env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), JIXIAO_RUN: process.env.JIXIAO_RUN ?? 'build' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      // `listening PORT` (server-process.ts) or `listening on http://localhost:PORT/` (jixiao serve).
      const m = /listening (?:on http:\/\/localhost:)?(\d+)/u.exec(out);
      if (!m) return;
      // From here on the output (a JSON line per request) is read and dropped: kept, it would cost the bench's own process.
      child.stdout!.off('data', onData).resume();
      resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  return {
    child,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/u.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, username: string): Promise<Session> {
  const response = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = /jixiao_session=[^;]+/u.exec(response.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

interface Slot {
  id: string;
  session: Session;
  version: number;
  evaluation: Record<string, unknown> & { annualGoal?: string };
  goal: string;
  saves: number;
}

async function slotsOf(base: string, p: Province): Promise<Slot[]> {
  const slots: Slot[] = [];
  for (const { username, evaluationId } of p.preparers) {
    const session = await login(base, username);
    slots.push({ id: evaluationId, session, version: 0, evaluation: {}, goal: '', saves: 0 });
  }
  await refresh(base, slots);
  return slots;
}

/** Each slot's current version and document, from the server (before a run: a stopped run leaves requests unanswered). */
async function refresh(base: string, slots: Slot[]): Promise<void> {
  for (const slot of slots) {
    const response = await fetch(`${base}/api/evaluations/${slot.id}`, { headers: { cookie: slot.session.cookie } });
    if (response.status !== 200) throw new Error(`GET ${slot.id}: ${response.status}`);
    const detail = (await response.json()) as { version: number; evaluation: Slot['evaluation'] };
    slot.version = detail.version;
    slot.evaluation = detail.evaluation;
    slot.goal ||= detail.evaluation.annualGoal ?? '';
  }
}

/** 32 connections of PUTs for `seconds`: each request takes a free evaluation (with its version) and gives it back when answered. */
async function putLoad(port: number, slots: Slot[], seconds: number): Promise<LoadFigures> {
  const free = [...slots];
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          const slot = free.pop();
          if (!slot) throw new Error('more requests in flight than evaluations');
          (context as { slot?: Slot }).slot = slot;
          slot.saves++;
          // An autosave: one field changed since the saved version.
          const evaluation = { ...slot.evaluation, annualGoal: `${slot.goal}（第${slot.saves}次保存）` };
          return {
            ...request,
            path: `/api/evaluations/${slot.id}`,
            headers: { 'content-type': 'application/json', cookie: slot.session.cookie, 'x-csrf-token': slot.session.csrf },
            body: JSON.stringify({ version: slot.version, evaluation }),
          };
        },
        onResponse: (status, body, context) => {
          const slot = (context as { slot?: Slot }).slot;
          if (!slot) return;
          if (status === 200 || status === 409) slot.version = (JSON.parse(body) as { version: number }).version;
          free.push(slot);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests: result.requests.total,
    load: loadavg()[0]!,
  };
}

async function measuredLoad(port: number, base: string, slots: Slot[], seconds: number, app: boolean): Promise<LoadFigures> {
  await putLoad(port, slots, Math.max(2, Math.round(seconds / 4))); // warm-up: JIT, connection pool, page cache
  // autocannon stops without waiting for the answers in flight: let the server finish them before the
  // versions are read again, or a save still committing makes the measured run's first PUT stale (409).
  await delay(WARM_UP_SETTLE_MS);
  if (app) await refresh(base, slots);
  return putLoad(port, slots, seconds);
}

async function dashboard(p: Province, year: number): Promise<{ ms: number; rows: number; baselineMs: number; load: number; parts: string }> {
  const server = await startServer('app', p.url);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { cookie } = await login(base, p.reviewer);
    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return response.arrayBuffer();
    };
    const overview = `/api/dashboard?year=${year}`;
    const firstPage = `/api/dashboard/table?year=${year}&sort=score&order=desc&limit=50&offset=0`;
    let body = new ArrayBuffer(0);
    // What the page loads: the overview and the table's first page, asked together as the browser
    // does; timed until both answers have arrived (parsing them is the client's time, not the server's).
    const ms = await medianMs(5, async () => {
      [body] = await Promise.all([get(overview), get(firstPage)]);
    });
    const rows = (JSON.parse(new TextDecoder().decode(body)) as { total: number }).total;
    // Each alone, and the last page (the deepest offset), for the analysis.
    const overviewMs = await medianMs(5, () => get(overview));
    const firstPageMs = await medianMs(5, () => get(firstPage));
    const lastPageMs = await medianMs(5, () => get(`/api/dashboard/table?year=${year}&sort=score&order=desc&limit=50&offset=${Math.max(0, rows - 50)}`));
    const parts = `overview ${overviewMs.toFixed(0)} ms (${body.byteLength} bytes), first page ${firstPageMs.toFixed(0)} ms, last page ${lastPageMs.toFixed(0)} ms`;
    const load = loadavg()[0]!;
    const database = openDatabase(p.url);
    try {
      const baselineMs = await medianMs(5, () =>
        database.db
          .selectFrom('evaluations')
          .innerJoin('units', 'units.id', 'evaluations.unit_id')
          .select(['evaluations.id', 'evaluations.unit_id', 'units.name', 'evaluations.year', 'evaluations.project', 'evaluations.template', 'evaluations.status', 'evaluations.version', 'evaluations.score', 'evaluations.grade', 'evaluations.execution_rate', 'evaluations.budget_fen', 'evaluations.updated_at'])
          .where('evaluations.year', '=', year)
          .execute(),
      );
      return { ms, rows, baselineMs, load, parts };
    } finally {
      await database.close();
    }
  } finally {
    await server.stop();
  }
}

export async function lists(p: Province): Promise<ListFigures> {
  const server = await startServer('app', p.url);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { cookie } = await login(base, p.reviewer);
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${path}`, { headers });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return response.arrayBuffer();
    };
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    let publicBody = new ArrayBuffer(0);
    // The code path warmed on a year with nothing published, then the default page computed (nothing kept yet), then served kept.
    await medianMs(3, () => get('/api/public/evaluations?year=1999'));
    const publicColdMs = await timed(async () => { publicBody = await get('/api/public/evaluations'); });
    const publicMs = await medianMs(5, () => get('/api/public/evaluations'));
    let listBody = new ArrayBuffer(0);
    const listMs = await medianMs(5, async () => { listBody = await get('/api/evaluations', { cookie }); });
    const total = (body: ArrayBuffer) => (JSON.parse(new TextDecoder().decode(body)) as { total: number }).total;
    const healthMs = await medianMs(5, () => get('/api/health'));
    /** The worst /api/health of five rounds, each among 50 anonymous list requests `path(round, i)`. */
    const healthAmong = async (path: (round: number, i: number) => string) => {
      let worst = 0;
      for (let round = 0; round < 5; round++) {
        const readers = Array.from({ length: 50 }, (_, i) => fetch(`${base}${path(round, i)}`).then((r) => r.arrayBuffer()));
        worst = Math.max(worst, await timed(() => get('/api/health')));
        await Promise.all(readers);
      }
      return worst;
    };
    // Fifty readers of the public list's default page (what a crowd loads), and fifty each on a page of its own (no two share a computation).
    const healthUnderLoadMs = await healthAmong(() => '/api/public/evaluations');
    const healthUnderDistinctMs = await healthAmong((round, i) => `/api/public/evaluations?offset=${(round * 50 + i + 1) * 50}`);
    return {
      publicColdMs, publicMs, publicBytes: publicBody.byteLength, publicTotal: total(publicBody),
      listMs, listBytes: listBody.byteLength, listTotal: total(listBody), healthMs, healthUnderLoadMs, healthUnderDistinctMs, load: loadavg()[0]!,
    };
  } finally {
    await server.stop();
  }
}

export interface ApiOptions {
  gen: GenOptions;
  seconds: number;
  log?: (line: string) => void;
}

/** Generates the province on `dialect`, measures the dashboard and the PUT load against the bare handler, and drops the database. */
export async function measureApi(dialect: DialectName, options: ApiOptions): Promise<ApiFigures> {
  const log = options.log ?? (() => {});
  if ((process.env.JIXIAO_RUN ?? 'build') === 'build') ensureServerBuild(log);
  const p = await province(dialect, options.gen, CONNECTIONS);
  log(`${dialect}: generated ${p.gen.evaluations} evaluations of ${p.gen.units} units in ${(p.gen.ms / 1000).toFixed(1)} s`);
  try {
    const year = options.gen.years[1] > options.gen.years[0] ? options.gen.years[1] - 1 : options.gen.years[1];
    const dash = await dashboard(p, year);
    log(`${dialect}: dashboard ${year}: ${dash.ms.toFixed(0)} ms for a year of ${dash.rows} rows (${dash.parts}; the year's rows by one query in the driver: ${dash.baselineMs.toFixed(0)} ms)`);
    const listed = await lists(p);
    log(`${dialect}: public list ${listed.publicColdMs.toFixed(1)} ms cold, ${listed.publicMs.toFixed(1)} ms after (${listed.publicBytes} bytes, ${listed.publicTotal} published); `
      + `reviewer's list ${listed.listMs.toFixed(1)} ms (${listed.listBytes} bytes, ${listed.listTotal} forms); /api/health ${listed.healthMs.toFixed(1)} ms alone, ${listed.healthUnderLoadMs.toFixed(1)} ms among 50 anonymous readers of the default page, ${listed.healthUnderDistinctMs.toFixed(1)} ms among 50 on pages of their own`);

    const bareServer = await startServer('bare');
    let bare: LoadFigures;
    let bareRssMb: number;
    try {
      const base = `http://127.0.0.1:${bareServer.port}`;
      const appServerForSlots = await startServer('app', p.url);
      let slots: Slot[];
      try {
        slots = await slotsOf(`http://127.0.0.1:${appServerForSlots.port}`, p);
      } finally {
        await appServerForSlots.stop();
      }
      // The bare handler gets the same bodies; its answers carry version + 1 as the app's do.
      bare = await measuredLoad(bareServer.port, base, slots, options.seconds, false);
      bareRssMb = peakRssMb(bareServer.child.pid!);
    } finally {
      await bareServer.stop();
    }
    log(`${dialect}: bare handler ${bare.rps.toFixed(0)} req/s, p99 ${bare.p99Ms} ms`);

    const appServer = await startServer('app', p.url);
    try {
      const base = `http://127.0.0.1:${appServer.port}`;
      const slots = await slotsOf(base, p);
      const put = await measuredLoad(appServer.port, base, slots, options.seconds, true);
      const rssMb = peakRssMb(appServer.child.pid!);
      log(`${dialect}: PUT ${put.rps.toFixed(0)} req/s, p99 ${put.p99Ms} ms, non-2xx ${put.non2xx}, peak RSS ${rssMb.toFixed(0)} MB`);
      return {
        dialect, gen: p.gen, put, bare, rssMb, bareRssMb, lists: listed,
        dashboardMs: dash.ms, dashboardRows: dash.rows, dashboardYear: year, dashboardBaselineMs: dash.baselineMs, dashboardLoad: dash.load,
      };
    } finally {
      await appServer.stop();
    }
  } finally {
    await p.drop();
  }
}

export interface PutRound {
  bare: LoadFigures;
  /** Per application binary, in the order given. */
  apps: Array<{ bin: string; put: LoadFigures; rssMb: number }>;
}

/**
 * The PUT load alone on one generated province: `rounds` rounds, each the bare handler and then the
 * application of each of `bins` in turn (a before and an after, measured alternately).
 */
export async function measurePut(dialect: DialectName, options: ApiOptions & { bins: string[]; rounds: number }): Promise<PutRound[]> {
  const log = options.log ?? (() => {});
  if ((process.env.JIXIAO_RUN ?? 'build') === 'build') ensureServerBuild(log);
  const p = await province(dialect, options.gen, CONNECTIONS);
  log(`${dialect}: generated ${p.gen.evaluations} evaluations of ${p.gen.units} units in ${(p.gen.ms / 1000).toFixed(1)} s`);
  const rounds: PutRound[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const bareServer = await startServer('bare');
      let bare: LoadFigures;
      try {
        const appServer = await startServer('app', p.url, options.bins[0]);
        let slots: Slot[];
        try {
          slots = await slotsOf(`http://127.0.0.1:${appServer.port}`, p);
        } finally {
          await appServer.stop();
        }
        bare = await measuredLoad(bareServer.port, '', slots, options.seconds, false);
      } finally {
        await bareServer.stop();
      }
      log(`${dialect} round ${round}: bare handler ${bare.rps.toFixed(0)} req/s, p99 ${bare.p99Ms} ms (load ${bare.load.toFixed(2)})`);
      const apps: PutRound['apps'] = [];
      for (const bin of options.bins) {
        const appServer = await startServer('app', p.url, bin);
        try {
          const base = `http://127.0.0.1:${appServer.port}`;
          const put = await measuredLoad(appServer.port, base, await slotsOf(base, p), options.seconds, true);
          const rssMb = peakRssMb(appServer.child.pid!);
          apps.push({ bin, put, rssMb });
          log(`${dialect} round ${round}: ${bin}: PUT ${put.rps.toFixed(0)} req/s, p99 ${put.p99Ms} ms, p50 ${put.p50Ms} ms, non-2xx ${put.non2xx}, errors ${put.errors}, `
            + `÷ bare ${(put.rps / bare.rps).toFixed(3)}, peak RSS ${rssMb.toFixed(0)} MB (load ${put.load.toFixed(2)})`);
        } finally {
          await appServer.stop();
        }
      }
      rounds.push({ bare, apps });
    }
    return rounds;
  } finally {
    await p.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const dialect = (argv.find((a) => !a.startsWith('--') && !['--bin', '--rounds', '--seconds'].includes(argv[argv.indexOf(a) - 1] ?? '')) ?? 'sqlite') as DialectName;
  const full = argv.includes('--full');
  const valuesOf = (flag: string) => argv.flatMap((a, i) => (argv[i - 1] === flag ? [a] : []));
  const gen: GenOptions = full ? { units: 2000, projectsPerUnit: 25, years: [2021, 2025], seed: 1 } : { units: 40, projectsPerUnit: 25, years: [2023, 2024], seed: 1 };
  const seconds = Number(valuesOf('--seconds')[0] ?? (full ? 20 : 5));
  console.log(`machine: ${machine()}`);
  if (argv.includes('--put-only')) {
    const bins = valuesOf('--bin');
    await measurePut(dialect, { gen, seconds, bins: bins.length > 0 ? bins : [BIN], rounds: Number(valuesOf('--rounds')[0] ?? 1), log: (line) => console.log(line) });
  } else {
    const figures = await measureApi(dialect, { gen, seconds, log: (line) => console.log(line) });
    console.log(`PUT ÷ bare: ${(figures.put.rps / figures.bare.rps).toFixed(2)}`);
  }
}
