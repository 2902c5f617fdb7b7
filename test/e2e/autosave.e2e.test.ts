/**
 * Autosave through a failing server, in headless Chromium against the real `jixiao serve` (issue 13):
 *
 *   the preparer types a remark; the server answers every save 503 DATABASE_UNAVAILABLE with
 *   Retry-After for a while → the editor says 保存失败，正在重试 (and that nothing typed is lost),
 *   keeps what was typed, and what is typed meanwhile; the server answers again → 已保存, and the
 *   database holds exactly what was typed. Then the network goes away → 离线; it comes back → 已保存.
 *   Last, another session saves first: the 409 still shows the conflict dialog, and keep mine wins.
 *
 * The 503s are the server's answer as the browser receives it (page.route answers the PUTs while
 * `failing`, as the server does while its database is down: docs/api.md); every other request, and
 * the saves afterwards, reach the real server. The database is read with SQLite directly at the end.
 * Screenshots at desktop and phone width go to test-results/e2e-screens/autosave-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { apiSession, demoDraftId, noBrowser, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-autosave-pass';
/** 金融业务费用, indicator 16: “普会贷”授信金额. */
const ROW = 15;
const TYPED = '授信审批延至次年，已与银行约定一季度放款';
const MORE = '（续：3 月底前完成）';
/** Bound of a wait for the autosave to get through (ms): the retries wait the server's Retry-After (1 s), growing to a few seconds. */
const SAVE = 20_000;

let e2e: E2e | undefined;
let base = '';
let id = '';
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: string[] = [];

/** The PUTs of the form: what each was answered. */
const saves: number[] = [];
let failing = false;

async function unavailable(route: Route): Promise<void> {
  if (route.request().method() !== 'PUT' || !failing) return route.continue();
  saves.push(503);
  await route.fulfill({
    status: 503,
    headers: { 'Retry-After': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法连接，请稍后重试' } }),
  });
}

const saveState = () => page.getByTestId('save-state');
async function expectState(state: string, text: string): Promise<void> {
  await page.locator(`[data-testid=save-state][data-state=${state}]`).waitFor({ timeout: SAVE });
  assert.equal((await saveState().innerText()).trim(), text);
}

async function shot(name: string, width = 1440, height = 900): Promise<void> {
  await page.setViewportSize({ width, height });
  // The indicator and its note, wherever the phone's layout puts them (on a phone the toolbar is one line
  // that repeats the state, the indicator itself folded away with the rest until the line is tapped).
  await ((await saveState().isVisible()) ? saveState() : page.getByTestId('phone-summary')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, `autosave-${name}.png`), fullPage: false, animations: 'disabled', timeout: UI });
}

/** The form as the database holds it (SQLite, read-only, beside the running server). */
function stored(): { version: number; remark: unknown } {
  const db = new SqliteDatabase(join(e2e!.dataDir, 'jixiao.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select version, document from evaluations where id = ?').get(id) as { version: number; document: string };
    const document = JSON.parse(row.document) as { indicators: { remark?: string }[] };
    return { version: row.version, remark: document.indicators[ROW]?.remark };
  } finally {
    db.close();
  }
}

