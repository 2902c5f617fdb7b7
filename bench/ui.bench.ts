/**
 * The web UI's load (issue 13), in headless Chromium (/usr/bin/chromium, never a downloaded browser)
 * against the real server: createApp with the demo on a fresh SQLite file (bench/server-process.ts
 * ui), serving a build of the UI made by this run from the current sources.
 *
 * Two builds of the same sources, each served the same way (precompressed, cached by the same rules):
 * - `split`: the build as shipped (vite.config.ts: a chunk per page, vendor chunks);
 * - `single`: the baseline, JIXIAO_UI_SINGLE_BUNDLE=1: the app as one script, as it was built before
 *   the split (rolldown's codeSplitting off, the pages' dynamic imports inlined).
 *
 * Per build and route (login, evaluation list, editor, dashboard, public list): the JavaScript a new
 * browser context (empty cache) loads until the route's data is shown and the network is idle — files,
 * bytes, bytes gzipped (gzip -9 of each file: the .gz the server holds, the size the issue's goals are
 * written in) and bytes transferred (the encoded bodies Chromium received: brotli, as it asks for).
 *
 * Load times, for login, list and editor: navigation start to the first frame in which the page's
 * data is in the document (the test id the page renders with its data: `login-username`,
 * `evaluation-row`, `editor-project`), read in the page (performance.now() in the frame after a
 * MutationObserver saw it), and the renderer's main thread busy until then; median of `runs`
 * after one load that warms the server. Both builds are served at once (a process and a database
 * each) and their loads alternate, so that what else the machine runs weighs on both alike.
 * - cold: a new browser context each load (empty HTTP cache, the session cookie of an API login);
 * - warm: one context whose first load filled the cache, then each load in a new page of it
 *   (the hashed assets `immutable`, index.html revalidated);
 * - slow network: cold, Chromium throttled to 10 Mbit/s down, 40 ms latency (where bytes count).
 * Also the same measure on a page of static HTML from a bare node:http server (what the browser
 * costs on its own).
 *   node --import tsx bench/ui.bench.ts [--runs N]
 */
import { execFile, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launch } from '../src/web/test/browser.ts';
import { machine } from './machine.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SERVER = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const PASSWORD = 'bench-ui-password';

export type RouteName = 'login' | 'list' | 'editor' | 'dashboard' | 'public';
export type TimedRoute = 'login' | 'list' | 'editor';
export type BuildName = 'split' | 'single';

export interface RouteFigures {
  route: RouteName;
  path: string;
  /** The JavaScript files loaded (URL paths), their bytes, gzipped (-9) and as transferred. */
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  jsTransferBytes: number;
  /** The Content-Encoding the scripts came with ('identity' when none). */
  encodings: string[];
}

export interface Timing {
  /** Navigation start to the first frame with the page's data, median of `runsMs`. */
  medianMs: number;
  runsMs: number[];
  /**
   * The renderer's main thread busy until then (Chromium's TaskDuration: script, style, layout,
   * paint), median: the work a load costs, which other processes on the machine inflate less than
   * the wall time.
   */
  medianTaskMs: number;
  /** Of which running JavaScript (ScriptDuration), median. */
  medianScriptMs: number;
}

interface Load {
  ms: number;
  taskMs: number;
  scriptMs: number;
}

function timing(loads: Load[]): Timing {
  return {
    medianMs: median(loads.map((l) => l.ms)), runsMs: loads.map((l) => l.ms),
    medianTaskMs: median(loads.map((l) => l.taskMs)), medianScriptMs: median(loads.map((l) => l.scriptMs)),
  };
}

export interface BuildFigures {
  build: BuildName;
  /** Every .js file of the build: count, bytes, gzipped (-9). */
  jsFiles: number;
  jsBytes: number;
  jsGzipBytes: number;
  buildMs: number;
  routes: Record<RouteName, RouteFigures>;
  cold: Record<TimedRoute, Timing>;
  warm: Record<TimedRoute, Timing>;
  slow: Record<'login' | 'list', Timing>;
  /** The highest 1-minute load average seen while the loads were done (both builds' loads alternate). */
  load: number;
}

