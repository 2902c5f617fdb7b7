/**
 * What the user typed into the cycle's screens is never changed or dropped behind their back
 * (issues 16 and 17's review), in headless Chromium against the real `jixiao serve` (built UI,
 * fresh SQLite database, demo data). Three targets of 上海市普陀区金融服务办公室 are made over the
 * API: a draft, one approved with its self-evaluation and an adjustment under way (the preparer's),
 * and one whose adjustment is submitted (the reviewer's: return or reject). Screenshots of the
 * screens with an error shown go to test-results/e2e-screens/typed-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR } from '../../src/core/model/fiscal-year.ts';
import { nationalTargets } from '../support/cycle-fixtures.ts';
import { apiSession, editSaved, logIn, logOut, noBrowser, SCREENS, startE2e, STILL, stopE2e, UI, type ApiCall, type E2e } from './support/e2e-kit.ts';

const PASSWORD = 'e2e-typed-pass';
const SAVE = 10_000;

let e2e: E2e | undefined;
let base = '';
let context: BrowserContext | undefined;
let page: Page;
/** The preparer's draft targets. */
let draftId = '';
/** Approved, its self-evaluation made, an adjustment under way (the preparer edits). */
let adjustingId = '';
let evaluationId = '';
/** An adjustment submitted: at the bureau (the reviewer returns or rejects it). */
let atBureauId = '';
const pageErrors: string[] = [];

async function makeTargets(preparer: ApiCall, code: string): Promise<string> {
  const targets = nationalTargets();
  targets.project.name = `${targets.project.name}（${code}）`;
  targets.project.code = code;
  return String((await preparer<{ id: string }>('POST', '/api/targets', { targets })).id);
}

async function act(who: ApiCall, id: string, action: string, comment?: string): Promise<void> {
  const { version } = await who<{ version: number }>('GET', `/api/targets/${id}`);
  await who('POST', `/api/targets/${id}/transitions`, { action, version, ...(comment ? { comment } : {}) });
}

async function prepare(at: string): Promise<void> {
  const preparer = await apiSession(at, 'preparer', PASSWORD);
  const approver = await apiSession(at, 'approver', PASSWORD);
  const reviewer = await apiSession(at, 'reviewer', PASSWORD);
  draftId = await makeTargets(preparer, 'E2E-TYPED-1');
  adjustingId = await makeTargets(preparer, 'E2E-TYPED-2');
  atBureauId = await makeTargets(preparer, 'E2E-TYPED-3');
  for (const id of [adjustingId, atBureauId]) {
    await act(approver, id, 'submit');
    await act(reviewer, id, 'approve');
  }
  evaluationId = String((await preparer<{ id: string }>('POST', `/api/targets/${adjustingId}/evaluation`)).id);
  await act(preparer, adjustingId, 'adjust', '年中调整数量指标');
  await act(preparer, atBureauId, 'adjust', '年中调整数量指标');
  await act(approver, atBureauId, 'submit');
}

/** The document opened from its list, inside the app (a reload would start with an empty cache). */
async function openFromList(kind: 'targets' | 'evaluations', id: string): Promise<void> {
  await page.getByTestId(`nav-${kind}`).click();
  const row = kind === 'targets' ? page.locator(`[data-testid=cycle-row][data-id="${id}"]`) : page.locator(`[data-testid=evaluation-row][data-id="${id}"]`);
  await row.waitFor();
  await row.getByTestId(kind === 'targets' ? 'cycle-link' : 'evaluation-link').click();
  await page.locator(kind === 'targets' ? '[data-testid=targets-page]' : '[data-testid=total-score]').waitFor();
}

const typed = (kind: 'targets' | 'evaluations', id: string, edit: () => Promise<void>) => editSaved(page, `${base}/api/${kind}/${id}`, edit, SAVE);

/** The page as it is now at 1440 px and at 390 px (a phone): test-results/e2e-screens/typed-NAME-WIDTH.png. */
async function screenshots(name: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENS, `typed-${name}-${width}.png`), fullPage: true, animations: 'disabled', timeout: UI });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const inModal = (inner: string) => page.locator(`.ant-modal${STILL} ${inner}`);

