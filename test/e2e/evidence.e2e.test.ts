/**
 * Evidence files (佐证材料) in headless Chromium against the real `jixiao serve` (built UI, fresh
 * SQLite database: the contents in the database store). A new draft of the office (the content of
 * its submitted demo form, so that it can be submitted) is made over the API. In the browser the
 * preparer attaches a PDF to one indicator and an image to the whole form; the approver submits
 * (over the API), which freezes both with version 1; the reviewer sees them frozen, has no upload,
 * downloads the PDF (the same bytes) and marks it public; the reviewer's upload over the API is 403.
 * Screenshots at 1440 and 390 px wide: test-results/e2e-screens/evidence-*.png.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pdfBytes, pngBytes } from '../server/support/evidence-files.ts';
import { apiSession, newOfficeDraft, noBrowser as skip, pickOption, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-evidence-pass';
const PROJECT = '佐证材料测试项目';
const PDF = pdfBytes('budget approval 2021');

let e2e: E2e | undefined;
let base = '';
let formId = '';
let indicator = { row: 0, name: '' };

/** A draft of the office that passes the checks: its submitted demo form's content under another project name. */
async function newDraft(base: string): Promise<void> {
  const preparer = await apiSession(base, 'preparer', PASSWORD);
  formId = await newOfficeDraft(preparer, PROJECT);
  const detail = await preparer('GET', `/api/evaluations/${formId}`);
  indicator = { row: 3, name: detail.evaluation.indicators[2].name };
  await preparer('POST', '/api/logout');
}

async function pageOf(browser: Browser, width: number, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 1000 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, base, username, PASSWORD);
  return page;
}

async function openEvidence(page: Page): Promise<void> {
  await page.goto(`${base}/evaluations/${formId}`, { timeout: UI });
  await page.getByTestId('tab-evidence').click({ timeout: UI });
  await page.getByTestId('evidence-panel').waitFor({ timeout: UI });
}

before(async () => {
  if (skip) return;
  e2e = await startE2e({ name: 'evidence', password: PASSWORD, prepare: (app) => newDraft(app.base) });
  base = e2e.base;
});

after(() => stopE2e(e2e));

test('the preparer attaches a PDF to one indicator and an image to the form', { skip }, async () => {
  const page = await pageOf(e2e!.browser, 1440, 'preparer');
  await openEvidence(page);
  const file = page.getByTestId('evidence-panel').locator('input[type=file]');
  // The whole form is the default target; then one indicator is chosen.
  await file.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from(pngBytes()) });
  await page.getByTestId('evidence-item').filter({ hasText: '现场照片.png' }).waitFor({ timeout: UI });
  await pickOption(page, page.getByTestId('evidence-target'), `第${indicator.row}行“${indicator.name}”`);
  await file.setInputFiles({ name: '预算批复.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
  await page.getByTestId('evidence-item').filter({ hasText: '预算批复.pdf' }).waitFor({ timeout: UI });

  const items = page.getByTestId('evidence-item');
  assert.equal(await items.count(), 2);
  const pdfRow = await items.filter({ hasText: '预算批复.pdf' }).innerText();
  assert.ok(pdfRow.includes(`第${indicator.row}行“${indicator.name}”`), pdfRow);
  assert.ok(pdfRow.includes('上传于'), pdfRow);
  assert.ok((await items.filter({ hasText: '现场照片.png' }).innerText()).includes('整张表'));
  assert.match(await page.getByTestId('tab-evidence').innerText(), /佐证材料（2）/u);
  await page.screenshot({ path: join(SCREENS, 'evidence-1-preparer-1440.png'), fullPage: true });

  // A file of another kind under a .pdf name is refused with the server's message.
  await file.setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') });
  await page.locator('.ant-message').getByText('无法识别的文件类型').waitFor({ timeout: UI });
  assert.equal(await items.count(), 2);

  const phone = await pageOf(e2e!.browser, 390, 'preparer');
  await openEvidence(phone);
  await phone.getByTestId('evidence-item').nth(1).waitFor({ timeout: UI });
  await phone.screenshot({ path: join(SCREENS, 'evidence-2-preparer-390.png'), fullPage: true });
  await phone.context().close();
  await page.context().close();
});

test('after submit the reviewer sees both frozen, cannot upload, downloads the PDF and marks it public', { skip }, async () => {
  const approver = await apiSession(base, 'approver', PASSWORD);
  const { version } = await approver('GET', `/api/evaluations/${formId}`);
  await approver('POST', `/api/evaluations/${formId}/transitions`, { action: 'submit', version });

  const page = await pageOf(e2e!.browser, 1440, 'reviewer');
  await openEvidence(page);
  await page.getByTestId('evidence-item').nth(1).waitFor({ timeout: UI });
  assert.equal(await page.getByTestId('evidence-upload').count(), 0, 'no upload for the reviewer');
  assert.equal(await page.getByTestId('evidence-delete').count(), 0);
  assert.equal(await page.getByText('已随第 1 版存档').count(), 2);

  const pdfItem = page.getByTestId('evidence-item').filter({ hasText: '预算批复.pdf' });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI }), pdfItem.getByTestId('evidence-download').click()]);
  assert.equal(download.suggestedFilename(), '预算批复.pdf');
  assert.deepEqual(new Uint8Array(await readFile((await download.path())!)), PDF, 'the same bytes');

  await pdfItem.getByTestId('evidence-public').click();
  await page.waitForFunction(() => {
    const toggle = document.querySelector('[data-file="预算批复.pdf"] [data-testid=evidence-public]');
    return toggle?.getAttribute('aria-checked') === 'true' && !toggle.classList.contains('ant-switch-loading');
  }, undefined, { timeout: UI });
  await page.waitForTimeout(300); // the switch's animation, for the screenshot
  await page.screenshot({ path: join(SCREENS, 'evidence-3-reviewer-1440.png'), fullPage: true });

  // The server refuses the reviewer's upload whatever the UI shows.
  const reviewerApi = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reviewer', password: PASSWORD }) });
  const cookie = reviewerApi.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await reviewerApi.json()) as { csrfToken: string };
  const form = new FormData();
  form.append('file', new File([new Uint8Array(PDF)], 'x.pdf'));
  const refused = await fetch(`${base}/api/evaluations/${formId}/evidence`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
  assert.equal(refused.status, 403);

  const phone = await pageOf(e2e!.browser, 390, 'reviewer');
  await openEvidence(phone);
  await phone.getByTestId('evidence-item').nth(1).waitFor({ timeout: UI });
  await phone.screenshot({ path: join(SCREENS, 'evidence-4-reviewer-390.png'), fullPage: true });
  await phone.context().close();
  await page.context().close();
});

test('once published, the public page lists the public file only, and anyone downloads it', { skip }, async () => {
  const reviewer = await apiSession(base, 'reviewer', PASSWORD);
  for (const action of ['approve', 'publish']) {
    const { version } = await reviewer('GET', `/api/evaluations/${formId}`);
    await reviewer('POST', `/api/evaluations/${formId}/transitions`, { action, version });
  }
  const context = await e2e!.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}/public/${formId}`, { timeout: UI });
  const list = page.getByTestId('public-evidence');
  await list.waitFor({ timeout: UI });
  assert.match(await list.innerText(), /预算批复\.pdf/u);
  assert.doesNotMatch(await list.innerText(), /现场照片/u, 'an unmarked file is not public');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI }), list.getByText('预算批复.pdf').click()]);
  assert.deepEqual(new Uint8Array(await readFile((await download.path())!)), PDF);
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, 'evidence-5-public-1440.png') });
  await context.close();
});
