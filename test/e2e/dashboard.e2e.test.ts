/**
 * The dashboard in headless Chromium against the real `jixiao serve` (built UI, fresh SQLite
 * database, the demo plus 100 generated forms of 2021 saved by the preparer, so that the year's
 * table has more than one page): the admin opens 统计分析 for 2021 and reads the total; the table shows the
 * first page from the server and the total; page 2 holds the rest; sorting by score asks the
 * server again (ascending: the lowest score first); the status filter narrows the table to what the
 * overview counts. Screenshots in test-results/e2e-screens/dashboard-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { syntheticEvaluations } from '../../src/demo/synthetic-evaluations.ts';
import { CHROMIUM, launch } from '../../src/web/test/browser.ts';
import { ensureUiBuilt, ROOT, serveApp, type ServedApp } from './support/served-app.ts';

const SCREENS = join(ROOT, 'test-results/e2e-screens');
const PASSWORD = 'e2e-dashboard-pass';
const UI = 15_000;
const PUBLISHED = '已公开';

let app: ServedApp | undefined;
let base = '';
let dataDir = '';
let browser: Browser | undefined;
let page: Page;

const skip = !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}`;

before(async () => {
  if (skip) return;
  await ensureUiBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'jixiao-dashboard-e2e-'));
  app = await serveApp(join(dataDir, 'jixiao.sqlite'), PASSWORD);
  base = app.base;
  // Beside the demo: 100 generated forms of 2021, saved by the preparer through the API (drafts of the office).
  const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const templates = templateRegistry();
  const forms = [...syntheticEvaluations({ units: 1, projectsPerUnit: 100, years: [2021, 2021], seed: 7 }, [templates.get('shanghai-2021')!])];
  for (const evaluation of forms) {
    const created = await fetch(`${base}/api/evaluations`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ evaluation }) });
    assert.equal(created.status, 201, await created.text());
  }
  mkdirSync(SCREENS, { recursive: true });
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const tableAnswer = (p: Page) => p.waitForResponse((r) => r.url().includes('/api/dashboard/table') && r.request().method() === 'GET', { timeout: UI });
const rows = (p: Page) => p.locator('[data-testid=dashboard-row]');
const scoreColumn = async (p: Page) => (await rows(p).locator('td:nth-child(6)').allInnerTexts()).map((s) => Number(s.trim()));

test('the admin pages, sorts and filters the year’s table on the server', { skip }, async () => {
  await page.goto(`${base}/login`, { timeout: UI });
  await page.getByTestId('login-username').fill('admin', { timeout: UI });
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: UI });

  const first = tableAnswer(page);
  const overview = page.waitForResponse((r) => /\/api\/dashboard\?/u.test(r.url()), { timeout: UI });
  await page.goto(`${base}/dashboard?year=2021`, { timeout: UI });
  const board = (await (await overview).json()) as { total: number; byStatus: Record<string, number> };
  const firstPage = (await (await first).json()) as { total: number; items: Array<{ score: number }> };
  assert.equal(board.total, 103, 'the demo’s 3 forms and the 100 generated');
  assert.equal(firstPage.total, board.total);
  assert.equal(firstPage.items.length, 50, 'the first page only');
  await rows(page).nth(49).waitFor({ timeout: UI });
  assert.equal(await rows(page).count(), 50);
  await page.getByText('共 103 条').waitFor({ timeout: UI });
  const descending = await scoreColumn(page);
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'highest score first');
  await page.getByTestId('chart-scatter').locator('canvas').waitFor({ timeout: UI });
  await page.screenshot({ path: join(SCREENS, 'dashboard-1-first-page.png'), fullPage: true });

  // Page 3 (of 50 a page): the last 3 rows.
  const third = tableAnswer(page);
  await page.locator('.ant-pagination-item-3').click();
  assert.match((await third).url(), /offset=100/u);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=dashboard-row]').length === 3, undefined, { timeout: UI });

  // Sorting by score: the server's order, from the first page again; ascending then.
  const sorted = tableAnswer(page);
  await page.locator('th', { hasText: '自评分' }).first().click();
  const answer = await sorted;
  assert.match(answer.url(), /sort=score/u);
  assert.match(answer.url(), /offset=0/u);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=dashboard-row]').length === 50, undefined, { timeout: UI });
  const ascending = (await answer.json()) as { items: Array<{ score: number }> };
  assert.deepEqual(ascending.items.map((r) => r.score), [...ascending.items.map((r) => r.score)].sort((a, b) => a - b), 'lowest score first');
  assert.deepEqual(await scoreColumn(page), ascending.items.map((r) => r.score));

  // The status filter: only the published forms (the demo's one), as many as the overview counts.
  await page.locator('th', { hasText: '状态' }).locator('.ant-table-filter-trigger').click();
  await page.locator('.ant-dropdown .ant-dropdown-menu-item', { hasText: PUBLISHED }).click();
  const filtered = tableAnswer(page);
  await page.locator('.ant-table-filter-dropdown .ant-btn-primary').click();
  const published = (await (await filtered).json()) as { total: number; items: Array<{ status: string }> };
  assert.equal(published.total, board.byStatus['published']);
  assert.ok(published.total > 0 && published.items.every((r) => r.status === 'published'));
  await page.getByText(`共 ${published.total} 条`).waitFor({ timeout: UI });
  assert.equal(await rows(page).count(), published.total);
  await page.screenshot({ path: join(SCREENS, 'dashboard-2-filtered.png'), fullPage: true });
});