export interface UiFigures {
  split: BuildFigures;
  single: BuildFigures;
  staticHtml: Timing;
  runs: number;
  chromium: string;
  chromiumVersion: string;
}

const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;
const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;

/** `vite build` of the current sources into `outDir` (a child process: its memory is not the bench's). */
function buildUi(outDir: string, single: boolean): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [VITE, 'build', '--config', 'src/web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT, timeout: 300_000, maxBuffer: 16 << 20,
      env: { ...process.env, JIXIAO_UI_SINGLE_BUNDLE: single ? '1' : '' },
    }, (error, stdout, stderr) => (error ? reject(new Error(`vite build failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(performance.now() - start)));
  });
}

function buildJs(dir: string): { files: number; bytes: number; gzipBytes: number } {
  const js = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of js) {
    const body = readFileSync(join(dir, 'assets', file));
    bytes += body.byteLength;
    gzipBytes += gz(body);
  }
  return { files: js.length, bytes, gzipBytes };
}

interface Running {
  base: string;
  stop(): Promise<void>;
}

/** bench/server-process.ts ui: the app with the demo on `databaseUrl`, serving `webRoot`. */
async function startServer(databaseUrl: string, webRoot: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, 'ui'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, JIXIAO_WEB_ROOT: webRoot, JIXIAO_DEMO_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the UI bench's server printed no port within 60 s: ${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/u.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData).resume();
      resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the UI bench's server exited with ${code}: ${out}`)); });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => { clearTimeout(killer); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

interface Login {
  cookie: { name: string; value: string };
}

async function apiLogin(base: string, username: string): Promise<Login> {
  const response = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const pair = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const eq = pair.indexOf('=');
  if (eq < 1) throw new Error(`login ${username}: no session cookie`);
  return { cookie: { name: pair.slice(0, eq), value: pair.slice(eq + 1) } };
}

/** A context of its own (empty cache), logged in as `login` when given, timing every page it opens. */
async function newContext(browser: Browser, base: string, testId: string | null, login?: Login): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  if (login) await context.addCookies([{ ...login.cookie, url: base }]);
  if (testId) await context.addInitScript({ content: shownAtScript(testId) });
  return context;
}

/** Installed before any script of the page: the time (ms from navigation start) of the first frame holding `[data-testid=ID]`. */
function shownAtScript(testId: string): string {
  return `(() => {
    const selector = '[data-testid="${testId}"]';
    const seen = () => {
      if (window.__shownAt !== undefined || !document.querySelector(selector)) return;
      window.__shownAt = -1;
      observer.disconnect();
      requestAnimationFrame(() => { window.__shownAt = performance.now(); });
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-testid'] });
    document.addEventListener('DOMContentLoaded', seen);
  })();`;
}

/**
 * Opens `url` in `page`: ms from navigation start to the first frame with the test id of its
 * context, and the main thread's busy time until the page saw it.
 */
async function timedLoad(context: BrowserContext, page: Page, url: string): Promise<Load> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  try {
    const handle = await page.waitForFunction(() => {
      const at = (window as unknown as { __shownAt?: number }).__shownAt;
      return at !== undefined && at >= 0 ? at : false;
    }, undefined, { timeout: 60_000, polling: 20 });
    const ms = (await handle.jsonValue()) as number;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return { ms, taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration') };
  } catch (error) {
    throw new Error(`${url}: the page's data never showed (${(error as Error).message.split('\n')[0]}); page errors: ${errors.join('; ') || 'none'}`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Slows the page's network as a modest office line: 10 Mbit/s down, 5 up, 40 ms latency. */
async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) });
}

interface Target {
  base: string;
  url: string;
  testId: string;
  login?: Login;
}

/** One cold load: a new context (empty cache), its own page; `slow`: on a throttled line. */
async function coldLoad(browser: Browser, t: Target, slow = false): Promise<Load> {
  const context = await newContext(browser, t.base, t.testId, t.login);
  try {
    const page = await context.newPage();
    if (slow) await throttle(context, page);
    return await timedLoad(context, page, t.url);
  } finally {
    await context.close();
  }
}

