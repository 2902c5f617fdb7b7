/**
 * issue 16 in the web app: a preparer uploads an interchange file of targets declarations on the
 * import page, sees each document (project, unit, indicators, findings; the one the unit has already
 * marked; the broken one in the diagnostics with its place), saves them and opens the saved one; a
 * file with nothing in it says so. The admin sets the year's monitoring date: a day the year does not
 * have is refused at the field with what was typed kept, a good one is saved and listed. Screenshots
 * at 1280 and 390 width: test-results/e2e-screens/cycle-import-*.png.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { nationalTargets } from '../support/cycle-fixtures.ts';
import { apiSession, noBrowser, SCREENS, signIn, startE2e, STILL, stopE2e, UI, type E2e } from './support/e2e-kit.ts';
import { ROOT } from './support/served-app.ts';

const PASSWORD = 'e2e-cycle-import';
// Its first weight 5 points over: the targets' own check (WEIGHT_TOTAL) is shown in the preview, and a draft may still be saved.
const fresh = (() => {
  const t = nationalTargets();
  t.indicators[0]!.weight += 5;
  return { ...t, project: { ...t.project, name: '普陀区金融服务专项', code: 'E2E-NEW' } };
})();
// Without 项目代码 (the official targets form has no such field, so an XLSX round trip keeps only the name): known by its name.
const had = { ...nationalTargets(), project: { ...nationalTargets().project, name: '已申报的项目' } };
const third = { ...nationalTargets(), project: { ...nationalTargets().project, name: '第三个项目' } };
// No indicators: fails the format, so it is a diagnostic at its place, not a document.
const broken = { ...nationalTargets(), project: { name: '缺指标的项目' }, indicators: undefined };

describe('targets imported and the monitoring date set, in the web app', { skip: noBrowser }, () => {
  let e2e: E2e | undefined;
  let page: Page;
  let hadId = '';
  const pageErrors: string[] = [];

  async function shots(name: string): Promise<void> {
    for (const [suffix, width] of [['1280', 1280], ['390', 390]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENS, `cycle-import-${name}-${suffix}.png`), fullPage: true, animations: 'disabled' });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  before(async () => {
    e2e = await startE2e({
      name: 'cycle-import', password: PASSWORD,
      prepare: async (app) => {
        const preparer = await apiSession(app.base, 'preparer', PASSWORD);
        hadId = (await preparer<{ id: string }>('POST', '/api/targets', { targets: had })).id;
        await preparer('POST', '/api/logout');
      },
    });
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(UI);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  after(() => stopE2e(e2e));

  test('a targets file previewed, saved, the saved one opened; an empty file says so', async () => {
    await signIn(page, e2e!.base, 'preparer', PASSWORD);
    await page.goto(`${e2e!.base}/import`, { timeout: UI });
    const file = JSON.stringify({ targets: [fresh, had, broken] });
    await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles({ name: '绩效目标.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const cycle = page.getByTestId('import-cycle');
    await cycle.waitFor({ timeout: 60_000 });
    assert.equal(await cycle.getAttribute('data-kind'), 'targets');
    const rows = page.getByTestId('import-cycle-row');
    assert.equal(await rows.count(), 2, 'the two good documents, the broken one in the diagnostics');
    assert.match(await rows.nth(0).innerText(), new RegExp(`${fresh.project.name}[\\s\\S]*${fresh.indicators.length}[\\s\\S]*\\d+ 个错误`));
    assert.match(await rows.nth(1).innerText(), /无问题/);
    await rows.nth(0).locator('.ant-table-row-expand-icon').click();
    assert.match(await page.locator('.import-cycle-findings').first().innerText(), /错误/);
    // The one the unit has already: marked, linked to the existing draft, not sent.
    assert.equal(await page.getByTestId('import-cycle-existing-1').getAttribute('href'), `/targets/${hadId}`);
    const diagnostics = await page.getByTestId('import-diagnostics').innerText();
    assert.match(diagnostics, /CYCLE_DOCUMENTS/);
    assert.match(diagnostics, /SCHEMA_INVALID[\s\S]*targets\[2\]|targets\[2\][\s\S]*SCHEMA_INVALID/);
    assert.match(await page.getByTestId('import-cycle-save').innerText(), /1/);
    await shots('preview');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/import/cycle') && r.request().method() === 'POST', { timeout: UI });
    await page.getByTestId('import-cycle-save').click();
    // The file names another unit than the preparer's: saved only once confirmed.
    await page.getByTestId('import-cycle-unit-confirm').waitFor();
    // Clicked once the confirm stands still: a click during its zoom missed the button on the loaded CI machine.
    await page.locator(`.ant-modal${STILL} [data-testid=import-cycle-unit-confirm-ok]`).click({ timeout: UI });
    const answer = await saved;
    const body = JSON.parse(answer.request().postData() ?? '{}') as { kind: string; documents: Array<{ project: { code: string } }> };
    assert.equal(body.kind, 'targets');
    assert.deepEqual(body.documents.map((d) => d.project.code), ['E2E-NEW'], 'the existing one is not sent');
    const result = (await answer.json()) as { results: Array<{ status: number; id: string }> };
    assert.equal(result.results[0]!.status, 201);
    const open = page.getByTestId('import-cycle-open-0');
    await open.waitFor();
    assert.equal(await open.getAttribute('href'), `/targets/${result.results[0]!.id}`);
    assert.equal(await page.getByTestId('import-cycle-save').isDisabled(), true, 'nothing left to save');
    await shots('saved');

    await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles({ name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('这里没有表格。\n') });
    await page.getByTestId('import-nothing').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('import-nothing').innerText(), /空白\.txt/);
    assert.deepEqual(pageErrors, []);
  });

  test('an XLSX made by jixiao export --xlsx: the unit’s existing document is marked, the new one saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cycle-xlsx-'));
    try {
      writeFileSync(join(dir, 'targets.json'), JSON.stringify({ targets: [had, third] }));
      await promisify(execFile)(process.execPath, [join(ROOT, 'bin/jixiao.js'), 'export', join(dir, 'targets.json'), '--xlsx', join(dir, 'targets.xlsx')], { env: { ...process.env, JIXIAO_RUN: 'source' } });
      await page.goto(`${e2e!.base}/import`, { timeout: UI });
      await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles({
        name: '绩效目标申报表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(join(dir, 'targets.xlsx')),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByTestId('import-cycle').waitFor({ timeout: 60_000 });
    const rows = page.getByTestId('import-cycle-row');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), new RegExp(`${had.project.name}[\\s\\S]*${had.indicators.length}`));
    // The unit's draft of before: marked, not sent.
    assert.equal(await page.getByTestId('import-cycle-existing-0').getAttribute('href'), `/targets/${hadId}`);
    assert.equal(await rows.nth(1).getAttribute('data-state'), 'pending');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/import/cycle') && r.request().method() === 'POST', { timeout: UI });
    await page.getByTestId('import-cycle-save').click();
    await page.locator(`.ant-modal${STILL} [data-testid=import-cycle-unit-confirm-ok]`).click({ timeout: UI });
    const body = JSON.parse((await saved).request().postData() ?? '{}') as { documents: Array<{ project: { name: string } }> };
    assert.deepEqual(body.documents.map((d) => d.project.name), [third.project.name]);
    await page.getByTestId('import-cycle-open-1').waitFor();
    await shots('xlsx');
    assert.deepEqual(pageErrors, []);
  });

  test('the admin sets the year’s monitoring date: a day the year lacks refused at the field', async () => {
    const context = await e2e!.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(UI);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, e2e!.base, 'admin', PASSWORD);
    await page.goto(`${e2e!.base}/admin/years`, { timeout: UI });
    const row = page.locator('[data-testid=year-row][data-year="2021"]');
    await row.waitFor();
    await row.getByTestId('year-edit').click();
    const input = page.locator('.ant-modal [data-testid=year-monitoring-as-of]');
    const field = (await input.evaluate((el) => el.tagName)) === 'INPUT' ? input : input.locator('input');
    await field.fill('02-30');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/years/2021') && r.request().method() === 'PUT', { timeout: UI });
    await page.locator('.ant-modal [data-testid=year-save]').click();
    assert.equal((await refused).status(), 422);
    await page.locator('.ant-modal .ant-form-item-explain-error').waitFor();
    assert.equal(await field.inputValue(), '02-30', 'what was typed is kept');
    await shots('year-refused');
    await field.fill('06-30');
    const accepted = page.waitForResponse((r) => r.url().endsWith('/api/years/2021') && r.request().method() === 'PUT', { timeout: UI });
    await page.locator('.ant-modal [data-testid=year-save]').click();
    const ok = await accepted;
    assert.equal(ok.status(), 200);
    assert.equal(((await ok.json()) as { monitoringAsOf: string }).monitoringAsOf, '06-30');
    await page.waitForFunction(() => document.querySelector('[data-testid=year-row][data-year="2021"] [data-testid=year-monitoring-cell]')?.textContent === '06-30', undefined, { timeout: UI });
    await shots('years');
    assert.deepEqual(pageErrors, []);
  });
});
