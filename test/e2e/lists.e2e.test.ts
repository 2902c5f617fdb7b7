/**
 * Lists a page at a time (issue 12) in headless Chromium against the real `jixiao serve --demo`
 * (fresh SQLite database; beside the demo, 60 generated forms of 2021 saved by the preparer, one of
 * them edited 55 times over the API so that its audit log has more than a page):
 *
 *   the evaluation list shows the server's first page and the total; page 2 shows other rows and
 *   stays in the address; a filter goes back to page 1 → the finance reviewer's inbox asks the server
 *   for what waits for the bureau → the audit log shows its first page, then the later entries →
 *   the admin's security log lists the admin's own login and a failed login's reason → files chosen
 *   together on the import page are sent two at a time, and a busy answer (429) is waited out, not
 *   shown as a failure.
 *
 * Screenshots in test-results/e2e-screens/lists-*.png; every wait is bounded.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { syntheticEvaluations } from '../../src/demo/synthetic-evaluations.ts';
import { apiSession, noBrowser, openAdminPage, openPage, pickOption, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';
import { ROOT } from './support/served-app.ts';

const PASSWORD = 'e2e-lists-pass';
const GENERATED = 60;
/** Saves of the form whose audit log runs over a page (50 entries): its creation and these. */
const EDITS = 55;

let e2e: E2e | undefined;
let base = '';
let total2021 = 0;
let editedId = '';
const pageErrors: string[] = [];

const rows = (page: Page) => page.locator('[data-testid=evaluation-row]');
const ids = (page: Page) => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
const listAnswer = (page: Page) => page.waitForResponse((r) => new URL(r.url()).pathname === '/api/evaluations' && r.request().method() === 'GET', { timeout: UI });

