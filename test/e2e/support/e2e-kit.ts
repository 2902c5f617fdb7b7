/**
 * What every end-to-end test does the same way: the bounds of its waits, where screenshots go,
 * a session over the API, signing in in the browser, and the run around the tests — the UI built,
 * `jixiao serve` on a fresh SQLite database with the demo, the test's own data prepared, Chromium
 * launched — and its end, which stops all of it and removes the database.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { CHROMIUM, launch } from '../../../src/web/test/browser.ts';
import { ensureUiBuilt, ROOT, serveApp, type ServedApp } from './served-app.ts';

export const SCREENS = join(ROOT, 'test-results/e2e-screens');
/** Bound of a wait for a page or an element (ms). */
export const UI = 15_000;
/** The `skip` of a test or suite: without the Debian Chromium there is nothing to run them in. */
export const noBrowser = !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}`;

/**
 * One call of the API as a logged-in user: asserts a 2xx answer (the message names the user, the
 * call and what the server said) and returns the JSON body, or null for 204.
 */
export type ApiCall = <T = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<T>;

/** Logs `username` in over the API (POST /api/login): its calls carry the session cookie and the CSRF token. */
export async function apiSession(base: string, username: string, password: string): Promise<ApiCall> {
  const login = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(login.status, 200, `${username} logs in over the API`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.ok(res.ok, `${username} ${method} ${path}: ${res.status} ${(await res.clone().text()).slice(0, 300)}`);
    return res.status === 204 ? (null as never) : await res.json();
  };
}

/** The demo office whose draft 金融业务费用 the editor tests type into. */
export const DEMO_OFFICE = '上海市普陀区金融服务办公室';

/** The id of the demo's draft `project` of `unit`, asked over the API by the preparer (who logs out again). */
export async function demoDraftId(base: string, password: string, project = '金融业务费用', unit = DEMO_OFFICE): Promise<string> {
  const preparer = await apiSession(base, 'preparer', password);
  const { items } = await preparer<{ items: Array<{ id: string; project: string; unit: { name: string } }> }>('GET', '/api/evaluations?status=draft');
  const draft = items.find((s) => s.unit.name === unit && s.project === project);
  assert.ok(draft, `the demo gives ${unit} its draft ${project}`);
  await preparer('POST', '/api/logout');
  return String(draft.id);
}

/**
 * A new draft of the office that passes the checks: its sent demo form's content under `project`
 * (the indicators without their ids: a new form's own lineage). Made by the preparer's `preparer` session.
 */
export async function newOfficeDraft(preparer: ApiCall, project: string): Promise<string> {
  const { items } = await preparer('GET', '/api/evaluations?status=submitted,approved,published');
  const source = items.find((s: { unit: { name: string } }) => s.unit.name === DEMO_OFFICE);
  assert.ok(source, 'the demo has a sent form of the office');
  const { evaluation } = await preparer('GET', `/api/evaluations/${source.id}`);
  evaluation.project.name = project;
  for (const i of evaluation.indicators) delete i.id;
  return String((await preparer('POST', '/api/evaluations', { evaluation })).id);
}

/** Where a sign-in lands by default: any page but the login page. */
const leftLogin = (url: URL) => !url.pathname.endsWith('/login');

/** Signs `username` in on the login page and waits until the page has moved on to `landing`. */
export async function signIn(page: Page, base: string, username: string, password: string, landing: string | RegExp | ((url: URL) => boolean) = leftLogin): Promise<void> {
  await page.goto(`${base}/login`, { timeout: UI });
  await page.getByTestId('login-username').fill(username, { timeout: UI });
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(landing, { timeout: UI });
}

/** Signs `username` in and waits for the app's header to name them. */
export async function logIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await signIn(page, base, username, password);
  await page.getByTestId('current-user').waitFor({ timeout: UI });
}

/** Logs out from the header and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click({ timeout: UI });
  await page.getByTestId('login-username').waitFor({ timeout: UI });
}

/**
 * An edit the autosave takes: what was typed before is saved first (the answer awaited is this
 * edit's), then the PUT to `url` answered 200 and the page says 已保存.
 */
export async function editSaved(page: Page, url: string, edit: () => Promise<void>, timeout = 10_000): Promise<void> {
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout });
  const put = page.waitForResponse((r) => r.url() === url && r.request().method() === 'PUT' && r.status() === 200, { timeout });
  await edit();
  await put;
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout });
}

/**
 * Chooses `text` in an antd Select and waits until its dropdown has closed. antd opens and closes its
 * dropdowns with an animation: a click that lands while another dropdown is still closing can leave
 * the new one shut, so the select is opened again (up to three times) until its option is there.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await pickFrom(page, select, page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).last());
}

/**
 * An option of a select chosen: the select clicked (and `search` typed in it, for a searchable
 * one), the option clicked, the list closed again before anything else is clicked. A click that
 * landed as the list moved leaves it open with nothing chosen: shut and chosen again, up to three times.
 */
export async function pickFrom(page: Page, select: Locator, option: Locator, search?: string): Promise<void> {
  const closed = (timeout: number) =>
    page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0, undefined, { timeout });
  for (let attempt = 1; ; attempt++) {
    await select.click({ timeout: UI });
    if (search !== undefined) await select.locator('input').fill(search, { timeout: UI });
    try {
      await option.click({ timeout: 5_000 });
      await closed(5_000);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await closed(UI);
    }
  }
}

/**
 * antd pops confirmations and dialogs up with a zoom (rc-motion classes `…-appear`, `…-enter`,
 * `…-leave` for about 0.3 s); a click during it can land beside the button on a loaded machine.
 * Buttons inside a popup are clicked once the popup stands still: a popup's selector with these.
 */
export const STILL = ':not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';

/**
 * Opens one of the admin's pages, under 系统管理 in the menu. The submenu opens on hover and can
 * close under a click that lands as it moves (the address then stays): tried again, up to three
 * times, each try bounded, until the address is the page's.
 */
export async function openAdminPage(page: Page, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByTestId('nav-admin').click({ timeout: 5_000 });
      await page.getByTestId(`nav-admin-${name}`).click({ timeout: 5_000 });
      await page.waitForURL(`**/admin/${name}`, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A page of its own (cookies not shared with other pages) in the size and language the screenshots are taken in. */
export async function openPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
}

export interface E2e {
  app: ServedApp;
  /** http://127.0.0.1:PORT of the served app. */
  base: string;
  browser: Browser;
  /** The temporary folder of the database. */
  dataDir: string;
}

export interface E2eOptions {
  /** Names the temporary folder: jixiao-NAME-e2e-…. */
  name: string;
  /** The demo users' password. */
  password: string;
  /** The test's data, made over the API once the app answers and before the browser starts. */
  prepare?: (app: ServedApp) => Promise<void>;
  /** More options of `jixiao serve` (`--templates FILE`). */
  serveArgs?: readonly string[];
  /** More of its environment (`JIXIAO_SOFFICE`). */
  serveEnv?: Record<string, string>;
}

/**
 * The UI built when stale, the app served on a fresh database, the test's data prepared, the
 * screenshots folder made, Chromium launched. What was started before a failure is stopped again.
 */
export async function startE2e({ name, password, prepare, serveArgs, serveEnv }: E2eOptions): Promise<E2e> {
  await ensureUiBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `jixiao-${name}-e2e-`));
  let app: ServedApp | undefined;
  try {
    app = await serveApp(join(dataDir, 'jixiao.sqlite'), password, serveArgs, serveEnv);
    await prepare?.(app);
    mkdirSync(SCREENS, { recursive: true });
    const browser = await launch();
    return { app, base: app.base, browser, dataDir };
  } catch (error) {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Closes the browser, stops the app, removes the database; `undefined` when the run was skipped or never started. */
export async function stopE2e(e2e: E2e | undefined): Promise<void> {
  if (!e2e) return;
  // A browser that fails to close must not keep the server running or the folder behind.
  await e2e.browser.close().catch(() => undefined);
  await e2e.app.stop();
  rmSync(e2e.dataDir, { recursive: true, force: true });
}

/** The demo's draft open in the editor for its preparer, on a desktop page whose uncaught errors are kept. */
export interface DraftInEditor {
  e2e: E2e;
  id: string;
  page: Page;
  pageErrors: string[];
}

export async function openDemoDraft(name: string, password: string): Promise<DraftInEditor> {
  let id = '';
  const e2e = await startE2e({ name, password, prepare: async (app) => { id = await demoDraftId(app.base, password); } });
  const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(UI);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(page, e2e.base, 'preparer', password);
  await page.goto(`${e2e.base}/evaluations/${id}`, { timeout: UI });
  await page.getByTestId('total-score').waitFor();
  return { e2e, id, page, pageErrors };
}

/** The evaluation as the SQLite file holds it, read directly (not through the app). */
export function storedEvaluation<T>(e2e: E2e, id: string): { version: number; document: T } {
  const db = new SqliteDatabase(join(e2e.dataDir, 'jixiao.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select version, document from evaluations where id = ?').get(id) as { version: number; document: string };
    return { version: row.version, document: JSON.parse(row.document) as T };
  } finally {
    db.close();
  }
}

/** Text typed into the editor that reads: its PUT answered 200 and the editor saying 已保存. */
export async function typeAndSave(page: Page, id: string, testId: string, text: string): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/evaluations/${id}`) && r.request().method() === 'PUT' && r.status() === 200, { timeout: UI });
  await page.getByTestId(testId).fill(text);
  await saved;
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor();
}

/**
 * The steps of one story, each a test that builds on the ones before: after a failure the later
 * steps are skipped rather than failing for the same reason, and `keep` records the page as the
 * failure left it (a screenshot).
 */
export function storySteps(keep: () => Promise<void>): (name: string, run: () => Promise<void>) => void {
  let failed: string | undefined;
  return (name, run) =>
    test(name, async (t) => {
      if (failed) return t.skip(`step "${failed}" failed`);
      try {
        await run();
      } catch (error) {
        failed = name;
        await keep().catch(() => undefined);
        throw error;
      }
    });
}
