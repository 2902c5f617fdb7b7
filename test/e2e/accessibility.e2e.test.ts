/**
 * Accessibility and phone width (issue 14) in headless Chromium against the real `jixiao serve --demo`
 * (fresh SQLite database; the centre's submitted form approved and a re-check draw of 2021 made by the
 * reviewer over the API beforehand):
 *
 *   on the login, list, editor (a draft, and a published form read-only), dashboard, re-check (list and draw) and public (list and form) pages,
 *   at 1440 × 900 and at 390 × 844, axe-core finds no violation of impact serious or critical;
 *   at 390 px nothing makes the document wider than the phone (`scrollWidth ≤ 390`: a form grid may
 *   scroll inside its own box), the lists are cards, the top bar is a menu button whose drawer opens,
 *   navigates and closes, and the editor's summary is one line that a tap opens and closes;
 *   the page's language (`<html lang>`) follows the UI language.
 *
 * Screenshots in test-results/e2e-screens/a11y-*.png; every wait is bounded.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { apiSession, demoDraftId, noBrowser, pickOption, SCREENS, signIn, startE2e, stopE2e, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-a11y-pass';
const YEAR = 2021;

let e2e: E2e | undefined;
let base = '';
let draftId = '';
let drawId = '';
let publishedId = '';
const pageErrors: string[] = [];

type User = 'preparer' | 'reviewer' | 'admin' | null;

interface Screen {
  name: string;
  user: User;
  path: () => string;
  /** What shows once the page has its data. */
  ready: string;
}

const SCREENS_CHECKED: readonly Screen[] = [
  { name: 'login', user: null, path: () => '/login', ready: '[data-testid=login-username]' },
  { name: 'list', user: 'preparer', path: () => '/evaluations?view=all', ready: '[data-testid=evaluation-row]' },
  { name: 'editor', user: 'preparer', path: () => `/evaluations/${draftId}`, ready: '[data-testid=total-score]' },
  // A published form: read-only, no input in the grid (on a phone its paper must still be reachable by keyboard).
  { name: 'editor-readonly', user: 'preparer', path: () => `/evaluations/${publishedId}`, ready: '[data-testid=total-score]' },
  { name: 'dashboard', user: 'reviewer', path: () => `/dashboard?year=${YEAR}`, ready: '[data-testid=dashboard-row]' },
  { name: 'recheck-list', user: 'reviewer', path: () => `/rechecks?year=${YEAR}`, ready: '[data-testid=recheck-seed]' },
  { name: 'recheck-draw', user: 'reviewer', path: () => `/rechecks/${drawId}`, ready: '[data-testid=recheck-scores]' },
  { name: 'public-list', user: null, path: () => '/public', ready: '[data-testid=public-row]' },
  { name: 'public-form', user: null, path: () => `/public/${publishedId}`, ready: '[data-testid=evaluation-form]' },
];

