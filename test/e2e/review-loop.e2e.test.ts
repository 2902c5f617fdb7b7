/**
 * The review loop finished inside the system (issue 14), in headless Chromium against the real
 * `jixiao serve` (built UI, fresh SQLite database, demo data), on the office's demo draft 金融业务费用:
 *
 *  1. the approver returns the draft with a reason; the preparer finds it in 待我处理 and reads why;
 *  2. the approver opens it, the preparer changes it meanwhile (over the API), the approver's 提交 is
 *     refused with what changed shown (the indicator named); reload, look, submit;
 *  3. the preparer's open editor, whose form the approver submits meanwhile, says so when its save
 *     is refused and turns read-only with the real status (never "无权执行此操作" beside 草稿);
 *  4. the reviewer's 待我处理 holds only what awaits the reviewer (no drafts, nothing published or approved);
 *  5. the reviewer withdraws the demo's published form (撤回公开, with a reason): the public page is gone;
 *  6. 复制到下一年度 clicked twice makes one copy; clicked again later it names the copy and opens it;
 *  7. an imported form of another unit (区体育局) says so and asks before it is saved into the user's unit.
 *
 * Screenshots in test-results/e2e-screens/review-loop-*.png (1440 px wide; the reviewer's list also at 390).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from './support/served-app.ts';
import { apiSession, DEMO_OFFICE, demoDraftId, noBrowser, SCREENS, signIn, startE2e, STILL, stopE2e, UI, type ApiCall, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-review-loop-pass';
const REASON = '请补充第1项指标的佐证说明后再提交。';
const CHANGED_REMARK = '已补充：佐证材料见附件（预算执行报表）';
const WITHDRAW = '公开的实际完成值有误，更正后重新公开。';

let e2e: E2e | undefined;
let base = '';
let draftId = '';
let firstIndicator = '';
const pages: Page[] = [];

const inModal = (page: Page, inner: string) => page.locator(`.ant-modal${STILL} ${inner}`);

async function settled(page: Page): Promise<void> {
  await page.locator('.ant-spin-blur, .ant-spin-spinning').first().waitFor({ state: 'detached', timeout: UI });
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(SCREENS, `review-loop-${name}.png`), fullPage: true, animations: 'disabled', timeout: UI });
}

/** A browser page of its own (cookies not shared), signed in as `username`, on the list. */
async function signedIn(username: string, width = 1440): Promise<Page> {
  const page = await (await e2e!.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' })).newPage();
  pages.push(page);
  await signIn(page, base, username, PASSWORD);
  await page.getByTestId('evaluation-table').waitFor({ timeout: UI });
  await settled(page);
  return page;
}

async function openForm(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/evaluations/${id}`, { timeout: UI });
  await page.getByTestId('editor-status').waitFor({ timeout: UI });
}

const statusOf = (page: Page) => page.getByTestId('editor-status').getAttribute('data-status');
const expectStatus = (page: Page, status: string) => page.locator(`[data-testid=editor-status][data-status=${status}]`).waitFor({ timeout: UI });

/** The ids and statuses of the list's rows as shown (the current view and page). */
async function rowsShown(page: Page): Promise<Array<{ id: string; status: string }>> {
  await settled(page);
  return page.locator('[data-testid=evaluation-row]').evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute('data-id') ?? '', status: r.getAttribute('data-status') ?? '' })));
}

describe('the review loop in the browser', { skip: noBrowser }, () => {
  let preparerApi: ApiCall;
  let approverApi: ApiCall;

  before(async () => {
    e2e = await startE2e({ name: 'review-loop', password: PASSWORD });
    base = e2e.base;
    draftId = await demoDraftId(base, PASSWORD);
    preparerApi = await apiSession(base, 'preparer', PASSWORD);
    approverApi = await apiSession(base, 'approver', PASSWORD);
    firstIndicator = (await preparerApi('GET', `/api/evaluations/${draftId}`)).evaluation.indicators[0].name;
  }, { timeout: 300_000 });

  after(() => stopE2e(e2e));

  test('1. the approver returns the draft with a reason; the preparer finds it in 待我处理 and reads the reason', async () => {
    const approver = await signedIn('approver');
    assert.ok((await rowsShown(approver)).some((r) => r.id === draftId), 'the draft waits for the approver');
    await openForm(approver, draftId);
    await approver.getByTestId('workflow-return').click({ timeout: UI });
    await inModal(approver, '[data-testid=return-dialog][data-kind=returnToPreparer]').waitFor({ timeout: UI });
    await approver.getByTestId('return-reason-input').fill(REASON);
    await shot(approver, '1-approver-return-dialog');
    const answer = approver.waitForResponse((r) => r.url() === `${base}/api/evaluations/${draftId}/transitions`, { timeout: UI });
    await inModal(approver, '[data-testid=return-confirm]').click();
    assert.equal((await answer).status(), 200);
    await expectStatus(approver, 'returned');

    const preparer = await signedIn('preparer');
    const row = preparer.locator(`[data-testid=evaluation-row][data-id="${draftId}"]`);
    await row.waitFor({ timeout: UI });
    assert.equal(await row.getAttribute('data-status'), 'returned', 'in the preparer\'s 待我处理, as returned');
    await row.getByTestId('evaluation-link').click();
    assert.equal((await preparer.getByTestId('return-reason').innerText({ timeout: UI })).trim(), REASON);
    assert.equal(await preparer.locator('[data-testid=save-state]').count(), 1, 'the preparer edits it again');
    await shot(preparer, '1-preparer-reads-reason');
  });

  test('2. a stale 提交 is refused with what changed shown; reloaded and looked at, it goes through', async () => {
    const approver = await signedIn('approver');
    await openForm(approver, draftId);
    const seen = await preparerApi('GET', `/api/evaluations/${draftId}`);
    // The preparer changes the form elsewhere after the approver opened it.
    const evaluation = seen.evaluation;
    evaluation.indicators[0].remark = CHANGED_REMARK;
    await preparerApi('PUT', `/api/evaluations/${draftId}`, { version: seen.version, evaluation });

    const answer = approver.waitForResponse((r) => r.url() === `${base}/api/evaluations/${draftId}/transitions`, { timeout: UI });
    await approver.getByTestId('workflow-submit').click({ timeout: UI });
    await approver.locator(`.ant-popconfirm${STILL}:not(.ant-popover-hidden) [data-testid=confirm-ok]`).click({ timeout: UI });
    assert.equal((await answer).status(), 409);
    const change = inModal(approver, '[data-testid=stale-change-row]');
    await change.first().waitFor({ timeout: UI });
    const words = (await change.allInnerTexts()).join('\n');
    assert.ok(words.includes(firstIndicator) && words.includes(CHANGED_REMARK), `the change names the indicator and shows the new text: ${words}`);
    await shot(approver, '2-approver-stale-submit');
    assert.equal((await approverApi('GET', `/api/evaluations/${draftId}`)).status, 'returned', 'nothing was submitted');

    await inModal(approver, '[data-testid=stale-reload]').click();
    await approver.getByTestId('stale-dialog').waitFor({ state: 'detached', timeout: UI });
    const submitted = approver.waitForResponse((r) => r.url() === `${base}/api/evaluations/${draftId}/transitions`, { timeout: UI });
    await approver.getByTestId('workflow-submit').click({ timeout: UI });
    await approver.locator(`.ant-popconfirm${STILL}:not(.ant-popover-hidden) [data-testid=confirm-ok]`).click({ timeout: UI });
    assert.equal((await submitted).status(), 200);
    await expectStatus(approver, 'submitted');
  });

  test('3. the preparer\'s open editor, whose form the approver submits meanwhile, turns read-only and says so', async () => {
    const source = await preparerApi('GET', `/api/evaluations/${draftId}`);
    const document = { ...source.evaluation, project: { ...source.evaluation.project, name: '金融业务费用（二）' } };
    const { id } = await preparerApi<{ id: string }>('POST', '/api/evaluations', { evaluation: document });
    const preparer = await signedIn('preparer');
    await openForm(preparer, id);
    assert.equal(await statusOf(preparer), 'draft');

    const current = await approverApi('GET', `/api/evaluations/${id}`);
    await approverApi('POST', `/api/evaluations/${id}/transitions`, { action: 'submit', version: current.version });
    const put = preparer.waitForResponse((r) => r.url() === `${base}/api/evaluations/${id}` && r.request().method() === 'PUT', { timeout: 10_000 });
    await preparer.getByTestId('indicator-score-0').fill('1');
    assert.equal((await put).status(), 403);
    await preparer.getByTestId('left-hands').waitFor({ timeout: UI });
    await expectStatus(preparer, 'submitted');
    const note = await preparer.getByTestId('left-hands').innerText();
    assert.match(note, /只读/u);
    assert.match(note, /已提交/u);
    assert.doesNotMatch(await preparer.locator('body').innerText(), /无权执行此操作/u);
    assert.equal(await preparer.locator('[data-testid=save-state]').count(), 0, 'no save state: nothing is edited any more');
    await preparer.getByTestId('left-hands-show').click();
    await preparer.getByTestId('left-hands-diff').waitFor({ timeout: UI });
    await shot(preparer, '3-preparer-left-hands');
    // What was typed is kept in the tab's copy (offered again, as unsavable, when the form is opened).
    const kept = await preparer.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('jixiao.unsaved:')).length);
    assert.ok(kept >= 1, 'the unsaved text kept in the tab');
  });

  test('4. the reviewer\'s 待我处理 holds only what awaits the reviewer; 全部 holds the rest', async () => {
    const reviewerApi = await apiSession(base, 'reviewer', PASSWORD);
    const inbox = await reviewerApi('GET', '/api/evaluations?needsMyAction=1&limit=500');
    const reviewer = await signedIn('reviewer');
    const shown = await rowsShown(reviewer);
    assert.deepEqual(shown.map((r) => r.id).sort(), inbox.items.map((s: any) => s.id).sort(), 'the list\'s default view is the server\'s inbox');
    assert.ok(shown.length >= 2 && shown.some((r) => r.id === draftId), 'the form the approver submitted waits for the reviewer');
    assert.deepEqual([...new Set(shown.map((r) => r.status))].filter((s) => s !== 'submitted' && s !== 'forwarded'), [], 'no draft, approved or published form');
    await shot(reviewer, '4-reviewer-inbox');

    await reviewer.getByTestId('list-view-all').click();
    await reviewer.locator('[data-testid=evaluation-row][data-status=published]').first().waitFor({ timeout: UI });
    const all = await rowsShown(reviewer);
    assert.ok(all.length > shown.length, '全部 holds more');

    const phone = await signedIn('reviewer', 390);
    assert.deepEqual((await rowsShown(phone)).map((r) => r.id).sort(), inbox.items.map((s: any) => s.id).sort());
    await shot(phone, '4-reviewer-inbox-390');
  });

  test('5. the reviewer withdraws a published form with a reason: the public page is gone, it is approved again', async () => {
    const reviewer = await signedIn('reviewer');
    await reviewer.getByTestId('list-view-all').click();
    const row = reviewer.locator('[data-testid=evaluation-row][data-status=published]', { hasText: DEMO_OFFICE }).first();
    await row.waitFor({ timeout: UI });
    const id = (await row.getAttribute('data-id'))!;
    assert.equal((await fetch(`${base}/api/public/evaluations/${id}`)).status, 200);
    await row.getByTestId('evaluation-link').click();
    await reviewer.getByTestId('workflow-unpublish').click({ timeout: UI });
    await inModal(reviewer, '[data-testid=return-dialog][data-kind=unpublish]').waitFor({ timeout: UI });
    await inModal(reviewer, '[data-testid=return-confirm]').click();
    await reviewer.getByText('撤回公开必须填写原因').waitFor({ timeout: UI });
    await reviewer.getByTestId('return-reason-input').fill(WITHDRAW);
    await shot(reviewer, '5-reviewer-unpublish-dialog');
    const answer = reviewer.waitForResponse((r) => r.url() === `${base}/api/evaluations/${id}/transitions`, { timeout: UI });
    await inModal(reviewer, '[data-testid=return-confirm]').click();
    assert.equal((await answer).status(), 200);
    await expectStatus(reviewer, 'approved');
    await reviewer.getByTestId('workflow-publish').waitFor({ timeout: UI });

    assert.equal((await fetch(`${base}/api/public/evaluations/${id}`)).status, 404);
    const publicList = (await (await fetch(`${base}/api/public/evaluations?limit=500`)).json()) as { items: Array<{ id: string }> };
    assert.ok(!publicList.items.some((s) => s.id === id), 'gone from the public list');
    const visitor = await (await e2e!.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    pages.push(visitor);
    await visitor.goto(`${base}/public/${id}`, { timeout: UI });
    await visitor.locator('.ant-result-404').waitFor({ timeout: UI });
    await shot(visitor, '5-public-page-gone');
  });

  test('6. 复制到下一年度: a double click makes one copy; asked again, the existing copy is named and opened', async () => {
    const preparer = await signedIn('preparer');
    const { items } = await preparerApi('GET', '/api/evaluations?year=2021&status=approved');
    const source = items.find((s: any) => s.unit.name === DEMO_OFFICE);
    assert.ok(source, 'the form withdrawn in step 5 is approved again');
    await openForm(preparer, source.id);
    const posts: number[] = [];
    preparer.on('response', (r) => {
      if (r.url() === `${base}/api/evaluations/${source.id}/copy-to-next-year`) posts.push(r.status());
    });
    await preparer.getByTestId('workflow-copy').dblclick({ timeout: UI });
    await preparer.waitForURL((url) => url.pathname.startsWith('/evaluations/') && !url.pathname.endsWith(source.id), { timeout: UI });
    const copyId = new URL(preparer.url()).pathname.split('/').pop()!;
    assert.deepEqual(posts, [201], 'one request, one copy (the button waits for its answer)');
    const copies = await preparerApi('GET', '/api/evaluations?year=2022');
    assert.equal(copies.items.filter((s: any) => s.project === source.project).length, 1);

    await openForm(preparer, source.id);
    await preparer.getByTestId('workflow-copy').click({ timeout: UI });
    await inModal(preparer, '[data-testid=copy-exists]').waitFor({ timeout: UI });
    assert.match(await preparer.getByTestId('copy-exists').innerText(), /2022/u);
    assert.deepEqual(posts, [201, 409]);
    await shot(preparer, '6-copy-exists');
    await inModal(preparer, '[data-testid=copy-open-existing]').click();
    await preparer.waitForURL(`**/evaluations/${copyId}`, { timeout: UI });
  });

  test('7. an imported form of another unit says whose it is and asks before saving it into the user\'s unit', async () => {
    const preparer = await signedIn('preparer');
    await preparer.goto(`${base}/import`, { timeout: UI });
    const text = readFileSync(join(ROOT, 'src/import/text/fixtures/national-2022-sports.txt'));
    await preparer.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles([{ name: 'sports.txt', mimeType: 'text/plain', buffer: text }]);
    const tag = preparer.getByTestId('import-unit-mismatch-0');
    await tag.waitFor({ timeout: 60_000 });
    assert.match(await tag.innerText(), /上海市普陀区体育局/u);
    assert.match(await tag.innerText(), new RegExp(DEMO_OFFICE, 'u'));
    const saves: number[] = [];
    preparer.on('response', (r) => {
      if (r.url() === `${base}/api/evaluations` && r.request().method() === 'POST') saves.push(r.status());
    });
    await preparer.getByTestId('import-save-0').click();
    await inModal(preparer, '[data-testid=import-unit-confirm]').waitFor({ timeout: UI });
    const asked = await preparer.getByTestId('import-unit-confirm').innerText();
    assert.ok(asked.includes('上海市普陀区体育局') && asked.includes(DEMO_OFFICE), asked);
    await shot(preparer, '7-import-other-unit');
    assert.deepEqual(saves, [], 'nothing saved before the user says so');
    const saved = preparer.waitForResponse((r) => r.url() === `${base}/api/evaluations` && r.request().method() === 'POST', { timeout: UI });
    await inModal(preparer, '[data-testid=import-unit-confirm-ok]').click();
    assert.equal((await saved).status(), 201);
    await preparer.getByTestId('import-open-0').waitFor({ timeout: UI });
  });
});
