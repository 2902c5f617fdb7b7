/**
 * Screenshots of every page against the mock API: `node --import tsx src/web/dev/screenshots.ts [OUTDIR]`
 * (build first). For looking at the pages, not a test.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch } from '../test/browser.ts';
import { serveStatic } from '../test/static-server.ts';
import { mockApi } from './mock-api.ts';

const out = process.argv[2] ?? fileURLToPath(new URL('../../../tmp/web-screens', import.meta.url));
mkdirSync(out, { recursive: true });
const { server, url } = await serveStatic(fileURLToPath(new URL('../../../dist/web', import.meta.url)), mockApi);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
page.on('pageerror', (e) => console.error('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));

async function shot(name: string, full = true) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  console.log(`${out}/${name}.png`);
}

async function login(p: Page, user: string) {
  await p.goto(`${url}/login`);
  await p.getByTestId('login-username').fill(user);
  await p.getByTestId('login-password').fill('x');
  await p.getByTestId('login-submit').click();
  await p.getByTestId('evaluation-row').first().waitFor();
}

await page.goto(`${url}/login`);
await page.getByTestId('login-username').waitFor();
await shot('01-login', false);
await login(page, 'preparer');
await shot('02-list');
await page.goto(`${url}/evaluations/1`);
await page.getByTestId('total-score').waitFor();
await shot('03-editor-shanghai-returned');
await page.getByTestId('indicator-score-0').fill('1');
await page.waitForTimeout(300);
await shot('04-editor-after-edit', false);
await page.getByTestId('tab-audit').click();
await shot('05-audit');
await page.goto(`${url}/evaluations/4`);
await page.getByTestId('total-score').waitFor();
await shot('06-editor-national');
await page.goto(`${url}/import`);
await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles({ name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
await page.getByTestId('import-form').first().waitFor();
await shot('07-import');
await page.getByTestId('logout').click();
await login(page, 'reviewer');
await shot('08-reviewer-inbox');
await page.goto(`${url}/evaluations/2`);
await page.getByTestId('workflow-return').click();
await page.getByTestId('return-dialog').waitFor();
await shot('09-return-dialog', false);
await page.keyboard.press('Escape');
await page.goto(`${url}/dashboard?year=2021`);
await page.getByTestId('chart-scatter').waitFor();
await shot('10-dashboard');
await page.goto(`${url}/public`);
await page.getByTestId('public-row').first().waitFor();
await shot('11-public-list');
await page.getByTestId('public-link-form').first().click();
await page.getByTestId('evaluation-form').waitFor();
await shot('12-public-form');
await page.getByTestId('language-switch').getByText('EN').click();
await shot('13-public-form-en');
await browser.close();
server.close();
