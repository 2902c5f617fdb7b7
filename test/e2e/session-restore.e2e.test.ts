/**
 * A session that ends under unsaved edits loses nothing, in headless Chromium against the real
 * `jixiao serve`:
 *
 *   the preparer types a remark; the session is ended on the server before the save gets there
 *   (logged out over the API with the browser's own cookie, as an idle session expires) → the save
 *   is answered 401 → the login page replaces the editor, says the session ended and that what was
 *   typed is kept; the preparer logs in again → back in the editor (the address they were on) →
 *   offered 恢复未保存的内容 → restores → autosave → 已保存, and SQLite holds the typed text.
 *
 *   Then the password is changed elsewhere (every session ends) while the preparer types, and
 *   someone saves the form before they log in again: the copy was typed on an older version, so
 *   the conflict dialog shows it against the server's form; keep mine saves it.
 *
 * The tab's copy (sessionStorage) holds the document, not the password or the CSRF token.
 * Screenshots at desktop (1440) and phone (390) width: test-results/e2e-screens/session-restore-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { apiSession, demoDraftId, noBrowser, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-restore-pass';
const NEW_PASSWORD = 'e2e-restore-pass-changed';
/** 金融业务费用, indicator 16: “普会贷”授信金额. */
const ROW = 15;
const TYPED = '会话过期前填写：授信审批延至次年，已与银行约定一季度放款';
const MINE = '改密码后填写：放款计划已报分管领导';
const THEIRS = '他人在此期间保存的说明';
const SAVE = 20_000;

let e2e: E2e | undefined;
let base = '';
let id = '';
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: string[] = [];
/** What the PUTs of the form were answered. */
const puts: number[] = [];

const saveState = () => page.getByTestId('save-state');
const remark = () => page.getByTestId(`indicator-remark-${ROW}`);

async function expectState(state: string, text: string): Promise<void> {
  await page.locator(`[data-testid=save-state][data-state=${state}]`).waitFor({ timeout: SAVE });
  assert.equal((await saveState().innerText()).trim(), text);
}

async function shot(name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(300); // antd's modal settles after a resize
  await page.screenshot({ path: join(SCREENS, `session-restore-${name}.png`), fullPage: false, animations: 'disabled', timeout: UI });
}
async function shots(name: string): Promise<void> {
  await shot(`${name}-desktop`, 1440, 900);
  await shot(`${name}-phone`, 390, 844);
  await page.setViewportSize({ width: 1440, height: 900 });
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

/** The browser's session, as the server knows it: the cookie and its CSRF token. */
async function browserSession(): Promise<{ cookie: string; csrfToken: string }> {
  const session = (await context!.cookies(base)).find((c) => c.name === 'jixiao_session');
  assert.ok(session, 'the browser holds a session cookie');
  const cookie = `jixiao_session=${session.value}`;
  const me = await fetch(`${base}/api/me`, { headers: { cookie } });
  assert.equal(me.status, 200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The tab's sessionStorage, all of it, as text. */
const tabStorage = () => page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(sessionStorage))));

