/** POST /api/import: a preview of the forms in an upload, typed by its bytes, capped in size; nothing saved. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { ROOT } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { NATIONAL_TEXT, nationalTextUpload, upload } from './support/upload.ts';

forEachApi('import preview', (api) => {
  const evaluationCount = async () => Number((await sql<{ n: number | string }>`select count(*) as n from evaluations`.execute(api.database().db)).rows[0]!.n);

  test('a text file: its forms with computed values and findings, and the diagnostics; nothing saved', async () => {
    const before = await evaluationCount();
    const answer = await (await api.as('preparer')).request('POST', '/api/import?lang=en', { rawBody: nationalTextUpload() });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.forms.length, 1);
    const [form] = answer.body.forms;
    assert.equal(form.evaluation.template, 'national-2020');
    assert.equal(typeof form.computed.score, 'number');
    assert.equal(typeof form.start, 'string');
    assert.ok(form.findings.some((f: any) => f.code === 'RATE_MISMATCH' && f.severity === 'error'), JSON.stringify(form.findings.map((f: any) => f.code)));
    assert.ok(Array.isArray(answer.body.diagnostics));
    for (const d of answer.body.diagnostics) assert.deepEqual(Object.keys(d).sort(), ['code', 'location', 'message', 'path', 'severity']);
    assert.equal(await evaluationCount(), before);
  });

  test('the kind comes from the bytes: a PNG named .pdf → 415 UNSUPPORTED_FILE', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    const answer = await (await api.as('preparer')).request('POST', '/api/import', { rawBody: upload(png, 'form.pdf') });
    assert.equal(answer.status, 415);
    assert.equal(answer.body.error.code, 'UNSUPPORTED_FILE');
  });

  test('issue 15: an HTML page and a .docx with the form as a table are read (kinds sniffed from the bytes), GB18030 text too', async () => {
    const { readXlsxGrids } = await import('../../src/import/xlsx/read-xlsx-grids.ts');
    const { gridsHtml, seeded } = await import('../../src/import/html/testing/grid-html.ts');
    const { makeDocx } = await import('../../src/import/docx/testing/make-docx.ts');
    const { grids } = await readXlsxGrids(new Uint8Array(readFileSync(`${ROOT}test/fixtures/pdf/national-2023-example.xlsx`)));
    const uploads = [upload(gridsHtml(grids, { random: seeded(3) }), '自评表.htm'), upload(makeDocx(grids.map((table) => ({ table }))), '自评表.docx')];
    for (const body of uploads) {
      const answer = await (await api.as('preparer')).request('POST', '/api/import?lang=en', { rawBody: body });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.forms.length, 1);
      assert.equal(answer.body.forms[0].evaluation.template, 'national-2020');
      assert.equal(answer.body.forms[0].evaluation.project.name, JSON.parse(readFileSync(`${ROOT}test/fixtures/pdf/national-2023-example.json`, 'utf8')).evaluations[0].project.name);
    }
    // Text saved as GB18030 (Notepad's "ANSI"): read, and the preview says how it was decoded.
    const iconv = (await import('iconv-lite')).default;
    const gbk = await (await api.as('preparer')).request('POST', '/api/import?lang=zh', { rawBody: upload(iconv.encode(readFileSync(NATIONAL_TEXT, 'utf8'), 'gb18030'), 'ansi.txt') });
    assert.equal(gbk.status, 200, JSON.stringify(gbk.body));
    assert.equal(gbk.body.forms.length, 1);
    assert.ok(gbk.body.diagnostics.some((d: any) => d.severity === 'info' && d.code === 'TEXT_ENCODING' && d.message === '按 GB18030 解码'), JSON.stringify(gbk.body.diagnostics));
  });

  test('text that is not a form: 200 with no forms and an error diagnostic', async () => {
    const answer = await (await api.as('preparer')).request('POST', '/api/import', { rawBody: upload('hello, this is not a form\n', 'note.pdf') });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.forms.length, 0);
    assert.ok(answer.body.diagnostics.some((d: any) => d.severity === 'error'));
  });

  test('no file field → 400 with the path; a CSRF-less upload → 403', async () => {
    const preparer = await api.as('preparer');
    const missing = await preparer.request('POST', '/api/import', { rawBody: upload('x', 'a.txt', 'document') });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.error.issues.map((i: any) => i.path), ['file']);
    const csrf = await preparer.request('POST', '/api/import', { rawBody: nationalTextUpload(), csrf: false });
    assert.equal(csrf.status, 403);
  });
});

forEachApi('import size cap', (api) => {
  test('an upload over the cap → 413 FILE_TOO_LARGE before it is read', async () => {
    const answer = await (await api.as('preparer')).request('POST', '/api/import', { rawBody: upload(new Uint8Array(64 * 1024), 'big.txt') });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error.code, 'FILE_TOO_LARGE');
    assert.equal(answer.headers.get('x-frame-options'), 'DENY');
  });
}, { maxUploadBytes: 16 * 1024 });