describe('autosave through a failing server and a lost network, in Chromium', { skip: noBrowser }, () => {
  before(async () => {
    e2e = await startE2e({
      name: 'autosave',
      password: PASSWORD,
      prepare: async (app) => {
        id = await demoDraftId(app.base, PASSWORD);
      },
    });
    base = e2e.base;
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(UI);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route(`**/api/evaluations/${id}`, unavailable);
  }, { timeout: 240_000 });

  after(() => stopE2e(e2e));

  test('503s for a while: 保存失败，正在重试, what was typed kept; then 已保存, and the database has it', async () => {
    await signIn(page, base, 'preparer', PASSWORD);
    await page.goto(`${base}/evaluations/${id}`, { timeout: UI });
    await page.getByTestId('total-score').waitFor();
    const before = stored();
    assert.notEqual(before.remark, TYPED);
    await expectState('saved', '已保存');

    failing = true;
    const remark = page.getByTestId(`indicator-remark-${ROW}`);
    await remark.fill(TYPED);
    await expectState('retrying', '保存失败，正在重试');
    assert.match(await page.getByTestId('save-note').innerText(), /暂时无法保存（数据库暂时无法连接，请稍后重试），\d+ 秒后自动重试。已填写的内容保留在本页/u);
    assert.equal(await remark.inputValue(), TYPED, 'what was typed stays in the cell');
    await shot('retrying-desktop');
    await shot('retrying-phone', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });

    // Typed while the server refuses: kept too, and sent with the next attempt.
    await remark.press('End');
    await remark.pressSequentially(MORE);
    // More refusals, the state saying so throughout.
    const refusedSoFar = saves.length;
    // The next attempt comes after the growing wait (1, 2, 4, 8 s…): how far along it is depends on how
    // long the screenshots above took, so the test waits for it (bounded) rather than a fixed time.
    for (const start = Date.now(); saves.length === refusedSoFar && Date.now() - start < 12_000; ) await page.waitForTimeout(200);
    assert.ok(saves.length > refusedSoFar, `the autosave kept trying (${saves.length} refusals)`);
    assert.equal(await saveState().getAttribute('data-state'), 'retrying');
    assert.equal(await remark.inputValue(), TYPED + MORE, 'nothing typed is reverted');
    assert.deepEqual(stored(), before, 'nothing reached the database meanwhile');

    // The server answers again.
    const saved = page.waitForResponse((r) => r.url() === `${base}/api/evaluations/${id}` && r.request().method() === 'PUT' && r.status() === 200, { timeout: SAVE });
    failing = false;
    await saved;
    await expectState('saved', '已保存');
    assert.equal(await page.getByTestId('save-note').count(), 0, 'the note is gone once saved');
    await shot('saved-desktop');
    await shot('saved-phone', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });
    const after = stored();
    assert.equal(after.remark, TYPED + MORE, 'the database holds what was typed');
    assert.equal(after.version, before.version + 1, 'one save got through');
    assert.ok(saves.length >= 3, `the server refused ${saves.length} saves first`);

    // A reload shows what the database has.
    await page.reload();
    await page.getByTestId('total-score').waitFor();
    assert.equal(await page.getByTestId(`indicator-remark-${ROW}`).inputValue(), TYPED + MORE);
  });

  test('offline: 离线, what was typed kept; back online: 已保存', async () => {
    const remark = page.getByTestId(`indicator-remark-${ROW}`);
    await context!.setOffline(true);
    await remark.fill(TYPED);
    await expectState('offline', '离线');
    assert.match(await page.getByTestId('save-note').innerText(), /网络已断开/u);
    await shot('offline-phone', 390, 844);
    await page.setViewportSize({ width: 1440, height: 900 });
    assert.equal(await remark.inputValue(), TYPED);
    assert.equal(stored().remark, TYPED + MORE, 'not saved while offline');
    await context!.setOffline(false);
    await expectState('saved', '已保存');
    assert.equal(stored().remark, TYPED);
  });

  test('someone else saved meanwhile (409): the conflict dialog, nothing lost; keep mine saves mine over theirs', async () => {
    // Another session of the unit saves the form first.
    const other = await apiSession(base, 'preparer', PASSWORD);
    const detail = await other<{ version: number; evaluation: { indicators: { remark?: string }[] } }>('GET', `/api/evaluations/${id}`);
    detail.evaluation.indicators[ROW]!.remark = 'theirs';
    await other('PUT', `/api/evaluations/${id}`, { version: detail.version, evaluation: detail.evaluation });
    await other('POST', '/api/logout');

    const remark = page.getByTestId(`indicator-remark-${ROW}`);
    await remark.fill('mine');
    await expectState('conflict', '存在冲突');
    await page.getByTestId('conflict-dialog').waitFor();
    assert.equal(await remark.inputValue(), 'mine', 'what was typed stays under the dialog');
    assert.equal(stored().remark, 'theirs');
    await page.getByTestId('conflict-keep-mine').click();
    await expectState('saved', '已保存');
    assert.equal(stored().remark, 'mine');
  });

  test('no script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
