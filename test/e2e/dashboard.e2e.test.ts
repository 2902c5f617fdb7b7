/**
 * The dashboard in headless Chromium against the real `jixiao serve` (built UI, fresh SQLite
 * database, the demo plus 100 generated forms of 2021 saved by the preparer, so that the year's
 * table has more than one page): the admin opens 统计分析 for 2021 and reads the total; the table shows the
 * first page from the server and the total; page 2 holds the rest; sorting by score asks the
 * server again (ascending: the lowest score first); the status filter narrows the table to what the
 * overview counts. Screenshots in test-results/e2e-screens/dashboard-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { syntheticEvaluations } from '../../src/demo/synthetic-evaluations.ts';
import { apiSession, noBrowser, openPage, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-dashboard-pass';
const PUBLISHED = '已公开';

let e2e: E2e | undefined;
let base = '';
let page: Page;

before(async () => {
  if (noBrowser) return;
  e2e = await startE2e({
    name: 'dashboard',
    password: PASSWORD,
    // Beside the demo: 100 generated forms of 2021, saved by the preparer through the API (drafts of the office).
    prepare: async (app) => {
      const preparer = await apiSession(app.base, 'preparer', PASSWORD);
      const shanghai = templateRegistry().get('shanghai-2021')!;
      for (const evaluation of syntheticEvaluations({ units: 1, projectsPerUnit: 100, years: [2021, 2021], seed: 7 }, [shanghai])) {
        await preparer('POST', '/api/evaluations', { evaluation });
      }
    },
  });
  base = e2e.base;
  page = await openPage(e2e.browser);
});

after(() => stopE2e(e2e));

const tableAnswer = (p: Page) => p.waitForResponse((r) => r.url().includes('/api/dashboard/table') && r.request().method() === 'GET', { timeout: UI });
const rows = (p: Page) => p.locator('[data-testid=dashboard-row]');
const scoreColumn = async (p: Page) => (await rows(p).locator('td:nth-child(6)').allInnerTexts()).map((s) => Number(s.trim()));

test('the admin pages, sorts and filters the year’s table on the server', { skip: noBrowser }, async () => {
  await signIn(page, base, 'admin', PASSWORD);

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
  // The filter is applied only when it changed: make sure the click took (a click while the
  // dropdown animates in can be lost; it is given again, at most three times).
  for (let attempt = 1; ; attempt++) {
    await page.locator('.ant-dropdown .ant-dropdown-menu-item', { hasText: PUBLISHED }).click();
    try {
      await page.locator('.ant-dropdown .ant-dropdown-menu-item-selected', { hasText: PUBLISHED }).waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const filtered = tableAnswer(page);
  await page.locator('.ant-table-filter-dropdown .ant-btn-primary').click();
  const published = (await (await filtered).json()) as { total: number; items: Array<{ status: string }> };
  assert.equal(published.total, board.byStatus['published']);
  assert.ok(published.total > 0 && published.items.every((r) => r.status === 'published'));
  await page.getByText(`共 ${published.total} 条`).waitFor({ timeout: UI });
  assert.equal(await rows(page).count(), published.total);
  await page.screenshot({ path: join(SCREENS, 'dashboard-2-filtered.png'), fullPage: true });
});
