/**
 * The bureau's screens, sessions and English (issue 14) in headless Chromium against the real
 * `jixiao serve` with the demo (its forms are of 2021, years before today's):
 *
 *   - 统计 opens on the latest year with data (not last calendar year) and offers only such years;
 *     a point of the scatter clicked shows the table of exactly that cell's forms (compared with the
 *     API), with a chip that clears it;
 *   - 抽查复核 opens on the latest year with something to re-check; its 抽样编号 has a help text;
 *   - the audit log of a form names the indicator and says 草稿/已提交, never `draft` or an id;
 *   - the preparer logs out on a form's page and the reviewer logs in: the reviewer's home, not the
 *     preparer's form;
 *   - in English the grades are English words and the counts agree with their nouns ("1 warning").
 *
 * Screenshots at 1440 and 390 px: test-results/e2e-screens/bureau-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, demoDraftId, noBrowser, openPage, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-bureau-pass';
/** The demo's forms are of this year only. */
const DEMO_YEAR = 2021;
/** The indicator of the demo draft whose score the preparer changes before the test (row 1). */
let indicatorName = '';
let draftId = '';

let e2e: E2e | undefined;
let base = '';

before(async () => {
  if (noBrowser) return;
  e2e = await startE2e({
    name: 'bureau',
    password: PASSWORD,
    // The demo draft gets an audit trail: the preparer lowers a score, the approver submits it.
    prepare: async (app) => {
      draftId = await demoDraftId(app.base, PASSWORD);
      const preparer = await apiSession(app.base, 'preparer', PASSWORD);
      const detail = await preparer<{ version: number; evaluation: any }>('GET', `/api/evaluations/${draftId}`);
      const first = detail.evaluation.indicators[0];
      indicatorName = first.name;
      first.score = Math.max(0, Number(first.score) - 1);
      first.remark = '宣传场次未达标，扣1分';
      // Remarks on two more indicators: an entry of five changes, more than the log shows at first.
      detail.evaluation.indicators[1].remark = '已按计划完成';
      detail.evaluation.indicators[2].remark = '见附件说明';
      // The stated total follows (a total that disagrees with its scores cannot be submitted).
      detail.evaluation.totals.score = Number(detail.evaluation.totals.score) - 1;
      const saved = await preparer<{ version: number }>('PUT', `/api/evaluations/${draftId}`, { version: detail.version, evaluation: detail.evaluation });
      await preparer('POST', '/api/logout');
      const approver = await apiSession(app.base, 'approver', PASSWORD);
      await approver('POST', `/api/evaluations/${draftId}/transitions`, { action: 'submit', version: saved.version });
      await approver('POST', '/api/logout');
    },
  });
  base = e2e.base;
});

after(() => stopE2e(e2e));

