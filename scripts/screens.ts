/**
 * `npm run screens`: the screenshots committed under docs/screens/, taken again — the UI built when
 * stale, `jixiao serve --demo` on a scratch SQLite database (removed afterwards), the Debian Chromium.
 * The editor of the demo's draft and the preparer's list, at 1440 × 900 (a desk) and 390 × 844 (a
 * phone; there also the menu opened and the editor's summary opened). What a window shows, not the
 * whole page: the PNGs stay small (a few hundred KB) and show what a user first sees.
 *
 *   npm run screens [-- OUTDIR]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../src/web/test/browser.ts';
import { demoDraftId, signIn, UI } from '../test/e2e/support/e2e-kit.ts';
import { ensureUiBuilt, ROOT, serveApp } from '../test/e2e/support/served-app.ts';

const OUT = process.argv[2] ?? join(ROOT, 'docs/screens');
const PASSWORD = 'screens-demo-pass';
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, [data-testid=page-loading]').length === 0, undefined, { timeout: UI });
  await page.waitForTimeout(500);
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', timeout: UI });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}

async function preparerAt(browser: Browser, base: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  context.setDefaultTimeout(UI);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await signIn(page, base, 'preparer', PASSWORD);
  return page;
}

await ensureUiBuilt();
mkdirSync(OUT, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-screens-'));
const app = await serveApp(join(dataDir, 'jixiao.sqlite'), PASSWORD);
let browser: Browser | undefined;
try {
  const draft = await demoDraftId(app.base, PASSWORD);
  browser = await launch();
  for (const [size, viewport] of [['1440', DESK], ['390', PHONE]] as const) {
    const page = await preparerAt(browser, app.base, viewport);
    await page.goto(`${app.base}/evaluations?view=all`, { timeout: UI });
    await page.getByTestId('evaluation-row').first().waitFor({ timeout: UI });
    await shot(page, `list-${size}`);
    await page.goto(`${app.base}/evaluations/${draft}`, { timeout: UI });
    await page.getByTestId('total-score').waitFor({ timeout: UI });
    await shot(page, `editor-${size}`);
    if (viewport === PHONE) {
      await page.getByTestId('phone-summary').click();
      await page.getByTestId('summary-score').waitFor({ timeout: UI });
      await shot(page, `editor-${size}-summary-open`);
      await page.getByTestId('phone-summary').click();
      // Further down: the indicators, the grid scrolling inside its paper.
      await page.getByTestId('indicator-table').scrollIntoViewIfNeeded();
      await shot(page, `editor-${size}-indicators`);
      await page.getByTestId('menu-button').click();
      await page.getByTestId('menu-drawer').waitFor({ timeout: UI });
      await shot(page, `menu-${size}`);
    }
    await page.context().close();
  }
} finally {
  await browser?.close().catch(() => undefined);
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