async function shot(page: Page, name: string): Promise<void> {
  await page.locator('.ant-spin-blur, .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: UI });
  await page.screenshot({ path: join(SCREENS, `lists-${name}.png`), fullPage: true, animations: 'disabled', timeout: UI });
}

async function signedIn(username: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const context = await e2e!.browser.newContext({ viewport, locale: 'zh-CN' });
  context.setDefaultTimeout(UI);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(page, base, username, PASSWORD);
  return page;
}

describe('lists a page at a time, the security log, imports in turn', { skip: noBrowser }, () => {
  before(async () => {
    e2e = await startE2e({
      name: 'lists',
      password: PASSWORD,
      prepare: async (app) => {
        const preparer = await apiSession(app.base, 'preparer', PASSWORD);
        const shanghai = templateRegistry().get('shanghai-2021')!;
        const made: string[] = [];
        for (const evaluation of syntheticEvaluations({ units: 1, projectsPerUnit: GENERATED, years: [2021, 2021], seed: 5 }, [shanghai])) {
          made.push(String((await preparer<{ id: string }>('POST', '/api/evaluations', { evaluation })).id));
        }
        // One form saved again and again: an audit entry each.
        editedId = made[0]!;
        let { version, evaluation } = await preparer<{ version: number; evaluation: Record<string, unknown> }>('GET', `/api/evaluations/${editedId}`);
        for (let i = 1; i <= EDITS; i++) {
          evaluation = { ...evaluation, problems: `第 ${i} 次修改` };
          ({ version } = await preparer<{ version: number }>('PUT', `/api/evaluations/${editedId}`, { version, evaluation }));
        }
        const admin = await apiSession(app.base, 'admin', PASSWORD);
        total2021 = (await admin<{ total: number }>('GET', '/api/evaluations?year=2021&limit=1')).total;
        assert.equal(total2021, 3 + GENERATED, 'the demo’s three forms of 2021 and the generated ones');
        // A failed login for the security log.
        const failed = await fetch(`${app.base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: 'not-the-password' }) });
        assert.equal(failed.status, 401);
      },
    });
    base = e2e.base;
  }, { timeout: 300_000 });

  after(() => stopE2e(e2e));

  test('the evaluation list pages on the server: page 2 shows other rows, the total is the server’s, a filter goes back to page 1', async () => {
    const page = await signedIn('admin');
    const first = listAnswer(page);
    await page.goto(`${base}/evaluations?year=2021`, { timeout: UI });
    assert.match((await first).url(), /limit=50&offset=0/u);
    await rows(page).nth(49).waitFor();
    assert.equal(await rows(page).count(), 50, 'the first page only');
    await page.getByText(`共 ${total2021} 条`).waitFor();
    const onFirst = await ids(page);
    await shot(page, '1-page-1');

    const second = listAnswer(page);
    await page.locator('.ant-pagination-item-2').click();
    assert.match((await second).url(), /offset=50/u);
    await page.waitForURL(/[?&]page=2/u);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=evaluation-row]').length === n, total2021 - 50, { timeout: UI });
    const onSecond = await ids(page);
    assert.equal(onSecond.filter((id) => onFirst.includes(id)).length, 0, 'page 2 shows other rows than page 1');
    assert.equal(new Set([...onFirst, ...onSecond]).size, total2021, 'the two pages hold every form once');
    await shot(page, '2-page-2');

    // The page is in the address: a reload shows page 2 again.
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=evaluation-row]').length === n, total2021 - 50, { timeout: UI });
    assert.deepEqual(await ids(page), onSecond);

    // A filter starts from the first page.
    const drafts = listAnswer(page);
    await pickOption(page, page.getByTestId('filter-status'), '草稿');
    const answer = await drafts;
    assert.match(answer.url(), /status=draft/u);
    assert.match(answer.url(), /offset=0/u);
    assert.doesNotMatch(page.url(), /page=2/u);
    const { total } = (await answer.json()) as { total: number };
    await page.getByText(`共 ${total} 条`).waitFor();
    await page.context().close();
  });

  test('the finance reviewer’s inbox asks the server for what waits for the bureau', async () => {
    const inbox = e2e!.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const page = await (await inbox).newPage();
    const asked = listAnswer(page);
    await signIn(page, base, 'reviewer', PASSWORD);
    const answer = await asked;
    // issue 14: the server decides what waits (needsMyAction), with each year's department tier.
    assert.equal(new URL(answer.url()).searchParams.get('needsMyAction'), '1');
    await rows(page).first().waitFor();
    const statuses = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 'forwarded' || s === 'submitted'), `only what waits: ${statuses.join(', ')}`);
    await shot(page, '3-reviewer-inbox');
    await page.context().close();
  });

  test('the audit log shows its first page, then the later entries', async () => {
    const page = await signedIn('preparer');
    await page.goto(`${base}/evaluations/${editedId}`, { timeout: UI });
    await page.getByTestId('tab-audit').click();
    const entries = page.getByTestId('audit-entry');
    await entries.nth(49).waitFor();
    assert.equal(await entries.count(), 50);
    assert.equal(await entries.first().getAttribute('data-action'), 'create', 'oldest first');
    assert.match(await page.getByTestId('audit-load-more').innerText(), new RegExp(`还有 ${EDITS + 1 - 50} 条`, 'u'));
    await shot(page, '4-audit-first-page');
    const more = page.waitForResponse((r) => r.url().includes(`/api/evaluations/${editedId}/audit`) && /offset=50/u.test(r.url()), { timeout: UI });
    await page.getByTestId('audit-load-more').click();
    await more;
    await entries.nth(EDITS).waitFor();
    assert.equal(await entries.count(), EDITS + 1);
    assert.equal(await page.getByTestId('audit-load-more').count(), 0, 'nothing left to load');
    await shot(page, '5-audit-all');
    await page.context().close();
  });

  test('the admin’s security log lists the admin’s own login and a failed login with its reason', async () => {
    const page = await signedIn('admin');
    await openAdminPage(page, 'security');
    const own = page.locator('[data-testid=security-row][data-action="login.succeeded"][data-username=admin]').first();
    await own.waitFor();
    assert.match(await own.innerText(), /登录成功/u);
    assert.match(await own.innerText(), /127\.0\.0\.1/u);
    await shot(page, '6-security');

    const filtered = page.waitForResponse((r) => r.url().includes('/api/admin/security-events') && r.url().includes('action=login.failed'), { timeout: UI });
    await pickOption(page, page.getByTestId('security-filter-action'), '登录失败');
    await filtered;
    await page.waitForURL(/action=login\.failed/u);
    const failed = page.locator('[data-testid=security-row]');
    await failed.first().waitFor();
    assert.deepEqual([...new Set(await failed.evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))))], ['login.failed']);
    assert.match(await failed.first().innerText(), /密码错误/u);

    // Days typed: a text that does not read is kept and marked and filters nothing; one that reads filters.
    const from = page.getByTestId('security-from');
    await from.fill('2020年1月');
    await page.getByTestId('security-from-error').waitFor();
    assert.equal(await from.inputValue(), '2020年1月');
    assert.doesNotMatch(page.url(), /from=/u);
    await shot(page, '6b-security-day-unread');
    await from.fill('2020/1/1');
    await page.waitForURL(/from=2020-01-01/u);
    await failed.first().waitFor();
    assert.equal(await page.getByTestId('security-from-error').count(), 0);
    await page.getByTestId('security-to').fill('2020.1.2');
    await page.waitForURL(/to=2020-01-02/u);
    await page.getByText('没有符合条件的事件').first().waitFor();
    assert.equal(await failed.count(), 0, 'no failed login in the first two days of 2020');
    await page.getByTestId('security-to').fill('');
    await page.waitForURL((url) => !url.search.includes('to='));
    await failed.first().waitFor();
    await shot(page, '6c-security-days');
    await page.context().close();

    // At phone width: nothing wider than the phone.
    const phone = await signedIn('admin', { width: 390, height: 844 });
    await phone.goto(`${base}/admin/security`, { timeout: UI });
    await phone.getByTestId('security-row').first().waitFor();
    await phone.getByTestId('security-to').fill('2020-13-01');
    await phone.getByTestId('security-to-error').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the security log fits the phone (${overflow}px over)`);
    await shot(phone, '7-security-phone');
    await phone.context().close();
  });

  test('files chosen together are sent two at a time; a busy answer is waited out, then read', async () => {
    const page = await signedIn('preparer');
    await page.goto(`${base}/import`, { timeout: UI });
    let inFlight = 0;
    let most = 0;
    const isImport = (url: string, method: string) => new URL(url).pathname === '/api/import' && method === 'POST';
    page.on('request', (r) => {
      if (isImport(r.url(), r.method())) most = Math.max(most, ++inFlight);
    });
    const done = (r: { url(): string; method(): string }) => {
      if (isImport(r.url(), r.method())) inFlight -= 1;
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    // The server's queue full for the first file: 429 with Retry-After, as the server says it.
    let refused = false;
    await page.route('**/api/import', async (route) => {
      if (refused) return route.continue();
      refused = true;
      await route.fulfill({ status: 429, headers: { 'Retry-After': '3', 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'TOO_MANY_IMPORTS', message: '导入排队已满' } }) });
    });
    const text = readFileSync(join(ROOT, 'test/fixtures/seed/000_876b01381dae6b1b.txt'));
    await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles(['a', 'b', 'c'].map((n) => ({ name: `${n}.txt`, mimeType: 'text/plain', buffer: text })));
    const queued = page.locator('[data-testid=import-file][data-state=queued]');
    await queued.waitFor();
    assert.match(await queued.innerText(), /排队中，\d 秒后重试/u);
    await shot(page, '8-import-queued');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=import-file][data-state=read]').length === 3, undefined, { timeout: 60_000 });
    assert.equal(await page.locator('[data-testid=import-file][data-state=failed]').count(), 0, 'the busy answer is no failure');
    assert.ok(most <= 2, `at most two files at once (${most})`);
    await page.getByTestId('import-form').first().waitFor();
    await shot(page, '9-import-read');
    await page.context().close();
  });

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
