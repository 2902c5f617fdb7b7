/**
 * Rectification (整改, issue 17) in headless Chromium against the real `jixiao serve --demo` (fresh
 * SQLite database). Made over the API first: a draft of the office that passes the checks (its sent
 * demo form under another project name) with one evidence file, submitted and approved.
 *
 * One item from re-check to closed: the reviewer draws 2021 (all its approved forms), re-checks the
 * form one point lower with a reason and raises an item from the result (the problem prefilled with
 * the gap); the office's preparer sees it on 整改 (not overdue), cites the evidence and answers; the
 * reviewer sends it back with a reason; the preparer answers again; the reviewer accepts → closed;
 * the form's 整改 tab shows it; an item left open is a reminder on next year's copy of the form; the
 * results application is saved by the reviewer (a stale second tab is refused with 409 and keeps
 * its words) and absent for the preparer. axe on the list and the item at 1280 and 390 px; nothing
 * wider than the phone. Screenshots in test-results/e2e-screens/rect-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { pdfBytes } from '../server/support/evidence-files.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { apiSession, newOfficeDraft, noBrowser as skip, pickOption, SCREENS, signIn, startE2e, stopE2e, storySteps, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-rectification-pass';
const PROJECT = '整改测试项目';
const EVIDENCE = '整改佐证.pdf';
const DUE = '2099-06-30';

let e2e: E2e | undefined;
let base = '';
let formId = '';
let itemId = '';
const pageErrors: string[] = [];
const pages = new Map<string, Page>();

/** `username`'s session headers, for the calls apiSession does not make (a multipart upload, a refusal). */
async function sessionHeaders(username: string): Promise<Record<string, string>> {
  const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function upload(username: string, id: string, name: string, bytes: Uint8Array): Promise<void> {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
  const res = await fetch(`${base}/api/evaluations/${id}/evidence`, { method: 'POST', headers: await sessionHeaders(username), body: form });
  assert.equal(res.status, 201, `upload: ${res.status} ${await res.text()}`);
}

/** The office's new form, with its evidence, submitted and approved. */
async function prepare(): Promise<void> {
  const preparer = await apiSession(base, 'preparer', PASSWORD);
  formId = await newOfficeDraft(preparer, PROJECT);
  await upload('preparer', formId, EVIDENCE, pdfBytes('rectification evidence'));
  const approver = await apiSession(base, 'approver', PASSWORD);
  await approver('POST', `/api/evaluations/${formId}/transitions`, { action: 'submit', version: (await approver('GET', `/api/evaluations/${formId}`)).version });
  const reviewer = await apiSession(base, 'reviewer', PASSWORD);
  await reviewer('POST', `/api/evaluations/${formId}/transitions`, { action: 'approve', version: (await reviewer('GET', `/api/evaluations/${formId}`)).version });
}

/** A page of `username`'s own (signed in once) at this width; `bypassCSP` lets axe's script in. */
async function pageOf(username: string, width = 1280): Promise<Page> {
  const key = `${username}@${width}`;
  const known = pages.get(key);
  if (known) return known;
  const context = await e2e!.browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, locale: 'zh-CN', bypassCSP: true });
  context.setDefaultTimeout(UI);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${key}: ${e.message}`));
  await signIn(page, base, username, PASSWORD);
  pages.set(key, page);
  return page;
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, [data-testid=page-loading]').length === 0, undefined, { timeout: UI });
  await page.waitForTimeout(400);
}

/** `fullPage` false for a drawer: it is fixed to the window, and a whole-page picture would cut it at the window's height. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(SCREENS, `rect-${name}.png`), fullPage, animations: 'disabled' });
}

/** axe finds nothing serious; on a phone nothing is wider than the phone. */
async function checkPage(page: Page, what: string): Promise<void> {
  const problems = await seriousViolations(page);
  assert.deepEqual(problems.map((p) => p.id), [], `${what}:\n${describeViolations(problems)}`);
  const viewport = page.viewportSize()!.width;
  if (viewport < 500) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport, `${what}: the document is ${width}px wide on a ${viewport}px phone`);
  }
}

/** The item opened from the 整改 list (filters in the address). */
async function openItem(page: Page, query = ''): Promise<void> {
  await page.goto(`${base}/rectifications${query}`, { timeout: UI });
  await page.locator(`[data-testid=rect-row][data-id="${itemId}"]`).first().click();
  await page.locator(`[data-testid=rect-detail][data-id="${itemId}"]`).waitFor();
}

const detailStatus = (page: Page, status: string) => page.locator(`[data-testid=rect-detail][data-id="${itemId}"][data-status=${status}]`).waitFor();

/** A POST to an item's route, clicked, and its status. */
async function post(page: Page, path: RegExp, click: () => Promise<void>): Promise<number> {
  const answered = page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === 'POST', { timeout: UI });
  await click();
  return (await answered).status();
}

before(async () => {
  if (skip) return;
  e2e = await startE2e({ name: 'rectification', password: PASSWORD, prepare: async (app) => { base = app.base; await prepare(); } });
  base = e2e.base;
}, { timeout: 300_000 });

after(() => stopE2e(e2e));

const story = storySteps(async () => {
  for (const [key, page] of pages) await page.screenshot({ path: join(SCREENS, `rect-failed-${key.replace('@', '-')}.png`), fullPage: true });
});
/** Without the browser nothing runs (the steps say so). */
const step = (name: string, run: () => Promise<void>) => (skip ? test(name, { skip }, () => undefined) : story(name, run));

step('1. the reviewer draws 2021, re-checks the form one point lower and raises an item from the result', async () => {
  const page = await pageOf('reviewer');
  await page.goto(`${base}/rechecks?year=2021`);
  await page.getByTestId('recheck-seed').fill('20261203');
  await page.getByTestId('recheck-share').fill('100');
  await page.getByTestId('recheck-draw').click();
  await page.waitForURL(/\/rechecks\/[0-9a-f-]{36}$/u);
  await page.locator('[data-testid=recheck-form-row]', { hasText: PROJECT }).first().click();
  await page.getByTestId('recheck-current').filter({ hasText: PROJECT }).waitFor();
  const self = Number((await page.locator('[data-testid=recheck-scores] tbody tr.ant-table-row').first().locator('td').nth(4).innerText()).trim());
  await page.getByTestId('recheck-score-0').fill(String(self - 1));
  await page.getByTestId('recheck-reason-0').fill('佐证材料显示实际完成值低于填报值');
  await page.getByRole('button', { name: '按自评分填入' }).click();
  const saved = page.waitForResponse((r) => /\/api\/rechecks\/.+\/evaluations\//u.test(r.url()) && r.request().method() === 'PUT');
  await page.getByTestId('recheck-save').click();
  assert.equal((await saved).status(), 200);

  await page.getByTestId('recheck-raise').click();
  const problem = page.getByTestId('rect-raise-problem');
  await problem.waitFor();
  // Written from the gap report, asked again after the save: the dialog takes its words when they come.
  await page.waitForFunction(() => (document.querySelector('[data-testid=rect-raise-problem]') as HTMLTextAreaElement | null)?.value.includes('差异') ?? false, undefined, { timeout: UI });
  const prefilled = await problem.inputValue();
  assert.match(prefilled, /自评总分 [\d.]+ 分，复核总分 [\d.]+ 分，差异 -1(\.00)? 分/u, prefilled);
  assert.match(prefilled, /理由：佐证材料显示实际完成值低于填报值/u, prefilled);
  await problem.fill(`${prefilled}\n复核认为产出指标的实际完成值依据不足。`);
  await page.getByTestId('rect-raise-requirement').fill('补充实际完成值的佐证材料，说明差异原因并提出改进措施。');
  // Closed and opened again: what was typed stays (the gap's words are not put back over it).
  const typedProblem = await problem.inputValue();
  await page.keyboard.press('Escape');
  await problem.waitFor({ state: 'hidden' });
  await page.getByTestId('recheck-raise').click();
  await problem.waitFor();
  await page.waitForTimeout(300);
  assert.equal(await problem.inputValue(), typedProblem, 'the problem as typed, not the prefill again');
  const due = page.getByTestId('rect-raise-due');
  await due.click();
  // A date no format reads is said to be unread, with what was typed, and stays in the field.
  await due.fill('30.6.2099');
  await due.press('Tab');
  await page.locator('.ant-form-item-explain-error', { hasText: '未能识别所填日期“30.6.2099”' }).waitFor();
  assert.equal(await due.inputValue(), '30.6.2099', 'kept as typed when the field is left');
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENS, `rect-raise-due-unread-${width}.png`), animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // Another way of writing it is read: kept as typed, the day it was read as said under it.
  const typedDue = DUE.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/u, '$1/$2/$3');
  await due.fill(typedDue);
  await due.press('Tab');
  assert.equal(await due.inputValue(), typedDue);
  assert.equal(await page.getByTestId('rect-raise-due-reading').innerText(), `= ${DUE}`);
  await page.locator('.ant-form-item-explain-error', { hasText: '未能识别' }).waitFor({ state: 'detached' });
  // The calendar picks a day too: the first of the month shown, then the typed date again.
  await page.getByTestId('rect-raise-due-pick').click();
  await page.getByTestId('rect-raise-due-calendar').waitFor();
  await page.screenshot({ path: join(SCREENS, 'rect-raise-calendar-1280.png'), animations: 'disabled' });
  await page.getByTestId('rect-raise-due-calendar').locator(`td[title="${DUE.slice(0, 8)}01"]`).click();
  assert.equal(await due.inputValue(), `${DUE.slice(0, 8)}01`);
  await due.fill(typedDue);
  await page.screenshot({ path: join(SCREENS, 'rect-raise-1280.png'), animations: 'disabled' });
  const raised = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/evaluations/${formId}/rectifications` && r.request().method() === 'POST');
  await page.getByTestId('rect-raise-confirm').click();
  const answer = await raised;
  assert.equal(answer.status(), 201, await answer.text());
  const item = (await answer.json()) as { id: string; recheckDraw: string | null; indicator: { name: string } | null; dueDate: string };
  itemId = item.id;
  assert.ok(item.recheckDraw, 'raised from the draw');
  assert.equal(item.dueDate, DUE);
  assert.ok(item.indicator, 'the one indicator re-checked otherwise is chosen');
});