/** Logs in on the login page the app is showing (its address names where to go back to). */
async function logInAgain(password: string): Promise<void> {
  await page.getByTestId('login-username').fill('preparer');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${base}/evaluations/${id}`, { timeout: UI });
}

describe('a session that ends under unsaved edits: log in again, restore, saved', { skip: noBrowser }, () => {
  before(async () => {
    e2e = await startE2e({
      name: 'session-restore',
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
    page.on('response', (r) => {
      if (r.url() === `${base}/api/evaluations/${id}` && r.request().method() === 'PUT') puts.push(r.status());
    });
  }, { timeout: 240_000 });

  after(() => stopE2e(e2e));

  test('the session ends before the save: the login page, back to the editor, 恢复未保存的内容, saved', async () => {
    await signIn(page, base, 'preparer', PASSWORD);
    await page.goto(`${base}/evaluations/${id}`, { timeout: UI });
    await page.getByTestId('total-score').waitFor();
    await expectState('saved', '已保存');
    const before = stored();
    assert.notEqual(before.remark, TYPED);

    // The session ends on the server (as after 30 idle minutes), unknown to the page.
    const { cookie, csrfToken } = await browserSession();
    const out = await fetch(`${base}/api/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    assert.ok(out.ok, `logged out over the API: ${out.status}`);

    await remark().fill(TYPED);
    // The autosave's PUT is refused 401: the login page replaces the editor, and names the editor to come back to.
    await page.waitForURL((url) => url.pathname === '/login', { timeout: SAVE });
    assert.equal(new URL(page.url()).searchParams.get('next'), `/evaluations/${id}`);
    assert.ok(puts.includes(401), `the save was refused 401 (${puts.join(', ')})`);
    const expired = page.getByTestId('login-expired');
    await expired.waitFor();
    assert.match(await expired.innerText(), /登录已失效，请重新登录。[\s\S]*未保存的内容已保留在本浏览器标签页中，重新登录后可以恢复。/u);
    assert.deepEqual(stored(), before, 'nothing reached the database');

    // The tab keeps the document (one copy, this user's and this form's), never the password or the token.
    const tab = await tabStorage();
    assert.ok(tab.includes(TYPED), 'the copy holds what was typed');
    assert.ok(!tab.includes(PASSWORD), 'no password in the tab');
    assert.ok(!tab.includes(csrfToken), 'no CSRF token in the tab');
    assert.ok(!tab.includes(cookie.split('=')[1]!), 'no session token in the tab');
    const keys = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('jixiao.unsaved:')));
    assert.equal(keys.length, 1);
    await shots('login');

    await logInAgain(PASSWORD);
    const dialog = page.getByTestId('restore-dialog');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /尚未保存到服务器/u);
    assert.notEqual(await remark().inputValue(), TYPED, 'nothing restored before the user chooses');
    assert.equal(await page.getByTestId('restore-apply').innerText(), '恢复未保存的内容');
    await page.getByTestId('restore-see-changes').click();
    await page.getByTestId('restore-changes').waitFor();
    assert.match(await page.getByTestId('restore-changes').innerText(), new RegExp(TYPED, 'u'));
    await shots('offer');

    const saved = page.waitForResponse((r) => r.url() === `${base}/api/evaluations/${id}` && r.request().method() === 'PUT' && r.status() === 200, { timeout: SAVE });
    await page.getByTestId('restore-apply').click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await remark().inputValue(), TYPED, 'restored into the form');
    await saved;
    await expectState('saved', '已保存');
    const after = stored();
    assert.equal(after.remark, TYPED, 'the database holds what was typed before the session ended');
    assert.equal(after.version, before.version + 1);
    assert.equal((await tabStorage()).includes(TYPED), false, 'saved: the copy is gone');
    await remark().scrollIntoViewIfNeeded();
    await shots('saved');

    // Opened again: nothing to restore.
    await page.reload();
    await page.getByTestId('total-score').waitFor();
    assert.equal(await remark().inputValue(), TYPED);
    assert.equal(await page.getByTestId('restore-dialog').count(), 0);
  });

  test('the password changed elsewhere and the form was saved meanwhile: the copy goes to the conflict dialog; keep mine saves it', async () => {
    await expectState('saved', '已保存');
    // Elsewhere, the preparer changes the password: every session of theirs ends, this page's too.
    const elsewhere = await apiSession(base, 'preparer', PASSWORD);
    await elsewhere('POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

    await remark().fill(MINE);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: SAVE });
    await page.getByTestId('login-expired').waitFor();

    // Meanwhile someone saves the form: the server moves on from the version MINE was typed on.
    const other = await apiSession(base, 'preparer', NEW_PASSWORD);
    const detail = await other<{ version: number; evaluation: { indicators: { remark?: string }[] } }>('GET', `/api/evaluations/${id}`);
    detail.evaluation.indicators[ROW]!.remark = THEIRS;
    await other('PUT', `/api/evaluations/${id}`, { version: detail.version, evaluation: detail.evaluation });
    await other('POST', '/api/logout');
    assert.equal(stored().remark, THEIRS);

    await logInAgain(NEW_PASSWORD);
    await page.getByTestId('conflict-dialog').waitFor();
    assert.match(await page.getByTestId('conflict-copy-note').innerText(), /尚未保存，此后本表已被保存过/u);
    await expectState('conflict', '存在冲突');
    assert.equal(await remark().inputValue(), MINE, 'the copy is in the form under the dialog');
    assert.equal(await page.getByTestId('restore-dialog').count(), 0, 'no restore offer: the server moved on');
    await page.getByTestId('conflict-see-both').click();
    await shots('conflict');

    await page.getByTestId('conflict-keep-mine').click();
    await expectState('saved', '已保存');
    assert.equal(stored().remark, MINE, 'mine, over theirs, by the user’s choice');
    assert.equal((await tabStorage()).includes(MINE), false, 'saved: the copy is gone');
  });

  test('no script error', () => {
    assert.deepEqual(pageErrors, []);
  });
});
