/**
 * The dashboard's monitoring view (issue 16) in headless Chromium against the real `jixiao serve`
 * (built UI, fresh SQLite database, the demo: six projects of each unit with monitoring of 2022):
 * the reviewer opens 统计分析 → 运行监控 and reads the year's totals as the API gives them, opens the
 * department to its units, narrows the projects to one unit and to those behind the time progress,
 * and finds each project linked to its monitoring; the same on a phone's width. Screenshots in
 * test-results/e2e-screens/monitoring-*.png (1280 and 390 wide).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, DEMO_OFFICE, noBrowser, pickOption, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-monitoring-pass';

let e2e: E2e | undefined;

before(async () => {
  if (noBrowser) return;
  e2e = await startE2e({ name: 'monitoring-dashboard', password: PASSWORD });
});

after(() => stopE2e(e2e));

async function pageOf(width: number): Promise<Page> {
  return (await e2e!.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' })).newPage();
}

const projectRows = (p: Page) => p.locator('[data-testid=monitoring-project-row]');
const projectsAnswer = (p: Page) => p.waitForResponse((r) => r.url().includes('/api/dashboard/monitoring/projects'), { timeout: UI });

test('the reviewer reads the year’s monitoring by department and unit and opens a project behind', { skip: noBrowser }, async () => {
  const api = await apiSession(e2e!.base, 'reviewer', PASSWORD);
  const view = await api<any>('GET', '/api/dashboard/monitoring');
  assert.equal(view.year, 2022);
  assert.ok(view.totals.offTrack > 0 && view.totals.behindTimeProgress > 0);
  const page = await pageOf(1280);
  await signIn(page, e2e!.base, 'reviewer', PASSWORD);
  await page.goto(`${e2e!.base}/dashboard`, { timeout: UI });
  const first = projectsAnswer(page);
  await page.getByTestId('dashboard-tab-monitoring').click();
  const listed = (await (await first).json()) as { total: number };
  for (const key of ['projects', 'offTrack', 'behindTimeProgress'] as const) {
    await page.locator(`[data-testid=monitoring-total-${key}] .ant-statistic-content-value`).filter({ hasText: String(view.totals[key]) }).waitFor({ timeout: UI });
  }
  await page.getByText(`共 ${listed.total} 条`).waitFor({ timeout: UI });
  assert.equal(await projectRows(page).count(), listed.total);

  // The department opens to its units; one unit narrows the projects.
  await page.locator('[data-testid=monitoring-department-row]', { hasText: DEMO_OFFICE }).getByTestId('monitoring-department-open').click();
  await page.locator('[data-testid=monitoring-unit-row]').nth(1).waitFor({ timeout: UI });
  assert.equal(await page.locator('[data-testid=monitoring-unit-row]').count(), 2);
  await page.screenshot({ path: join(SCREENS, 'monitoring-1-department-1280.png'), fullPage: true });
  const narrowed = projectsAnswer(page);
  await page.locator('[data-testid=monitoring-unit-row]', { hasText: '金融服务中心' }).getByTestId('monitoring-unit-open').click();
  const ofUnit = await narrowed;
  assert.match(ofUnit.url(), /unit=/u);
  const unitId = new URL(ofUnit.url()).searchParams.get('unit')!;
  const expected = await api<any>('GET', `/api/dashboard/monitoring/projects?year=2022&unit=${unitId}`);
  await page.getByTestId('monitoring-unit-chip').waitFor({ timeout: UI });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=monitoring-project-row]').length === n, expected.total, { timeout: UI });

  // Only those behind the time progress; the first opens its monitoring.
  const behindAnswer = projectsAnswer(page);
  await pickOption(page, page.getByTestId('monitoring-list'), '执行进度滞后');
  const behind = (await (await behindAnswer).json()) as { items: Array<{ id: string; spendingBehind: boolean }> };
  assert.ok(behind.items.length > 0 && behind.items.every((p) => p.spendingBehind));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=monitoring-project-row]').length === n, behind.items.length, { timeout: UI });
  await page.screenshot({ path: join(SCREENS, 'monitoring-2-behind-1280.png'), fullPage: true });
  // The monitoring page (/monitoring/:id) is the cycle pages' (branch cycle-ui): the link leads there.
  assert.equal(await projectRows(page).first().getByTestId('monitoring-project-link').getAttribute('href'), `/monitoring/${behind.items[0]!.id}`);
  await page.context().close();
});

test('on a phone (390 wide) the view is cards, with no sideways scroll of the page', { skip: noBrowser }, async () => {
  const page = await pageOf(390);
  await signIn(page, e2e!.base, 'reviewer', PASSWORD);
  await page.goto(`${e2e!.base}/dashboard?view=monitoring`, { timeout: UI });
  await projectRows(page).first().waitFor({ timeout: UI });
  await page.locator('[data-testid=monitoring-department-row]').first().waitFor({ timeout: UI });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
  await page.screenshot({ path: join(SCREENS, 'monitoring-3-phone-390.png'), fullPage: true });
  await page.context().close();
});