/** One warm load: a new page of `context`, whose cache an earlier load filled. */
async function warmLoad(context: BrowserContext, t: Target): Promise<Load> {
  const page = await context.newPage();
  try {
    return await timedLoad(context, page, t.url);
  } finally {
    await page.close();
  }
}

/**
 * `runs` loads of each build, taken in turn (single, split, single, split…) so that a change in
 * what else the machine runs falls on both alike; one load of each first, not counted (it warms
 * the server and, for warm loads, fills the cache).
 */
async function inTurn(runs: number, load: (build: BuildName) => Promise<Load>): Promise<Record<BuildName, Timing>> {
  const loads: Record<BuildName, Load[]> = { single: [], split: [] };
  for (let i = 0; i <= runs; i++) {
    for (const build of ['single', 'split'] as const) {
      const l = await load(build);
      if (i > 0) loads[build].push(l);
    }
  }
  return { single: timing(loads.single), split: timing(loads.split) };
}

/** The JavaScript a route loads in a new context until `testId` is shown and the network is idle. */
async function routeJs(browser: Browser, base: string, route: RouteName, path: string, testId: string, login?: Login): Promise<RouteFigures> {
  const context = await newContext(browser, base, null, login);
  try {
    const page = await context.newPage();
    const seen: Array<Promise<{ path: string; bytes: number; gzipBytes: number; transferBytes: number; encoding: string } | null>> = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      const type = response.headers()['content-type'] ?? '';
      if (!url.pathname.endsWith('.js') && !/javascript/u.test(type)) return;
      seen.push((async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        return { path: url.pathname, bytes: body.byteLength, gzipBytes: gz(body), transferBytes: sizes.responseBodySize, encoding: response.headers()['content-encoding'] ?? 'identity' };
      })().catch(() => null));
    });
    await page.goto(`${base}${path}`, { timeout: 60_000 });
    await page.getByTestId(testId).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    const files = (await Promise.all(seen)).filter((f) => f !== null);
    const sum = (k: 'bytes' | 'gzipBytes' | 'transferBytes') => files.reduce((s, f) => s + f[k], 0);
    return {
      route, path, files: files.map((f) => f.path), jsBytes: sum('bytes'), jsGzipBytes: sum('gzipBytes'), jsTransferBytes: sum('transferBytes'),
      encodings: [...new Set(files.map((f) => f.encoding))],
    };
  } finally {
    await context.close();
  }
}

