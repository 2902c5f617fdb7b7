/**
 * A walk through the real server in the browser (not a test; a head start for the end-to-end one).
 * Start a fresh server: `JIXIAO_DEMO_PASSWORD=demo-pass-1 DATABASE_URL=/tmp/x.sqlite npx jixiao serve --port 3111`
 * (after `vite build --config src/web/vite.config.ts`), then
 * `node --import tsx src/web/dev/tour-real-server.ts http://localhost:3111 demo-pass-1 test/fixtures/seed/000_876b01381dae6b1b.txt`.
 * Covers: new evaluation, add indicator, autosave, edit a draft, return with a reason, the reason shown
 * to the preparer, dashboard, public list, import and save, a 409 conflict resolved by "keep mine".
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../test/browser.ts';

const [url = 'http://localhost:3000', password = 'demo-pass-1', importFile = 'test/fixtures/seed/000_876b01381dae6b1b.txt'] = process.argv.slice(2);
const out = fileURLToPath(new URL('../../../tmp/web-screens/real', import.meta.url));
mkdirSync(out, { recursive: true });
const browser = await launch();

// Part 1: one preparer after another, then the reviewer.
const ctx1 = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx1.newPage();
page.on('pageerror', (e) => console.error('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
async function login(user: string) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('evaluation-row').first().waitFor({ timeout: 10000 });
}
await login('preparer');
await page.getByTestId('list-new').click();
await page.getByTestId('new-evaluation-name').fill('测试新项目');
await page.getByTestId('new-evaluation-create').click();
await page.getByTestId('indicator-table').waitFor({ timeout: 10000 });
await page.getByTestId('add-indicator-output').click();
await page.getByTestId('indicator-name-0').fill('宣传场次');
await page.getByTestId('indicator-weight-0').fill('45');
await page.getByTestId('indicator-score-0').fill('40');
await page.waitForTimeout(2500);
console.log('new: save', await page.getByTestId('save-state').getAttribute('data-state'), 'total', await page.getByTestId('total-score').innerText());
await page.screenshot({ path: `${out}/new.png`, fullPage: true });
await page.getByTestId('logout').click();
await login('preparer2');
const rows = await page.getByTestId('evaluation-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')} ${e.getAttribute('data-status')} ${e.textContent}`));
console.log(rows);
await page.screenshot({ path: `${out}/list.png` });
const draft = page.locator('[data-testid=evaluation-row][data-status=draft] [data-testid=evaluation-link]').first();
await draft.click();
await page.getByTestId('total-score').waitFor();
console.log('total', await page.getByTestId('total-score').innerText(), 'grade', await page.getByTestId('grade').innerText());
await page.getByTestId('indicator-score-0').fill('1');
await page.waitForTimeout(300);
console.log('after edit total', await page.getByTestId('total-score').innerText(), await page.getByTestId('save-state').innerText());
await page.waitForTimeout(2500);
console.log('save state', await page.getByTestId('save-state').getAttribute('data-state'));
await page.screenshot({ path: `${out}/editor.png` });
await page.getByTestId('tab-audit').click();
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}/audit.png`, fullPage: true });
await page.getByTestId('logout').click();
await login('reviewer');
await page.locator('[data-testid=evaluation-row][data-status=submitted] [data-testid=evaluation-link]').first().click();
await page.getByTestId('workflow-return').click();
await page.getByTestId('return-confirm').click();
await page.waitForTimeout(300);
await page.getByTestId('return-reason-input').fill('请补充扣分原因。');
await page.getByTestId('return-confirm').click();
await page.waitForTimeout(1500);
console.log('status after return', await page.getByTestId('editor-status').getAttribute('data-status'));
await page.getByTestId('logout').click();
await login('preparer');
await page.locator('[data-testid=evaluation-row][data-status=returned] [data-testid=evaluation-link]').first().click();
await page.getByTestId('return-reason').waitFor();
console.log('reason', await page.getByTestId('return-reason').innerText());
await page.screenshot({ path: `${out}/returned.png` });
await page.goto(`${url}/dashboard?year=2021`);
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/dashboard.png`, fullPage: true });
await page.goto(`${url}/public`);
await page.getByTestId('public-row').first().waitFor();
await page.screenshot({ path: `${out}/public.png` });

// Part 2: import, then two preparers on the same form.
async function session(user: string) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('evaluation-row').first().waitFor({ timeout: 10000 });
  return page;
}
const a = await session('preparer');
await a.goto(`${url}/import`);
await a.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles(importFile);
await a.getByTestId('import-form').first().waitFor({ timeout: 60000 });
console.log('forms read', await a.getByTestId('import-form').count());
await a.getByTestId('import-save-0').click();
await a.getByTestId('import-open-0').waitFor();
await a.screenshot({ path: `${out}/import.png`, fullPage: true });
await a.getByTestId('import-open-0').click();
await a.getByTestId('total-score').waitFor();
const id = a.url().split('/').pop();
const b = await session('preparer');
await b.goto(`${url}/evaluations/${id}`);
await b.getByTestId('total-score').waitFor();
await a.getByTestId('field-problems').fill('A 的问题');
await a.waitForTimeout(2500);
await b.getByTestId('field-problems').fill('B 的问题');
await b.getByTestId('conflict-dialog').waitFor({ timeout: 8000 });
await b.getByTestId('conflict-see-both').click();
await b.waitForTimeout(400);
await b.screenshot({ path: `${out}/conflict.png` });
await b.getByTestId('conflict-keep-mine').click();
await b.waitForTimeout(2000);
console.log('b after keep mine', await b.getByTestId('save-state').getAttribute('data-state'));
await browser.close();
