/**
 * issue 15: a server started with templates added as data (`jixiao serve --templates`) gives them
 * to the browser (GET /api/templates), accepts, checks, shows and exports forms of them, and
 * recognises them on import (the reader threads are given them). An upload LibreOffice must convert
 * answers 422 CONVERTER_MISSING, naming the package, when soffice is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { validTemplateSchema } from '../../src/core/templates/template.ts';
import { writeEvaluationsWorkbook } from '../../src/export/xlsx/workbook.ts';
import { findSoffice } from '../../src/import/convert/soffice.ts';
import { ROOT } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { upload } from './support/upload.ts';

const region = validTemplateSchema.parse(JSON.parse(readFileSync(`${ROOT}test/fixtures/templates/example-region-2023.json`, 'utf8')));
// The same region printing a title of its own, so that an import tells it from the national form.
const titled = { ...region, id: 'titled-region-2024', title: { zh: '某省财政支出项目绩效自评表', en: 'A province’s form' } };
const registry = templateRegistry([region, titled]);
const regionForm = (JSON.parse(readFileSync(`${ROOT}test/fixtures/example-region-2023.json`, 'utf8')) as { evaluations: Evaluation[] }).evaluations[0]!;

forEachApi('a server with templates added as data', (api) => {
  test('GET /api/templates gives the added templates, as their files write them', async () => {
    const answer = await (await api.as('reviewer')).get('/api/templates');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.items.map((t: { id: string }) => t.id), ['example-region-2023', 'titled-region-2024']);
    assert.deepEqual(validTemplateSchema.parse(answer.body.items[0]), region);
  });

  test('a form of the region’s template is accepted, checked by its rules, shown and exported', async () => {
    const preparer = await api.as('preparer');
    const created = await preparer.post('/api/evaluations', { evaluation: regionForm });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const shown = await preparer.get(`/api/evaluations/${created.body.id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.evaluation.template, 'example-region-2023');
    assert.equal(shown.body.evaluation.project.name, regionForm.project.name);
    assert.ok(shown.body.computed, 'computed by the region’s rules');
    const xlsx = await preparer.get(`/api/evaluations/${created.body.id}/export.xlsx`);
    assert.equal(xlsx.status, 200);
  });

  test('an upload of a form in the titled region’s layout is read in that template', async () => {
    const bytes = await writeEvaluationsWorkbook([{ ...regionForm, template: 'titled-region-2024' }], registry);
    const answer = await (await api.as('preparer')).request('POST', '/api/import', { rawBody: upload(new Uint8Array(bytes), 'region.xlsx') });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.forms[0]?.evaluation.template, 'titled-region-2024');
    assert.deepEqual(answer.body.forms[0]?.evaluation.indicators, regionForm.indicators);
  });
}, { templates: registry });

/** An OLE2 file with a `Workbook` stream in its directory, which starts in sector `first` (127: past the first 64 KiB). */
function oleWorkbook(first = 1): Uint8Array {
  const bytes = new Uint8Array(512 * (first + 2));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x1e, 9, true);
  view.setUint32(0x30, first, true);
  view.setUint32(0x4c, 0, true);
  view.setUint32(512, 0xfffffffd, true);
  view.setUint32(512 + first * 4, 0xfffffffe, true);
  ['Root Entry', 'Workbook'].forEach((name, i) => {
    const at = 512 * (first + 1) + i * 128;
    bytes.set(Buffer.from(name, 'utf16le'), at);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

forEachApi('an upload LibreOffice converts', (api) => {
  const soffice = findSoffice();

  test('without soffice: 422 CONVERTER_MISSING naming the package to install', async () => {
    const saved = process.env.JIXIAO_SOFFICE;
    process.env.JIXIAO_SOFFICE = join(tmpdir(), 'no-such-soffice');
    try {
      // The second's directory lies past the first 64 KiB: told from the file on disk, not refused as unknown.
      for (const bytes of [oleWorkbook(), oleWorkbook(127)]) {
        const answer = await (await api.as('preparer')).request('POST', '/api/import?lang=en', { rawBody: upload(bytes, 'form.xls') });
        assert.equal(answer.status, 422);
        assert.equal(answer.body.error.code, 'CONVERTER_MISSING');
        assert.match(answer.body.error.message, /XLS.*LibreOffice.*libreoffice-calc/);
      }
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_SOFFICE;
      else process.env.JIXIAO_SOFFICE = saved;
    }
  });

  test('with soffice: an .ods made from a committed XLSX previews as the XLSX does', { skip: soffice ? false : 'soffice is not installed (apt-get install libreoffice-calc-nogui)' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ods-'));
    const source = join(dir, 'national-2023-example.xlsx');
    copyFileSync(`${ROOT}test/fixtures/pdf/national-2023-example.xlsx`, source);
    const made = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'ods', '--outdir', dir, source], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(made.status, 0, made.stderr);
    const preparer = await api.as('preparer');
    const ods = await preparer.request('POST', '/api/import', { rawBody: upload(readFileSync(join(dir, 'national-2023-example.ods')), 'form.ods') });
    const xlsx = await preparer.request('POST', '/api/import', { rawBody: upload(readFileSync(source), 'form.xlsx') });
    assert.equal(ods.status, 200, JSON.stringify(ods.body));
    assert.equal(ods.body.forms.length, 1);
    assert.deepEqual(ods.body.forms, xlsx.body.forms);
  });
});