/** A page of static HTML with the element the loads wait for, from a bare node:http server. */
async function staticServer(): Promise<{ base: string; server: Server }> {
  const html = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>static</title></head><body><div data-testid="static-ready">静态页</div></body></html>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface Served {
  build: BuildName;
  base: string;
  preparer: Login;
  targets: Record<TimedRoute, Target>;
  routes: Record<RouteName, RouteFigures>;
}

/** A build served (its own database with the demo): its logins, its routes' JavaScript. */
async function serveBuild(browser: Browser, build: BuildName, app: Running, log: (line: string) => void): Promise<Served> {
  const base = app.base;
  const preparer = await apiLogin(base, 'preparer');
  const reviewer = await apiLogin(base, 'reviewer');
  // The editor: the first form of the preparer's list (a draft of the demo).
  const listed = await fetch(`${base}/api/evaluations`, { headers: { cookie: `${preparer.cookie.name}=${preparer.cookie.value}` } });
  const { items } = (await listed.json()) as { items: Array<{ id: string | number }> };
  if (!items[0]) throw new Error('the demo gave the preparer no form');
  const editorPath = `/evaluations/${items[0].id}`;
  const routes = {
    login: await routeJs(browser, base, 'login', '/login', 'login-username'),
    list: await routeJs(browser, base, 'list', '/evaluations', 'evaluation-row', preparer),
    editor: await routeJs(browser, base, 'editor', editorPath, 'editor-project', preparer),
    dashboard: await routeJs(browser, base, 'dashboard', '/dashboard?year=2021', 'dashboard-row', reviewer),
    public: await routeJs(browser, base, 'public', '/public', 'public-row'),
  };
  for (const r of Object.values(routes)) {
    log(`ui ${build}: ${r.route} ${r.path}: ${r.files.length} JS files, ${(r.jsBytes / 1024).toFixed(0)} KB, gzipped ${(r.jsGzipBytes / 1024).toFixed(1)} KB, transferred ${(r.jsTransferBytes / 1024).toFixed(1)} KB (${r.encodings.join(', ')})`);
  }
  const targets: Record<TimedRoute, Target> = {
    login: { base, url: `${base}/login`, testId: 'login-username' },
    list: { base, url: `${base}/evaluations`, testId: 'evaluation-row', login: preparer },
    editor: { base, url: `${base}${editorPath}`, testId: 'editor-project', login: preparer },
  };
  return { build, base, preparer, targets, routes };
}

export interface UiOptions {
  runs?: number;
  log?: (line: string) => void;
}

export async function measureUi(options: UiOptions = {}): Promise<UiFigures> {
  const runs = options.runs ?? 7;
  const log = options.log ?? (() => {});
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (CHROMIUM_PATH)`);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ui-bench-'));
  const bare = await staticServer();
  const apps: Running[] = [];
  let browser: Browser | undefined;
  try {
    const roots: Record<BuildName, string> = { split: join(dir, 'split'), single: join(dir, 'single') };
    const buildMs: Record<BuildName, number> = { split: await buildUi(roots.split, false), single: await buildUi(roots.single, true) };
    log(`ui: built the split UI in ${(buildMs.split / 1000).toFixed(1)} s and the single bundle in ${(buildMs.single / 1000).toFixed(1)} s`);
    // Each build served by a process of its own on a database of its own, both running while the loads alternate.
    for (const build of ['single', 'split'] as const) apps.push(await startServer(join(dir, `${build}.sqlite`), roots[build]));
    browser = await launch();
    const b = browser;
    const served: Record<BuildName, Served> = { single: await serveBuild(b, 'single', apps[0]!, log), split: await serveBuild(b, 'split', apps[1]!, log) };
    const staticHtml = timing(await (async () => {
      const t: Target = { base: bare.base, url: `${bare.base}/`, testId: 'static-ready' };
      await coldLoad(b, t);
      const loads: Load[] = [];
      for (let i = 0; i < runs; i++) loads.push(await coldLoad(b, t));
      return loads;
    })());
    log(`ui: static HTML page, cold: median ${staticHtml.medianMs.toFixed(0)} ms`);

    const cold = {} as Record<TimedRoute, Record<BuildName, Timing>>;
    const warm = {} as Record<TimedRoute, Record<BuildName, Timing>>;
    const slow = {} as Record<'login' | 'list', Record<BuildName, Timing>>;
    const loadAvg: number[] = [];
    for (const route of ['login', 'list', 'editor'] as const) {
      cold[route] = await inTurn(runs, (build) => coldLoad(b, served[build].targets[route]));
      loadAvg.push(loadavg()[0]!);
      const contexts = { single: await newContext(b, served.single.base, served.single.targets[route].testId, served.single.targets[route].login), split: await newContext(b, served.split.base, served.split.targets[route].testId, served.split.targets[route].login) };
      try {
        warm[route] = await inTurn(runs, (build) => warmLoad(contexts[build], served[build].targets[route]));
      } finally {
        await contexts.single.close();
        await contexts.split.close();
      }
      loadAvg.push(loadavg()[0]!);
    }
    const slowRuns = Math.max(3, Math.ceil(runs / 2));
    for (const route of ['login', 'list'] as const) slow[route] = await inTurn(slowRuns, (build) => coldLoad(b, served[build].targets[route], true));
    loadAvg.push(loadavg()[0]!);

    const load = Math.max(...loadAvg);
    const figures = (build: BuildName): BuildFigures => {
      const js = buildJs(roots[build]);
      return {
        build, jsFiles: js.files, jsBytes: js.bytes, jsGzipBytes: js.gzipBytes, buildMs: buildMs[build], routes: served[build].routes,
        cold: { login: cold.login[build], list: cold.list[build], editor: cold.editor[build] },
        warm: { login: warm.login[build], list: warm.list[build], editor: warm.editor[build] },
        slow: { login: slow.login[build], list: slow.list[build] },
        load,
      };
    };
    const result = { split: figures('split'), single: figures('single'), staticHtml, runs, chromium: CHROMIUM, chromiumVersion: b.version() };
    const fmt = (t: Timing) => `${t.medianMs.toFixed(0)} ms (${t.runsMs.map((ms) => ms.toFixed(0)).join(', ')}; main thread ${t.medianTaskMs.toFixed(0)} ms, script ${t.medianScriptMs.toFixed(0)} ms)`;
    for (const f of [result.single, result.split]) {
      for (const r of ['login', 'list', 'editor'] as const) log(`ui ${f.build}: ${r}: cold ${fmt(f.cold[r])}; warm ${fmt(f.warm[r])}`);
      for (const r of ['login', 'list'] as const) log(`ui ${f.build}: ${r}: cold at 10 Mbit/s, 40 ms: ${fmt(f.slow[r])}`);
    }
    log(`ui: load average (1 min) during the loads: ${loadAvg.map((l) => l.toFixed(2)).join(', ')}`);
    return result;
  } finally {
    await browser?.close().catch(() => undefined);
    for (const app of apps) await app.stop();
    await new Promise<void>((resolve) => bare.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** The figures as a Markdown table (BENCHMARKS.md). */
export function uiTable(f: UiFigures): string {
  const lines = ['| route | JS files (split / single) | JS KB gzip -9 (split / single) | JS KB transferred, br (split / single) |', '|---|---|---|---|'];
  for (const r of ['login', 'list', 'editor', 'dashboard', 'public'] as const) {
    const s = f.split.routes[r];
    const b = f.single.routes[r];
    lines.push(`| ${r} \`${r === 'editor' ? '/evaluations/ID' : s.path}\` | ${s.files.length} / ${b.files.length} | ${kb(s.jsGzipBytes)} / ${kb(b.jsGzipBytes)} | ${kb(s.jsTransferBytes)} / ${kb(b.jsTransferBytes)} |`);
  }
  lines.push('', '| load: median ms to the data shown (main thread busy ms) | split | single (baseline) |', '|---|---|---|');
  const ms = (t: Timing) => `${t.medianMs.toFixed(0)} (${t.medianTaskMs.toFixed(0)})`;
  for (const r of ['login', 'list', 'editor'] as const) lines.push(`| ${r}, cold | ${ms(f.split.cold[r])} | ${ms(f.single.cold[r])} |`);
  for (const r of ['login', 'list', 'editor'] as const) lines.push(`| ${r}, warm | ${ms(f.split.warm[r])} | ${ms(f.single.warm[r])} |`);
  for (const r of ['login', 'list'] as const) lines.push(`| ${r}, cold at 10 Mbit/s, 40 ms | ${ms(f.split.slow[r])} | ${ms(f.single.slow[r])} |`);
  lines.push(`| a static HTML page, cold | ${ms(f.staticHtml)} | |`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 7;
  console.log(`machine: ${machine()}; browser ${CHROMIUM}; load ${loadavg()[0]!.toFixed(2)}`);
  const f = await measureUi({ runs, log: (line) => console.log(line) });
  console.log(`Chromium ${f.chromiumVersion}; ${f.runs} runs a median`);
  for (const b of [f.split, f.single]) {
    console.log(`build ${b.build}: ${b.jsFiles} JS files, ${kb(b.jsBytes)} KB, gzipped ${kb(b.jsGzipBytes)} KB, built in ${(b.buildMs / 1000).toFixed(1)} s; load ${b.load.toFixed(2)}`);
  }
  console.log('');
  console.log(uiTable(f));
  console.log('');
  console.log(JSON.stringify(f, null, 2));
}