step('2. the preparer sees it (not overdue), cites the evidence and answers', async () => {
  const page = await pageOf('preparer');
  await page.getByTestId('nav-rectifications').click();
  await page.waitForURL('**/rectifications');
  const row = page.locator(`[data-testid=rect-row][data-id="${itemId}"]`).first();
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'open');
  assert.equal(await row.getAttribute('data-overdue'), 'false');
  assert.equal(await row.getByTestId('rect-overdue').count(), 0, 'no overdue mark before the due date');
  await shot(page, 'list-1280');
  await checkPage(page, 'the list at 1280');

  // On a phone: the item full width, its answer form at the bottom of the drawer.
  const phone = await pageOf('preparer', 390);
  await openItem(phone);
  await phone.getByTestId('rect-answer-form').scrollIntoViewIfNeeded();
  await shot(phone, 'detail-answer-390', false);
  await checkPage(phone, 'the item with the answer form at 390');

  await row.click();
  await page.locator(`[data-testid=rect-detail][data-id="${itemId}"]`).waitFor();
  assert.match(await page.getByTestId('rect-problem').innerText(), /依据不足/u);
  await page.getByTestId('rect-upload-link').waitFor();
  await page.getByTestId('rect-measures-input').fill('已补充培训签到表和验收报告。');
  // A multiple select stays open after a choice: closed with Escape.
  await page.getByTestId('rect-evidence-select').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: EVIDENCE }).click();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=rect-evidence-select] .ant-select-selection-item', { hasText: EVIDENCE }).waitFor();
  await shot(page, 'detail-answer-1280', false);
  await checkPage(page, 'the item with the answer form at 1280');
  assert.equal(await post(page, /\/answer$/u, () => page.getByTestId('rect-submit-answer').click()), 200);
  await detailStatus(page, 'answered');
  await page.getByTestId('rect-evidence-link').filter({ hasText: EVIDENCE }).waitFor();
  assert.equal(await page.getByTestId('rect-answer-form').count(), 0, 'answered: nothing more to do for the unit');
});