async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height, tag] of [[1440, 900, 'desktop'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(400); // the charts resize after the page does
    await page.screenshot({ path: join(SCREENS, `bureau-${name}-${tag}.png`), fullPage: true, animations: 'disabled', timeout: UI });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(300);
}

const selected = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-select-content, .ant-select-selection-item').first();

test('the dashboard opens on the latest year with data; a scatter point shows exactly its cell’s forms', { skip: noBrowser }, async () => {
  const page = await openPage(e2e!.browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, base, 'admin', PASSWORD);
  const admin = await apiSession(base, 'admin', PASSWORD);
  const { years } = await admin<{ years: Array<{ year: number; count: number }> }>('GET', '/api/dashboard/years');
  assert.equal(years[0]!.year, DEMO_YEAR, 'the demo’s year is the latest with data');
  assert.ok(years.every((y) => y.count > 0));

  const overview = page.waitForResponse((r) => /\/api\/dashboard\?/u.test(r.url()), { timeout: UI });
  await page.goto(`${base}/dashboard`, { timeout: UI });
  const board = (await (await overview).json()) as { year: number; total: number; scatter: { bin: number; cells: Array<{ rate: number; score: number; count: number; highScoreLowExecution: number }> } };
  assert.equal(board.year, DEMO_YEAR);
  assert.ok(board.total > 0, 'not an empty year');
  assert.equal((await selected(page, 'dashboard-year').innerText()).trim(), String(DEMO_YEAR));
  // Only years with data on offer.
  await page.getByTestId('dashboard-year').click();
  const offered = (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(offered, years.map((y) => String(y.year)));
  await page.keyboard.press('Escape');
  const scatter = page.getByTestId('chart-scatter');
  await scatter.locator('canvas').waitFor({ timeout: UI });
  await shots(page, 'dashboard');

  // The fullest cell (the demo's: 100 % and above, the last cell) and a red one, clicked where the
  // chart draws them (grid: left 48, right 24, top 24, bottom 40; both axes 0 to 100 + bin).
  const { bin, cells } = board.scatter;
  const fullest = [...cells].sort((a, b) => b.count - a.count)[0]!;
  const red = cells.find((c) => c.highScoreLowExecution > 0 && c !== fullest);
  for (const [n, cell] of [fullest, ...(red ? [red] : [])].entries()) {
    const box = (await scatter.boundingBox())!;
    const top = 100 + bin;
    const x = 48 + ((cell.rate + bin / 2) / top) * (box.width - 72);
    const y = 24 + (1 - (cell.score + bin / 2) / top) * (box.height - 64);
    const expected = await admin<{ total: number; items: Array<{ id: string; project: string }> }>(
      'GET', `/api/dashboard/table?year=${DEMO_YEAR}&rateFrom=${cell.rate}&rateTo=${cell.rate + bin}&scoreFrom=${cell.score}&scoreTo=${cell.score + bin}&limit=500`,
    );
    await scatter.scrollIntoViewIfNeeded();
    await scatter.hover({ position: { x, y } });
    await page.getByText('点击查看这些表').waitFor({ timeout: UI });
    // A cell of five forms or fewer names them (asked for on hovering).
    if (cell.count <= 5) for (const { project } of expected.items) await page.locator('div', { hasText: `· ${project}` }).last().waitFor({ timeout: UI });
    const tip = await page.locator('div', { hasText: '点击查看这些表' }).last().innerText();
    assert.match(tip, new RegExp(`${cell.count} 份`, 'u'), 'the tooltip counts the forms');
    assert.match(tip, /预算执行率 .*%/u);
    assert.match(tip, new RegExp(`其中 ${cell.highScoreLowExecution} 份`, 'u'), 'and says how many score high on a low rate');
    const filtered = page.waitForResponse((r) => r.url().includes('/api/dashboard/table') && r.url().includes(`rateFrom=${cell.rate}&`), { timeout: UI });
    await scatter.click({ position: { x, y } });
    const answer = await filtered;
    const url = new URL(answer.url());
    assert.deepEqual(
      ['rateFrom', 'rateTo', 'scoreFrom', 'scoreTo'].map((k) => url.searchParams.get(k)),
      [cell.rate, cell.rate + bin, cell.score, cell.score + bin].map(String),
    );
    assert.equal(expected.total, cell.count, 'the API’s table holds the cell’s count');
    const rows = page.locator('[data-testid=dashboard-row]');
    await page.waitForFunction((k) => document.querySelectorAll('[data-testid=dashboard-row]').length === k, expected.items.length, { timeout: UI });
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
    assert.deepEqual([...shown].sort(), expected.items.map((r) => r.id).sort(), 'the rows are exactly the cell’s forms');
    const chipText = (await page.getByTestId('dashboard-cell-chip').innerText()).trim();
    assert.match(chipText, /^执行率 .+%.*，得分 .+分 · 清除$/u);
    if (n === 0) assert.equal(chipText, cell.rate >= 100 ? `执行率 100% 及以上，得分 ${cell.score >= 100 ? '100分' : `${cell.score}–${cell.score + bin}分`} · 清除` : chipText);
    else assert.equal(chipText, `执行率 ${cell.rate}–${cell.rate + bin}%，得分 ${cell.score}–${cell.score + bin}分 · 清除`);
    await shots(page, `dashboard-cell-${n + 1}`);
  }
  await page.getByTestId('dashboard-cell-clear').click();
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid=dashboard-row]').length === k, Math.min(50, board.total), { timeout: UI });
  assert.equal(await page.getByTestId('dashboard-cell-chip').count(), 0);
  await page.context().close();
});

test('抽查复核 opens on the latest year with something to re-check; 抽样编号 says what it is for', { skip: noBrowser }, async () => {
  const page = await openPage(e2e!.browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, base, 'reviewer', PASSWORD);
  const reviewer = await apiSession(base, 'reviewer', PASSWORD);
  const { years } = await reviewer<{ years: Array<{ year: number; forms: number; draws: number }> }>('GET', '/api/rechecks/years');
  assert.equal(years[0]!.year, DEMO_YEAR);
  await page.goto(`${base}/rechecks`, { timeout: UI });
  await page.getByTestId('recheck-seed').waitFor({ timeout: UI });
  assert.equal((await selected(page, 'recheck-year').innerText()).trim(), String(DEMO_YEAR));
  await page.getByText('抽样编号', { exact: true }).first().waitFor({ timeout: UI });
  assert.equal(await page.getByText('随机种子').count(), 0, 'no jargon');
  const help = (await page.getByTestId('recheck-seed-help').innerText()).trim();
  assert.match(help, /同一个编号/u);
  assert.match(help, /核对/u);
  await shots(page, 'recheck');
  await page.context().close();
});

test('the audit log names the indicator and says 草稿 → 已提交, never the codes or ids', { skip: noBrowser }, async () => {
  const page = await openPage(e2e!.browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, base, 'preparer', PASSWORD);
  await page.goto(`${base}/evaluations/${draftId}`, { timeout: UI });
  await page.getByTestId('tab-audit').click({ timeout: UI });
  await page.getByTestId('audit-timeline').waitFor({ timeout: UI });
  const submitted = page.locator('[data-testid=audit-entry][data-action=submit]');
  await submitted.waitFor({ timeout: UI });
  assert.match(await submitted.innerText(), /草稿\s*→\s*已提交/u);
  const edit = page.locator('[data-testid=audit-entry][data-action=edit]').first();
  const editText = await edit.innerText();
  assert.ok(editText.includes(indicatorName), `the indicator by its name: ${editText}`);
  const all = await page.getByTestId('audit-timeline').innerText();
  assert.doesNotMatch(all, /\b(?:draft|submitted|indicators\[\d+\]|null|true|false)\b/u);
  assert.doesNotMatch(all, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/u, 'no ids');
  // An entry with more than a few changes shows three and opens to all of them.
  const expand = edit.getByTestId('audit-expand');
  assert.equal(await edit.locator('[data-testid=audit-change]').count(), 3);
  assert.match(await expand.innerText(), /展开全部 5 处修改/u);
  await expand.click();
  assert.equal(await edit.locator('[data-testid=audit-change]').count(), 5);
  assert.match(await edit.innerText(), /已按计划完成/u);
  await shots(page, 'audit');
  await page.context().close();
});

test('the preparer logs out on a form, the reviewer logs in: the reviewer’s home, not the preparer’s form', { skip: noBrowser }, async () => {
  const page = await openPage(e2e!.browser);
  await signIn(page, base, 'preparer', PASSWORD);
  await page.goto(`${base}/evaluations/${draftId}`, { timeout: UI });
  await page.getByTestId('tab-audit').waitFor({ timeout: UI });
  await page.getByTestId('logout').click();
  await page.waitForURL((u) => u.pathname.endsWith('/login'), { timeout: UI });
  await page.getByTestId('login-username').fill('reviewer', { timeout: UI });
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: UI });
  await page.waitForLoadState('networkidle');
  assert.equal(new URL(page.url()).pathname, '/evaluations', `the reviewer’s home, not ${page.url()}`);

  // The same user coming back after their own session ended is issue 13's (session-restore.e2e):
  // here, the reviewer logs out on a form and the preparer comes back to their home too.
  await page.goto(`${base}/evaluations/${draftId}`, { timeout: UI });
  await page.getByTestId('logout').click({ timeout: UI });
  await page.waitForURL((u) => u.pathname.endsWith('/login'), { timeout: UI });
  await page.getByTestId('login-username').fill('preparer', { timeout: UI });
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: UI });
  assert.equal(new URL(page.url()).pathname, '/evaluations');
  await page.context().close();
});

