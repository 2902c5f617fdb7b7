/**
 * Numbers typed in the editor, in headless Chromium against the real `jixiao serve` (issue 13): the
 * cells read what is typed with the core's one reader, and never round, clamp or revert it.
 *
 *   a score with 3 decimals stays in its cell as typed, red, saying why (最多两位小数), also after
 *   leaving the cell, and nothing is saved; put right, it is saved as typed. An amount typed as
 *   "41.44万" is saved as 414400.00 and shown as 414,400.00; a text that is no amount stays, red.
 *
 * The database is read with SQLite directly. Screenshots at desktop and phone width go to
 * test-results/e2e-screens/typed-numbers-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { noBrowser, openDemoDraft, SCREENS, stopE2e, storedEvaluation, typeAndSave as typeAndSaveIn, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-typed-numbers';
const ROW = 15;

let e2e: E2e | undefined;
let id = '';
let page: Page;
let pageErrors: string[] = [];

function stored(): { version: number; score: unknown; previousBudget: unknown } {
  const { version, document } = storedEvaluation<{ indicators: { score?: number }[]; project: { budgetPreviousYear?: string } }>(e2e!, id);
  return { version, score: document.indicators[ROW]?.score, previousBudget: document.project.budgetPreviousYear };
}

const typeAndSave = (testId: string, text: string) => typeAndSaveIn(page, id, testId, text);

async function shot(name: string, testId: string): Promise<void> {
  for (const [suffix, width, height] of [['desktop', 1440, 900], ['phone', 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId(testId).scrollIntoViewIfNeeded();
    await page.getByTestId(testId).hover();
    await page.getByRole('tooltip').first().waitFor();
    await page.screenshot({ path: join(SCREENS, `typed-numbers-${name}-${suffix}.png`), animations: 'disabled', timeout: UI });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('numbers typed in the editor, in Chromium', { skip: noBrowser }, () => {
  before(async () => {
    ({ e2e, id, page, pageErrors } = await openDemoDraft('typed-numbers', PASSWORD));
  }, { timeout: 240_000 });

  after(() => stopE2e(e2e));

  test('a score with 3 decimals stays as typed, red, with the reason, and is not saved; put right, it is saved as typed', async () => {
    const before = stored();
    const score = page.getByTestId(`indicator-score-${ROW}`);
    await score.fill('2.555');
    assert.equal(await score.getAttribute('aria-invalid'), 'true');
    await page.getByTestId('total-score').click();
    assert.equal(await score.inputValue(), '2.555', 'left as typed after leaving the cell, not rounded nor reverted');
    await shot('score', `indicator-score-${ROW}`);
    assert.equal((await page.getByRole('tooltip').first().innerText()).trim(), '最多两位小数');
    await page.waitForTimeout(1_500);
    assert.deepEqual(stored(), before, 'nothing was saved');

    // Key by key, as people type: the cell keeps the cursor when the text turns wrong.
    await score.fill('');
    await score.pressSequentially('1.234');
    assert.equal(await score.inputValue(), '1.234');
    assert.ok(await score.evaluate((input) => input === document.activeElement), 'the cursor stayed in the cell');

    await typeAndSave(`indicator-score-${ROW}`, '２.５');
    assert.equal(await score.getAttribute('aria-invalid'), null);
    assert.equal(stored().score, 2.5);
  });

  test('an amount typed as 41.44万 is saved as 414400.00; a text that is no amount stays, red', async () => {
    const cell = page.getByTestId('field-project.budgetPreviousYear');
    await typeAndSave('field-project.budgetPreviousYear', '41.44万');
    assert.equal(stored().previousBudget, '414400.00');
    await page.getByTestId('total-score').click();
    assert.equal(await cell.inputValue(), '414,400.00');

    const before = stored();
    await cell.fill('约41万');
    await page.getByTestId('total-score').click();
    assert.equal(await cell.inputValue(), '约41万');
    assert.equal(await cell.getAttribute('aria-invalid'), 'true');
    await shot('amount', 'field-project.budgetPreviousYear');
    assert.equal((await page.getByRole('tooltip').first().innerText()).trim(), '不是数字');
    await page.waitForTimeout(1_500);
    assert.deepEqual(stored(), before, 'nothing was saved');
    assert.deepEqual(pageErrors, []);
  });
});