step('3. the reviewer sends it back with a reason (a blank reason is asked for)', async () => {
  const page = await pageOf('reviewer');
  await openItem(page, '?status=answered');
  assert.equal(await page.getByTestId('rect-evidence-link').getAttribute('href'), `/api/evaluations/${formId}/evidence/${await evidenceId()}`);
  await page.getByTestId('rect-send-back').click();
  await page.getByText('退回必须填写原因').waitFor();
  await page.getByTestId('rect-review-text').fill('签到表未体现培训人次，请补充。');
  assert.equal(await post(page, /\/send-back$/u, () => page.getByTestId('rect-send-back').click()), 200);
  await detailStatus(page, 'open');
  assert.match(await page.getByTestId('rect-send-back-reason').innerText(), /签到表未体现培训人次/u);
});

async function evidenceId(): Promise<string> {
  const reviewer = await apiSession(base, 'reviewer', PASSWORD);
  const { items } = await reviewer('GET', `/api/evaluations/${formId}/evidence`);
  return items.find((f: any) => f.fileName === EVIDENCE).id;
}

step('4. the preparer reads the reason and answers again from the last answer', async () => {
  const page = await pageOf('preparer');
  await openItem(page);
  assert.match(await page.getByTestId('rect-send-back-reason').innerText(), /签到表未体现培训人次/u);
  const measures = page.getByTestId('rect-measures-input');
  // The drawer fills the box from the item once it has loaded: wait for it rather than read it at once.
  await page.waitForFunction(
    (expected) => (document.querySelector('[data-testid=rect-measures-input]') as HTMLTextAreaElement | null)?.value === expected,
    '已补充培训签到表和验收报告。',
    { timeout: UI },
  ).catch(async () => assert.fail(`the last answer to work from, found ${JSON.stringify(await measures.inputValue())}`));
  await measures.fill('已补充培训签到表（共 512 人次）和验收报告。');
  assert.equal(await post(page, /\/answer$/u, () => page.getByTestId('rect-submit-answer').click()), 200);
  await detailStatus(page, 'answered');

  const phone = await pageOf('preparer', 390);
  await phone.goto(`${base}/rectifications`);
  await phone.locator(`li[data-testid=rect-row][data-id="${itemId}"]`).waitFor();
  await shot(phone, 'list-390');
  await checkPage(phone, 'the list at 390');
  await phone.locator(`li[data-testid=rect-row][data-id="${itemId}"]`).click();
  await phone.locator(`[data-testid=rect-detail][data-id="${itemId}"]`).waitFor();
  await shot(phone, 'detail-390', false);
  await checkPage(phone, 'the item at 390');
});

