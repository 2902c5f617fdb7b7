/**
 * Re-check (抽查复核) in headless Chromium against the real `jixiao serve` (built UI, fresh SQLite
 * database, demo data; the centre's submitted form approved first, so that 2021 has two forms to
 * draw from): the reviewer opens 抽查复核, draws 2021 with a seed, lowers a score without a reason
 * (refused, the reason asked for beside the row), gives the reason, saves, and reads the gap in the
 * report. Screenshots in test-results/e2e-screens/recheck-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, noBrowser as skip, openPage, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-recheck-pass';

let e2e: E2e | undefined;
let base = '';
let page: Page;

/** The reviewer approves the centre's submitted demo form over the API. */
async function approveSubmitted(base: string): Promise<void> {
  const reviewer = await apiSession(base, 'reviewer', PASSWORD);
  const { items } = await reviewer<{ items: Array<{ id: string; version: number }> }>('GET', '/api/evaluations?status=submitted');
  for (const item of items) await reviewer('POST', `/api/evaluations/${item.id}/transitions`, { action: 'approve', version: item.version });
}

before(async () => {
  if (skip) return;
  e2e = await startE2e({ name: 'recheck', password: PASSWORD, prepare: (app) => approveSubmitted(app.base) });
  base = e2e.base;
  page = await openPage(e2e.browser);
});

after(() => stopE2e(e2e));

const onScores = (r: { url(): string; request(): { method(): string } }) => /\/api\/rechecks\/.+\/evaluations\//u.test(r.url()) && r.request().method() === 'PUT';

test('the reviewer draws 2021, records a re-check score with its reason and sees the gap', { skip }, async () => {
  await signIn(page, base, 'reviewer', PASSWORD);
  await page.getByTestId('nav-rechecks').click({ timeout: UI });
  await page.waitForURL('**/rechecks', { timeout: UI });
  await page.goto(`${base}/rechecks?year=2021`, { timeout: UI });
  await page.getByTestId('recheck-seed').fill('20220302', { timeout: UI });
  await page.getByTestId('recheck-draw').click();
  await page.waitForURL(/\/rechecks\/[0-9a-f-]{36}$/u, { timeout: UI });
  await page.getByTestId('recheck-scores').waitFor({ timeout: UI });
  await page.screenshot({ path: join(SCREENS, 'recheck-1-drawn.png'), fullPage: true });

  // The first indicator (a row of the table: a table that scrolls sideways has a measuring row first): its self score, then 1 point less without a reason.
  const self = Number((await page.locator('[data-testid=recheck-scores] tbody tr.ant-table-row').first().locator('td').nth(4).innerText()).trim());
  assert.ok(self >= 1, `self score ${self}`);
  await page.getByTestId('recheck-score-0').fill(String(self - 1));
  const refused = page.waitForResponse(onScores, { timeout: UI });
  await page.getByTestId('recheck-save').click();
  assert.equal((await refused).status(), 400);
  await page.locator('.field-error', { hasText: '须填写理由' }).waitFor({ timeout: UI });
  await page.screenshot({ path: join(SCREENS, 'recheck-2-reason-required.png'), fullPage: true });

  await page.getByTestId('recheck-reason-0').fill('佐证材料显示实际完成值低于填报值');
  const saved = page.waitForResponse(onScores, { timeout: UI });
  await page.getByTestId('recheck-save').click();
  assert.equal((await saved).status(), 200);
  // The other indicators as self-scored: the form is re-checked, 1 point below its self total.
  await page.getByRole('button', { name: '按自评分填入' }).click();
  const complete = page.waitForResponse(onScores, { timeout: UI });
  await page.getByTestId('recheck-save').click();
  assert.equal((await complete).status(), 200);
  await page.locator('[data-testid=recheck-report-units] td', { hasText: /^-1(\.00)?$/u }).first().waitFor({ timeout: UI });
  await page.screenshot({ path: join(SCREENS, 'recheck-3-saved.png'), fullPage: true });
  assert.ok(await page.getByTestId('recheck-report-xlsx').isVisible());
});


test('what the reviewer types stays as typed: a share of 150 and a score above the weight are refused with their reasons, never cut', { skip }, async () => {
  await page.goto(`${base}/rechecks?year=2021`, { timeout: UI });
  const share = page.getByTestId('recheck-share');
  await share.fill('150');
  await share.press('Tab');
  assert.equal(await share.inputValue(), '150', 'not cut to 100 on leaving the field');
  await page.getByTestId('recheck-share-error').waitFor({ timeout: UI });
  await page.screenshot({ path: join(SCREENS, 'recheck-4-share-kept.png'), animations: 'disabled' });
  const posts: string[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/rechecks' && r.method() === 'POST') posts.push(r.url()); });
  await page.getByTestId('recheck-draw').click();
  await page.waitForTimeout(500);
  assert.deepEqual(posts, [], 'no draw asked for');
  assert.match(page.url(), /\/rechecks\?year=2021$/u);
  assert.equal(await share.inputValue(), '150');

  await page.locator('[data-testid=recheck-draw-row] a').first().click();
  await page.getByTestId('recheck-scores').waitFor({ timeout: UI });
  const cells = page.locator('[data-testid=recheck-scores] tbody tr.ant-table-row').first().locator('td');
  const weight = Number((await cells.nth(3).innerText()).trim());
  const above = String(weight + 5);
  const score = page.getByTestId('recheck-score-0');
  await score.fill(above);
  await score.press('Tab');
  assert.equal(await score.inputValue(), above, 'not cut to the weight');
  await page.getByTestId('recheck-reason-0').fill('复核认为应多得分');
  const refused = page.waitForResponse(onScores, { timeout: UI });
  await page.getByTestId('recheck-save').click();
  assert.equal((await refused).status(), 400);
  await page.locator('.field-error', { hasText: `复核得分 ${above} 应在 0 至 ${weight} 之间` }).waitFor({ timeout: UI });
  assert.equal(await score.inputValue(), above, 'kept after the refusal');

  // Three decimals: not rounded, marked at once, and not sent.
  await score.fill('3.456');
  await page.getByTestId('recheck-score-0-reading').waitFor({ timeout: UI });
  assert.equal(await score.inputValue(), '3.456');
  assert.equal(await score.getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: join(SCREENS, 'recheck-4-typed-kept.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SCREENS, 'recheck-4-typed-kept-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
});
