/**
 * issue 15: a region's template added as data (`jixiao serve --templates FILE`) is shown and edited
 * in the web app: the browser loads it at sign-in (GET /api/templates), opens a form of it in its
 * layout (not 未知表式) and saves what is typed into it. An .xls uploaded to a server without LibreOffice
 * is answered with the package to install, shown on the import page. Screenshots at desktop and phone
 * width go to test-results/e2e-screens/added-templates-*.png and converter-missing-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiSession, noBrowser, SCREENS, signIn, startE2e, stopE2e, storedEvaluation, typeAndSave, UI, type E2e } from './support/e2e-kit.ts';
import { ROOT } from './support/served-app.ts';

const PASSWORD = 'e2e-added-templates';
const TEMPLATE = join(ROOT, 'test/fixtures/templates/example-region-2023.json');
const FORM = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/example-region-2023.json'), 'utf8')) as { evaluations: Array<{ project: { name: string } }> }).evaluations[0]!;

describe('a region’s template added as data, in the web app', { skip: noBrowser }, () => {
  let e2e: E2e | undefined;
  let id = '';
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    e2e = await startE2e({
      name: 'added-templates', password: PASSWORD, serveArgs: ['--templates', TEMPLATE],
      prepare: async (app) => {
        const preparer = await apiSession(app.base, 'preparer', PASSWORD);
        id = (await preparer<{ id: string }>('POST', '/api/evaluations', { evaluation: FORM })).id;
        await preparer('POST', '/api/logout');
      },
    });
    const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(UI);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  after(() => stopE2e(e2e));

  test('its form opens in its layout and what is typed is saved', async () => {
    await signIn(page, e2e!.base, 'preparer', PASSWORD);
    await page.goto(`${e2e!.base}/evaluations/${id}`, { timeout: UI });
    await page.getByTestId('total-score').waitFor();
    assert.equal(await page.getByText('未知表式').count(), 0);
    assert.equal(await page.getByTestId('field-project.name').inputValue(), FORM.project.name);
    await typeAndSave(page, id, 'field-project.name', `${FORM.project.name}（二期）`);
    assert.equal(storedEvaluation<{ project: { name: string } }>(e2e!, id).document.project.name, `${FORM.project.name}（二期）`);
    for (const [suffix, width, height] of [['desktop', 1440, 900], ['phone', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(SCREENS, `added-templates-${suffix}.png`) });
    }
    assert.deepEqual(pageErrors, []);
  });
});

/** The smallest OLE2 file with a `Workbook` stream in its directory: an .xls as far as the server's sniffing goes. */
function oleWorkbook(): Buffer {
  const bytes = Buffer.alloc(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.writeUInt16LE(9, 0x1e);
  bytes.writeUInt32LE(1, 0x30);
  bytes.writeUInt32LE(0, 0x4c);
  bytes.writeUInt32LE(0xfffffffd, 512);
  bytes.writeUInt32LE(0xfffffffe, 516);
  ['Root Entry', 'Workbook'].forEach((name, i) => {
    const at = 1024 + i * 128;
    bytes.write(name, at, 'utf16le');
    bytes.writeUInt16LE((name.length + 1) * 2, at + 64);
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

describe('an .xls uploaded to a server without LibreOffice', { skip: noBrowser }, () => {
  let e2e: E2e | undefined;
  let page: Page;

  before(async () => {
    e2e = await startE2e({ name: 'converter-missing', password: PASSWORD, serveEnv: { JIXIAO_SOFFICE: join(ROOT, 'no-such-soffice') } });
    const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(UI);
    page = await context.newPage();
  });
  after(() => stopE2e(e2e));

  test('the import page says which package the server needs', async () => {
    await signIn(page, e2e!.base, 'preparer', PASSWORD);
    await page.goto(`${e2e!.base}/import`, { timeout: UI });
    const answered = page.waitForResponse((r) => r.url().includes('/api/import') && r.request().method() === 'POST', { timeout: UI });
    await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles([{ name: '自评表.xls', mimeType: 'application/vnd.ms-excel', buffer: oleWorkbook() }]);
    const answer = await answered;
    assert.equal(answer.status(), 422);
    await page.getByText(/libreoffice-calc/).first().waitFor();
    for (const [suffix, width, height] of [['desktop', 1440, 900], ['phone', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(SCREENS, `converter-missing-${suffix}.png`) });
    }
  });
});