test('in English: grades in English, counts that agree with their nouns ("1 warning")', { skip: noBrowser }, async () => {
  const page = await openPage(e2e!.browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => localStorage.setItem('jixiao.lang', 'en'));
  await signIn(page, base, 'admin', PASSWORD);
  await page.goto(`${base}/dashboard`, { timeout: UI });
  const rows = page.locator('[data-testid=dashboard-row]');
  await rows.first().waitFor({ timeout: UI });
  const grades = await rows.locator('td:nth-child(7)').allInnerTexts();
  assert.ok(grades.length > 0);
  for (const grade of grades) assert.doesNotMatch(grade, /[\u4e00-\u9fff]/u, `a grade in English: ${grade}`);
  assert.ok(grades.some((g) => ['Excellent', 'Good', 'Pass', 'Fair', 'Poor', 'Fail'].includes(g.trim())), grades.join(', '));
  await page.getByText(/^\d+ rows?$/u).first().waitFor({ timeout: UI });
  await shots(page, 'english-dashboard');

  // Each demo form's checks: the count and its noun agree, whatever the count.
  const admin = await apiSession(base, 'admin', PASSWORD);
  const { items } = await admin<{ items: Array<{ id: string; project: string }> }>('GET', `/api/evaluations?year=${DEMO_YEAR}&limit=20`);
  const said: string[] = [];
  for (const form of items) {
    await page.goto(`${base}/evaluations/${form.id}`, { timeout: UI });
    const summary = page.getByTestId('findings-summary');
    if ((await summary.count()) === 0) {
      try {
        await summary.waitFor({ timeout: 5_000 });
      } catch {
        continue; // no findings: "no problems found", nothing to count
      }
    }
    const warnings = Number(await summary.getAttribute('data-warnings'));
    const errors = Number(await summary.getAttribute('data-errors'));
    const text = await summary.innerText();
    if (warnings + errors === 0) continue; // "no findings": nothing to count
    said.push(text);
    assert.ok(text.includes(warnings === 1 ? '1 warning' : `${warnings} warnings`), text);
    assert.doesNotMatch(text, /\b1 warnings\b|\b1 errors\b/u);
    assert.ok(text.includes(errors === 1 ? '1 error' : `${errors} errors`), text);
  }
  assert.ok(said.length > 0, 'some form has findings');
  // The demo's 中介机构服务费 has one warning (a field left blank): "1 warning", not "1 warnings".
  assert.ok(said.some((text) => /\b1 warning\b/u.test(text)), `one warning said in the singular: ${said.join(' | ')}`);
  await page.context().close();
});
