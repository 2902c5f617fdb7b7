/**
 * The editor as its users meet it (issue 14), in headless Chromium against the real `jixiao serve`:
 * nothing typed is changed or lost without a word, and findings lead to their cells.
 *
 *   41.44万 in 当年预算数 is read as 414,400.00 元 (said under the cell) and saved as 414400.00;
 *   5 on a weight of 2 stays 5 and is flagged, −1 too; −1000 in an amount stays red, 金额不能为负,
 *   and is not saved; a finding names its row, indicator and field and, clicked, puts the cursor in
 *   its cell; every grid input has an accessible name; the Shanghai form records 实际完成值 (not
 *   printed); text typed and followed at once by 返回列表, or by logging out, is saved first.
 *
 * The database is read with SQLite directly. Screenshots at desktop and phone width go to
 * test-results/e2e-screens/editor-input-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { noBrowser, openDemoDraft, SCREENS, signIn, stopE2e, storedEvaluation, typeAndSave as typeAndSaveIn, UI, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-editor-input';
const ROW = 2;

let e2e: E2e | undefined;
let id = '';
let page: Page;
let pageErrors: string[] = [];

interface StoredIndicator { name?: string; weight?: number; score?: number; actual?: string; remark?: string }
type StoredDocument = { project: Record<string, string | undefined>; indicators: StoredIndicator[] };
function stored(): { version: number; project: StoredDocument['project']; indicators: StoredIndicator[] } {
  const { version, document } = storedEvaluation<StoredDocument>(e2e!, id);
  return { version, project: document.project, indicators: document.indicators };
}

const typeAndSave = (testId: string, text: string) => typeAndSaveIn(page, id, testId, text);

async function shot(name: string, testId: string): Promise<void> {
  for (const [suffix, width, height] of [['desktop', 1440, 900], ['phone', 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId(testId).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENS, `editor-input-${name}-${suffix}.png`), animations: 'disabled', timeout: UI });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function openEditor(): Promise<void> {
  await page.goto(`${e2e!.base}/evaluations/${id}`, { timeout: UI });
  await page.getByTestId('total-score').waitFor();
}

/** The findings list, opened (it starts closed when the form has no error). */
async function findingsOpen(): Promise<void> {
  if (!(await page.locator('[data-testid=finding-group]').first().isVisible())) await page.getByTestId('findings-summary').click();
  await page.locator('[data-testid=finding-group]').first().waitFor();
}