step('5. the reviewer accepts: closed, with its history', async () => {
  const page = await pageOf('reviewer');
  await openItem(page, '?status=answered');
  await page.getByTestId('rect-review-text').fill('整改到位，同意销号。');
  assert.equal(await post(page, /\/accept$/u, () => page.getByTestId('rect-accept').click()), 200);
  await detailStatus(page, 'closed');
  await page.locator('[data-testid=rect-history-entry][data-action=accept]').waitFor();
  assert.equal(await page.getByTestId('rect-history-entry').count(), 5, 'raised, answered, sent back, answered, accepted');
  await shot(page, 'detail-closed-1280', false);
  await checkPage(page, 'the closed item at 1280');
  await page.goto(`${base}/rectifications?status=closed`);
  await page.locator(`[data-testid=rect-row][data-id="${itemId}"][data-status=closed]`).waitFor();
});

step('6. the form shows the item on its 整改 tab, at 1280 and 390', async () => {
  for (const width of [1280, 390]) {
    const page = await pageOf('preparer', width);
    await page.goto(`${base}/evaluations/${formId}?tab=rectification`);
    await page.locator(`[data-testid=rect-panel-item][data-id="${itemId}"][data-status=closed]`).waitFor();
    assert.match(await page.getByTestId('tab-rectification').innerText(), /整改（1）/u);
    assert.equal(await page.getByTestId('rect-raise').count(), 0, 'the unit raises nothing');
    await shot(page, `form-panel-${width}`);
    await checkPage(page, `the form's 整改 tab at ${width}`);
  }
});