/** The other lists: at 390 px they may scroll inside their own box, never the document. */
const ALSO_NARROW: ReadonlyArray<readonly [string, string]> = [
  ['/admin/users', '[data-testid=user-row]'],
  ['/admin/units', '[data-testid=unit-row]'],
  ['/admin/deleted', '[data-testid=deleted-table]'],
  ['/admin/security', '[data-testid=security-row]'],
  ['/admin/years', '[data-testid=year-row]'],
  [`/progress?year=${YEAR}`, '[data-testid=progress-row]'],
  ['/import', '[data-testid=import-dropzone]'],
  [`/evaluations?view=all`, '[data-testid=evaluation-row]'],
  [`/dashboard?year=${YEAR}`, '[data-testid=dashboard-row]'],
];

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Until the page's spinners are gone (a table loading, a chunk arriving). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, [data-testid=page-loading]').length === 0, undefined, { timeout: UI });
  // antd's entrance animations (a card list fading in) finish within 0.3 s; colours are measured after them.
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `a11y-${name}.png`), fullPage: true, animations: 'disabled', timeout: UI });
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('accessibility (axe-core) and phone width', { skip: noBrowser }, () => {
  before(async () => {
    e2e = await startE2e({
      name: 'a11y',
      password: PASSWORD,
      prepare: async (app) => {
        const reviewer = await apiSession(app.base, 'reviewer', PASSWORD);
        // The centre's submitted form approved: the year has forms to draw from, beside the published one.
        const { items: submitted } = await reviewer<{ items: Array<{ id: string; version: number }> }>('GET', '/api/evaluations?status=submitted');
        for (const item of submitted) await reviewer('POST', `/api/evaluations/${item.id}/transitions`, { action: 'approve', version: item.version });
        drawId = String((await reviewer<{ id: string }>('POST', '/api/rechecks', { year: YEAR, seed: 20220302 })).id);
        const published = await (await fetch(`${app.base}/api/public/evaluations`)).json() as { items: Array<{ id: string }> };
        assert.ok(published.items.length > 0, 'the demo has a published form');
        publishedId = String(published.items[0]!.id);
        await reviewer('POST', '/api/logout');
      },
    });
    base = e2e.base;
    draftId = await demoDraftId(base, PASSWORD);
  }, { timeout: 300_000 });

  after(() => stopE2e(e2e));

  for (const size of WIDTHS) {
    describe(`at ${size.width} × ${size.height}`, () => {
      const contexts = new Map<string, BrowserContext>();
      /** A page in a context of its own per user (signed in once), at this width. */
      async function pageAs(user: User): Promise<Page> {
        const key = user ?? 'anonymous';
        let context = contexts.get(key);
        if (!context) {
          // The app's CSP (script-src 'self') would refuse axe's injected script: the test's browser bypasses it.
          context = await e2e!.browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', bypassCSP: true });
          context.setDefaultTimeout(UI);
          contexts.set(key, context);
          const page = await context.newPage();
          page.on('pageerror', (e) => pageErrors.push(`${key} ${e.message}`));
          if (user) await signIn(page, base, user, PASSWORD);
          return page;
        }
        return context.pages()[0]!;
      }
      after(async () => {
        for (const context of contexts.values()) await context.close();
      });

      for (const screen of SCREENS_CHECKED) {
        test(`${screen.name}: no serious or critical axe violation${size.name === 'phone' ? ', nothing wider than the phone' : ''}`, async () => {
          const page = await pageAs(screen.user);
          await page.goto(`${base}${screen.path()}`, { timeout: UI });
          await page.locator(screen.ready).first().waitFor({ timeout: UI });
          await settled(page);
          await shot(page, `${screen.name}-${size.name}`);
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'the page says its language');
          const problems = await seriousViolations(page);
          if (size.name === 'phone') {
            const width = await overflow(page);
            assert.ok(width <= size.width, `${screen.name}: the document is ${width}px wide on a ${size.width}px phone`);
          }
          assert.deepEqual(problems.map((p) => p.id), [], `${screen.name} at ${size.name}:\n${describeViolations(problems)}`);
        });
      }

      if (size.name === 'phone') {
        test('the lists are cards: no table, the rows keep their test ids', async () => {
          const page = await pageAs('preparer');
          await page.goto(`${base}/evaluations?view=all`, { timeout: UI });
          await page.locator('li[data-testid=evaluation-row]').first().waitFor({ timeout: UI });
          assert.equal(await page.locator('[data-testid=evaluation-table] table').count(), 0, 'no table on the phone');
          assert.match(await page.locator('li[data-testid=evaluation-row]').first().innerText(), /年度/u, 'a card names its fields');
        });

        test('the admin’s lists, progress and import: nothing wider than the phone', async () => {
          const page = await pageAs('admin');
          for (const [path, ready] of ALSO_NARROW) {
            await page.goto(`${base}${path}`, { timeout: UI });
            await page.locator(ready).first().waitFor({ timeout: UI });
            await settled(page);
            const width = await overflow(page);
            assert.ok(width <= size.width, `${path}: the document is ${width}px wide on a ${size.width}px phone`);
            await shot(page, `phone${path.replace(/[/?=]+/gu, '-')}`);
          }
        });

        test('the dashboard’s cards are ordered by a select, which asks the server as the header would', async () => {
          const page = await pageAs('reviewer');
          await page.goto(`${base}/dashboard?year=${YEAR}`, { timeout: UI });
          await page.locator('li[data-testid=dashboard-row]').first().waitFor({ timeout: UI });
          const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard/table' && new URL(r.url()).searchParams.get('order') === 'asc', { timeout: UI });
          await pickOption(page, page.getByTestId('card-list-sort'), '自评分 ↑');
          const answer = await asked;
          assert.equal(new URL(answer.url()).searchParams.get('sort'), 'score');
          await settled(page);
          const scores = await page.locator('li[data-testid=dashboard-row]').evaluateAll((els) => els.map((e) => Number(/自评分\s*([\d.]+)/u.exec((e as HTMLElement).innerText)?.[1])));
          assert.deepEqual(scores, [...scores].sort((x, y) => x - y), 'the cards in ascending score');
        });

        test('the top bar is a menu: the drawer opens, navigates and closes', async () => {
          const page = await pageAs('preparer');
          await page.goto(`${base}/evaluations?view=all`, { timeout: UI });
          const button = page.getByRole('button', { name: '菜单' });
          await button.waitFor({ timeout: UI });
          assert.equal(await button.getAttribute('aria-expanded'), 'false');
          await button.click();
          const drawer = page.getByTestId('menu-drawer');
          await drawer.waitFor({ timeout: UI });
          assert.equal(await button.getAttribute('aria-expanded'), 'true');
          assert.match(await drawer.innerText(), /填报人/u, 'the user is in the menu');
          assert.ok(await drawer.getByTestId('logout').isVisible(), 'logout is in the menu');
          assert.ok(await drawer.getByTestId('language-switch').isVisible(), 'the language switch is in the menu');
          await settled(page);
          await shot(page, 'menu-phone');
          const inMenu = await seriousViolations(page);
          assert.deepEqual(inMenu.map((p) => p.id), [], `the open menu:\n${describeViolations(inMenu)}`);
          await drawer.getByTestId('nav-dashboard').click();
          await page.waitForURL(/\/dashboard/u, { timeout: UI });
          await page.getByTestId('menu-drawer').waitFor({ state: 'hidden', timeout: UI });
          assert.ok((await overflow(page)) <= size.width);
        });

        test('the language switch in the menu: the page, the menu button and the cards speak English, then Chinese again', async () => {
          const page = await pageAs('preparer');
          await page.goto(`${base}/evaluations?view=all`, { timeout: UI });
          await page.getByRole('button', { name: '菜单' }).click();
          await page.getByTestId('menu-drawer').getByText('EN').click();
          await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: UI });
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: 'Menu' }).waitFor({ timeout: UI });
          await page.locator('li[data-testid=evaluation-row]').first().waitFor({ timeout: UI });
          await settled(page);
          await shot(page, 'list-en-phone');
          const english = await seriousViolations(page);
          assert.deepEqual(english.map((p) => p.id), [], `the English list on a phone:\n${describeViolations(english)}`);
          assert.ok((await overflow(page)) <= size.width);
          await page.getByRole('button', { name: 'Menu' }).click();
          await page.getByTestId('menu-drawer').getByText('中文').click(); // i18n-ok
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: UI });
          await page.keyboard.press('Escape');
        });

        test('the editor’s summary is one line; a tap opens it, another closes it', async () => {
          const page = await pageAs('preparer');
          await page.goto(`${base}/evaluations/${draftId}`, { timeout: UI });
          const line = page.getByTestId('phone-summary');
          await line.waitFor({ timeout: UI });
          await settled(page);
          const toolbar = page.locator('.editor-toolbar');
          const closed = (await toolbar.boundingBox())!.height;
          assert.ok(closed <= 60, `the closed summary is one line (${closed}px high)`);
          assert.ok(!(await page.getByTestId('summary-score').isVisible()), 'the figures are hidden while closed');
          assert.match(await line.innerText(), /自评总分/u);
          await line.click();
          await page.getByTestId('summary-score').waitFor({ timeout: UI });
          assert.equal(await line.getAttribute('aria-expanded'), 'true');
          await shot(page, 'editor-summary-open-phone');
          await line.click();
          await page.getByTestId('summary-score').waitFor({ state: 'hidden', timeout: UI });
        });
      }

      if (size.name === 'desktop') {
        test('the page’s language follows the UI language', async () => {
          const page = await pageAs(null);
          await page.goto(`${base}/login`, { timeout: UI });
          await page.getByTestId('language-switch').getByText('EN').click();
          await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: UI });
          await settled(page);
          const inEnglish = await seriousViolations(page);
          assert.deepEqual(inEnglish.map((p) => p.id), [], `the English login page:\n${describeViolations(inEnglish)}`);
          await page.getByTestId('language-switch').getByText('中文').click(); // i18n-ok
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, { timeout: UI });
        });
      }
    });
  }

  test('no script error on any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