describe('the editor never changes or loses a value silently, in Chromium', { skip: noBrowser }, () => {
  before(async () => {
    ({ e2e, id, page, pageErrors } = await openDemoDraft('editor-input', PASSWORD));
  }, { timeout: 240_000 });

  after(() => stopE2e(e2e));

  test('41.44万 in 当年预算数 is read as 414,400.00 元, said under the cell, and saved as 414400.00', async () => {
    await typeAndSave('field-project.budgetCurrentYear', '41.44万');
    assert.equal((await page.getByTestId('field-project.budgetCurrentYear-reading').innerText()).trim(), '= 414,400.00 元');
    assert.equal(stored().project['budgetCurrentYear'], '414400.00');
    await page.getByTestId('total-score').click();
    assert.equal(await page.getByTestId('field-project.budgetCurrentYear').inputValue(), '414,400.00');
    assert.equal(await page.getByTestId('field-project.budgetCurrentYear').getAttribute('aria-label'), '当年预算数（元）');
  });

  test('5 on a weight of 2 stays 5 and is flagged at that score; −1 stays and is flagged', async () => {
    await typeAndSave(`indicator-weight-${ROW}`, '2');
    await typeAndSave(`indicator-score-${ROW}`, '5');
    await page.getByTestId('total-score').click();
    assert.equal(await page.getByTestId(`indicator-score-${ROW}`).inputValue(), '5', 'not clamped to the weight');
    assert.equal(stored().indicators[ROW]!.score, 5);
    await findingsOpen();
    const flagged = page.locator(`[data-testid=finding][data-code=SCORE_RANGE][data-path="indicators[${ROW}].score"]`);
    await flagged.waitFor();
    assert.match(await flagged.innerText(), new RegExp(`^错误\\s*第${ROW + 1}行“.+”：自评分 5 超出 0 至 2 的范围$`, 'u'));
    // Under the row, where the indicator is in sight, only what is wrong with the cell.
    assert.equal((await page.locator(`[data-testid=indicator-findings-${ROW}] [data-code=SCORE_RANGE]`).innerText()).trim(), '自评分 5 超出 0 至 2 的范围');

    await typeAndSave(`indicator-score-${ROW}`, '−1');
    await page.getByTestId('total-score').click();
    assert.equal(await page.getByTestId(`indicator-score-${ROW}`).inputValue(), '-1', 'the typographic minus is a minus; not raised to 0');
    assert.equal(stored().indicators[ROW]!.score, -1);
    await page.locator(`[data-testid=finding][data-code=SCORE_RANGE][data-path="indicators[${ROW}].score"]`).waitFor();
  });

  test('−1000 in an amount stays red with 金额不能为负 and is not saved', async () => {
    const before = stored();
    const cell = page.getByTestId('field-project.budgetPreviousYear');
    await cell.fill('-1000');
    assert.equal(await cell.getAttribute('aria-invalid'), 'true');
    assert.equal((await page.getByTestId('field-project.budgetPreviousYear-reading').innerText()).trim(), '金额不能为负');
    await page.getByTestId('total-score').click();
    assert.equal(await cell.inputValue(), '-1000', 'left as typed');
    await page.waitForTimeout(1_500);
    assert.deepEqual(stored(), before, 'nothing was saved');
    await shot('negative-amount', 'field-project.budgetPreviousYear');
  });

  test('a finding names its row, indicator and field; clicked, it puts the cursor in its cell', async () => {
    const name = stored().indicators[ROW]!.name!;
    await typeAndSave(`indicator-score-${ROW}`, '');
    await findingsOpen();
    const finding = page.locator(`[data-testid=finding][data-code=MISSING_FIELD][data-path="indicators[${ROW}].score"]`);
    await finding.waitFor();
    assert.equal((await finding.locator('.finding-text').innerText()).trim(), `第${ROW + 1}行“${name}”：自评分未填写`);
    assert.equal((await finding.locator('.finding-severity').innerText()).trim(), '错误', 'the severity in words, not by colour alone');
    assert.doesNotMatch(await page.getByTestId('findings-panel').innerText(), /MISSING_FIELD|\[[A-Z_]+\]/u, 'no codes shown');
    await page.getByTestId('total-score').click();
    await finding.click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-path')), `indicators[${ROW}].score`);
    assert.equal(await page.getByTestId(`indicator-score-${ROW}`).getAttribute('aria-label'), `第${ROW + 1}行 ${name} 自评分`);
    await shot('findings', 'findings-panel');
    await typeAndSave(`indicator-score-${ROW}`, '2');
  });

  test('every input of the form grid has an accessible name and a path', async () => {
    // Inputs, text areas and the selects' own inputs (combobox) alike.
    const unnamed = await page.locator('[data-testid=evaluation-form] input, [data-testid=evaluation-form] textarea').evaluateAll((inputs) =>
      inputs.filter((i) => !(i.getAttribute('aria-label') ?? '').trim()).map((i) => i.outerHTML.slice(0, 160)),
    );
    assert.deepEqual(unnamed, []);
    const withoutPath = await page.locator('[data-testid=evaluation-form] input.cell-input, [data-testid=evaluation-form] textarea.cell-input').evaluateAll((inputs) => inputs.filter((i) => !i.getAttribute('data-path')).length);
    assert.equal(withoutPath, 0);
  });

  test('the Shanghai form records 实际完成值, marked as not printed, kept in the data', async () => {
    assert.equal((await page.getByTestId('not-printed-actual').innerText()).trim(), '（不打印）');
    await typeAndSave(`indicator-actual-${ROW}`, '12次');
    assert.equal(stored().indicators[ROW]!.actual, '12次');
  });

  test('text typed and followed at once by 返回列表 is saved first, and is there on the form again', async () => {
    const text = `返回前写的备注 ${Date.now()}`;
    await page.getByTestId(`indicator-remark-${ROW}`).fill(text);
    await page.getByRole('link', { name: '返回列表' }).click();
    await page.waitForURL((url) => url.pathname === '/evaluations', { timeout: UI });
    assert.equal(stored().indicators[ROW]!.remark, text, 'saved before the list was shown');
    await openEditor();
    assert.equal(await page.getByTestId(`indicator-remark-${ROW}`).inputValue(), text);
  });

  test('text typed and followed at once by 退出登录 is saved before the session ends', async () => {
    const text = `退出前写的备注 ${Date.now()}`;
    await page.getByTestId(`indicator-remark-${ROW}`).fill(text);
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname.endsWith('/login'), { timeout: UI });
    assert.equal(stored().indicators[ROW]!.remark, text);
  });

  test('closing the tab while a save is pending asks first (the browser\'s own prompt)', async () => {
    await signIn(page, e2e!.base, 'preparer', PASSWORD);
    await openEditor();
    const remark = page.getByTestId(`indicator-remark-${ROW}`);
    // A click first: the browser shows the prompt only to a page the user has interacted with.
    await remark.click();
    await remark.fill(`关闭前写的备注 ${Date.now()}`);
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    assert.deepEqual(pageErrors, []);
  });
});