step('7. an item left open is a reminder on next year’s form of the project', async () => {
  const reviewer = await apiSession(base, 'reviewer', PASSWORD);
  await reviewer('POST', `/api/evaluations/${formId}/rectifications`, { problem: '预算执行率偏低，资金结转较多。', requirement: '分析结转原因，下年度编制预算时压减。', dueDate: DUE });
  const preparer = await apiSession(base, 'preparer', PASSWORD);
  const next = (await preparer('POST', `/api/evaluations/${formId}/copy-to-next-year`)).id as string;
  const page = await pageOf('preparer');
  await page.goto(`${base}/evaluations/${next}`);
  const banner = page.getByTestId('rect-earlier');
  await banner.waitFor();
  assert.match(await banner.innerText(), /上年度整改事项未完成/u);
  assert.match(await banner.innerText(), /预算执行率偏低/u);
  assert.doesNotMatch(await banner.innerText(), /依据不足/u, 'the closed item is no reminder');
  await shot(page, 'next-year-1280');
  const phone = await pageOf('preparer', 390);
  await phone.goto(`${base}/evaluations/${next}`);
  await phone.getByTestId('rect-earlier').waitFor();
  await shot(phone, 'next-year-390');
  await checkPage(phone, 'next year’s form with the reminder at 390');
});

step('8. the reviewer records the results application; a stale tab is refused and keeps its words; the preparer never sees it', async () => {
  const page = await pageOf('reviewer');
  const stale = await pageOf('reviewer', 1281);
  for (const p of [page, stale]) {
    await p.goto(`${base}/evaluations/${formId}?tab=results`);
    await p.getByTestId('results-form').waitFor();
  }
  await pickOption(page, page.getByTestId('results-category'), '维持预算');
  await page.getByTestId('results-text').fill('评价等级为良，下年度预算按原规模安排。');
  const saved = page.waitForResponse((r) => r.url().endsWith('/results-application') && r.request().method() === 'PUT');
  await page.getByTestId('results-save').click();
  assert.equal((await saved).status(), 200);
  await page.getByTestId('results-text-shown').filter({ hasText: '按原规模安排' }).waitFor();
  await shot(page, 'results-1280');

  // The second tab read the form before: its save is on a stale version.
  await pickOption(stale, stale.getByTestId('results-category'), '压减预算');
  await stale.getByTestId('results-text').fill('执行率偏低，下年度预算压减 10%。');
  const refused = stale.waitForResponse((r) => r.url().endsWith('/results-application') && r.request().method() === 'PUT');
  await stale.getByTestId('results-save').click();
  assert.equal((await refused).status(), 409);
  await stale.getByTestId('results-conflict').waitFor();
  await stale.getByTestId('results-reload').click();
  await stale.getByTestId('results-text-shown').filter({ hasText: '按原规模安排' }).waitFor();
  assert.equal(await stale.getByTestId('results-text').inputValue(), '执行率偏低，下年度预算压减 10%。', 'the typed words survive the reload');
  await stale.context().close();
  pages.delete('reviewer@1281');

  const preparer = await pageOf('preparer');
  await preparer.goto(`${base}/evaluations/${formId}`);
  await preparer.getByTestId('tab-rectification').waitFor();
  assert.equal(await preparer.getByTestId('tab-results').count(), 0, 'no results tab for the unit');
  const res = await fetch(`${base}/api/evaluations/${formId}/results-application`, { headers: await sessionHeaders('preparer') });
  assert.equal(res.status, 403, 'the server refuses the unit too');
  assert.deepEqual(pageErrors, []);
});