describe('what was typed into the cycle and rectification screens stays as typed, in Chromium', { skip: noBrowser }, () => {
  before(async () => {
    e2e = await startE2e({ name: 'typed', password: PASSWORD, prepare: (app) => prepare(app.base) });
    base = e2e.base;
    context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(UI);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, base, 'preparer', PASSWORD);
  }, { timeout: 240_000 });

  after(() => stopE2e(e2e));

  // A test that failed with its dialog open would leave it over the nav for every test after it:
  // each failure is its own.
  afterEach(async () => {
    const open = page.locator('.ant-modal-wrap:visible');
    for (let attempt = 0; attempt < 3 && (await open.count()) > 0; attempt++) {
      await page.keyboard.press('Escape');
      await open.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
  });

  test('leaving the targets with a blank weight (it cannot be saved) asks first; leaving anyway keeps it in the tab, offered back on opening', async () => {
    await openFromList('targets', draftId);
    const weight = page.getByTestId('indicator-weight-0');
    await weight.fill('');
    await page.locator('[data-testid=save-state][data-state=error]').waitFor({ timeout: SAVE });
    await page.getByTestId('nav-targets').click();
    await page.getByTestId('leave-stay').waitFor();
    await screenshots('leave-asks');
    await page.getByTestId('leave-stay').click();
    assert.match(page.url(), new RegExp(`/targets/${draftId}$`, 'u'), 'stayed');
    assert.equal(await weight.inputValue(), '', 'the blank is still there');
    await screenshots('leave');

    await page.getByTestId('nav-targets').click();
    await page.getByTestId('leave-anyway').click();
    await page.getByTestId('targets-list').waitFor();
    await page.locator(`[data-testid=cycle-row][data-id="${draftId}"] [data-testid=cycle-link]`).click();
    await page.getByTestId('restore-dialog').waitFor();
    await page.getByTestId('restore-apply').click();
    assert.equal(await page.getByTestId('indicator-weight-0').inputValue(), '', 'the copy is back: the weight blank as left');
    await page.locator('[data-testid=save-state][data-state=error]').waitFor({ timeout: SAVE });
    const put = page.waitForResponse((r) => r.url() === `${base}/api/targets/${draftId}` && r.request().method() === 'PUT' && r.status() === 200, { timeout: SAVE });
    await page.getByTestId('indicator-weight-0').fill(String(nationalTargets().indicators[0]!.weight));
    await put;
    await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: SAVE });
    assert.deepEqual(pageErrors, []);
  });

  for (const [kind, nav, open] of [['targets', 'nav-targets', 'new-targets'], ['evaluation', 'nav-evaluations', 'list-new']] as const) {
    test(`a year that is not one (224) stays as typed in the new ${kind} dialog, marked, and creates nothing`, async () => {
      await page.getByTestId(nav).click();
      await page.getByTestId(open).click();
      const year = inModal(`[data-testid=new-${kind}-year]`);
      await inModal(`[data-testid=new-${kind}-template]`).click();
      // The dropdown opens after the click returns and fills as it renders (an option may be there
      // before its words): read its options until every one has words, within the UI bound.
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      let layouts = await options.allInnerTexts();
      for (const until = Date.now() + UI; (layouts.length < 2 || layouts.some((l) => !l.trim())) && Date.now() < until; ) {
        await page.waitForTimeout(100);
        layouts = await options.allInnerTexts();
      }
      assert.ok(layouts.length >= 2 && layouts.every((l) => !l.includes('{year}')), `layouts offered with their year, not a placeholder: ${layouts.join(' | ')}`);
      await page.keyboard.press('Escape');
      await year.fill('224');
      await inModal(`[data-testid=new-${kind}-name]`).fill('年度有误的项目');
      await inModal(`[data-testid=new-${kind}-create]`).click();
      const error = inModal('.ant-form-item-explain-error');
      await error.filter({ hasText: `${FIRST_FISCAL_YEAR}—${LAST_FISCAL_YEAR}` }).waitFor();
      assert.equal(await year.inputValue(), '224', 'what was typed stays');
      await page.waitForTimeout(500);
      assert.equal(await year.inputValue(), '224', 'and is not clamped later either');
      assert.equal(await inModal(`[data-testid=new-${kind}-form]`).count(), 1, 'nothing was created: the dialog is still there');
      await screenshots(`new-${kind}-year`);
      await year.fill('2024');
      await error.waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await inModal(`[data-testid=new-${kind}-form]`).waitFor({ state: 'detached' });
    });
  }

  test('targets opened again within minutes show what was saved, not the document as first read', async () => {
    await openFromList('targets', draftId);
    await typed('targets', draftId, () => page.getByTestId('field-annualGoal').fill('全年按期结算（改过）'));
    await openFromList('targets', draftId);
    assert.equal(await page.getByTestId('field-annualGoal').inputValue(), '全年按期结算（改过）');
    assert.equal(await page.locator('[data-testid=save-state]').getAttribute('data-state'), 'saved', 'no conflict: the version read is the saved one');
  });

  test('the three documents do not keep the editors\' reads: targets and the evaluation opened again show what was saved', async () => {
    await openFromList('targets', adjustingId);
    await page.getByTestId('tab-three').click();
    await page.getByTestId('three-documents').waitFor();
    await page.getByRole('tab', { name: '申报表', exact: true }).click();
    await typed('targets', adjustingId, () => page.getByTestId('field-annualGoal').fill('调整后的年度目标'));
    await openFromList('targets', adjustingId);
    assert.equal(await page.getByTestId('field-annualGoal').inputValue(), '调整后的年度目标');

    await page.getByTestId('tab-three').click();
    await page.getByTestId('three-documents').waitFor();
    await openFromList('evaluations', evaluationId);
    await typed('evaluations', evaluationId, () => page.getByTestId('field-actualOutcome').fill('全年完成结算（自评改过）'));
    await openFromList('evaluations', evaluationId);
    assert.equal(await page.getByTestId('field-actualOutcome').inputValue(), '全年完成结算（自评改过）');
  });

  test('deleting an indicator row of the targets asks first; cancelled, the row stays', async () => {
    await openFromList('targets', draftId);
    const rows = page.locator('button[data-testid^=indicator-remove-]');
    const before = await rows.count();
    const name = await page.getByTestId('indicator-name-1').inputValue();
    await page.getByTestId('indicator-remove-1').click();
    const confirm = page.locator(`.ant-popconfirm${STILL}:not(.ant-popover-hidden) [data-testid=confirm-remove-indicator]`);
    await confirm.waitFor();
    assert.equal(await rows.count(), before, 'nothing removed before the answer');
    await page.locator(`.ant-popconfirm${STILL}:not(.ant-popover-hidden) [data-testid=cancel-remove-indicator]`).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.equal(await rows.count(), before);
    assert.equal(await page.getByTestId('indicator-name-1').inputValue(), name);

    await typed('targets', draftId, async () => {
      await page.getByTestId('indicator-remove-1').click();
      await confirm.click();
    });
    assert.equal(await rows.count(), before - 1, 'confirmed: removed');
    // The question, at 1440 and 390 px (asked again at each width: a resize closes it).
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.getByTestId('indicator-remove-1').click();
      await confirm.waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENS, `typed-remove-row-${width}.png`), animations: 'disabled', timeout: UI });
      await page.locator(`.ant-popconfirm${STILL}:not(.ant-popover-hidden) [data-testid=cancel-remove-indicator]`).click();
      await confirm.waitFor({ state: 'hidden' });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('a reason typed for one step (退回) does not turn up in another step\'s dialog (驳回调整); each keeps its own', async () => {
    await logOut(page);
    await logIn(page, base, 'reviewer', PASSWORD);
    await page.goto(`${base}/targets/${atBureauId}`);
    await page.getByTestId('targets-page').waitFor();
    const input = inModal('[data-testid=return-reason-input]');
    await page.getByTestId('cycle-return').click();
    await input.fill('退回：数量指标不够具体');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    await page.getByTestId('cycle-reject').click();
    await inModal('[data-testid=return-dialog][data-kind=reject]').waitFor();
    assert.equal(await input.inputValue(), '', 'the reject dialog starts blank');
    await inModal('[data-testid=return-confirm]').click();
    await inModal('.finding-error').waitFor();
    await screenshots('reject-reason');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    await page.getByTestId('cycle-return').click();
    assert.equal(await input.inputValue(), '退回：数量指标不够具体', 'the return dialog still holds its reason');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    assert.deepEqual(pageErrors, []);
  });
});
