/**
 * What an attacker found (issue 12), on each database: formulas in CSV exports, bodies nested to
 * blow the stack, unknown fields and a forged 预算单位 reaching the public, unbounded strings, and
 * bodies validated before the caller was known.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';

const FORMULA = '=HYPERLINK("http://evil.example","点击")';

/** `{"a":{"a":…}}` `depth` levels deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

forEachApi('hardening', (api) => {
  test('CSV exports carry no live formula: a cell that begins with = + - @ is text in Excel; the JSON keeps the value', async () => {
    const document = seedEvaluations()[0]!;
    document.year = 2044;
    document.project.name = FORMULA;
    document.indicators[0]!.target = '=10场';
    const id = await api.evaluation('office', 'approved', document);
    const csv = new TextDecoder().decode((await (await api.as('reviewer')).get('/api/dashboard/export.csv?year=2044')).body);
    const row = csv.split('\r\n').find((line) => line.includes('HYPERLINK'))!;
    assert.match(row, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""点击""\)",/u, row);
    const json = (await (await api.as('reviewer')).get(`/api/evaluations/${id}`)).body.evaluation;
    assert.equal(json.project.name, FORMULA);
    assert.equal(json.indicators[0].target, '=10场', 'the target keeps its meaning');
  });

  test('a body nested deeper than 64 levels is 400 naming the path, at any depth, on create and on save', async () => {
    const preparer = await api.as('preparer');
    const seed = JSON.stringify({ evaluation: { ...seedEvaluations()[0]!, extra: '__NESTED__' } });
    // The body and the evaluation are two levels: 62 more make 64, the most a body may have.
    for (const depth of [62, 63, 100_000]) {
      const rawBody = seed.replace('"__NESTED__"', nested(depth));
      const answer = await preparer.request('POST', '/api/evaluations', { rawBody, headers: { 'content-type': 'application/json' } });
      if (depth === 62) {
        assert.equal(answer.status, 201, JSON.stringify(answer.body).slice(0, 200));
        continue;
      }
      assert.equal(answer.status, 400, `depth ${depth}: ${JSON.stringify(answer.body).slice(0, 200)}`);
      assert.match(answer.body.error.issues[0].path, /^evaluation\.extra(\.a)+$/u);
      assert.match(answer.body.error.issues[0].message, /deeper than 64/u);
    }
    const id = await api.evaluation('office', 'draft');
    const put = await preparer.request('PUT', `/api/evaluations/${id}`, { rawBody: JSON.stringify({ version: 1, evaluation: { ...seedEvaluations()[0]!, extra: 0 } }).replace('"extra":0', `"extra":${nested(5000)}`), headers: { 'content-type': 'application/json' } });
    assert.equal(put.status, 400);
  });

  test('fields the schema does not know stay with the form but never reach the public; the printed 预算单位 is the unit\'s', async () => {
    const document = seedEvaluations()[0]! as any;
    document.year = 2045;
    document.internalNote = '内部意见：不公开';
    document.project.budgetUnit = '上海市财政局';
    document.project.vendorKey = 'secret-1';
    document.indicators[0].reviewerMemo = 'secret-2';
    const id = await api.evaluation('office', 'published', document);
    const own = (await (await api.as('preparer')).get(`/api/evaluations/${id}`)).body.evaluation;
    assert.deepEqual([own.internalNote, own.project.vendorKey, own.indicators[0].reviewerMemo], ['内部意见：不公开', 'secret-1', 'secret-2'], 'kept for the unit');

    const publicJson = await api.anonymous().get(`/api/public/evaluations/${id}`);
    const text = JSON.stringify(publicJson.body);
    for (const secret of ['内部意见', 'secret-1', 'secret-2', 'internalNote', 'vendorKey', 'reviewerMemo', '上海市财政局']) assert.ok(!text.includes(secret), secret);
    assert.equal(publicJson.body.evaluation.project.budgetUnit, '上海市普陀区金融服务办公室');

    const dir = mkdtempSync(join(tmpdir(), 'jixiao-printed-'));
    try {
      const pdf = await api.anonymous().get(`/api/public/evaluations/${id}/export.pdf`);
      writeFileSync(join(dir, 'form.pdf'), pdf.body);
      const printed = execFileSync('pdftotext', ['-layout', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
      assert.match(printed, /上海市普陀区金融服务办公室/u);
      assert.doesNotMatch(printed, /上海市财政局/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await (await api.as('preparer')).get(`/api/evaluations/${id}/export.xlsx`)).body) as any);
    const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    assert.ok(cells.includes('上海市普陀区金融服务办公室') && !cells.some((c) => c.includes('上海市财政局')));
  });

  test('every string has a bound: a project name over 1,000 characters is 400 at its path', async () => {
    const document = seedEvaluations()[0]!;
    document.project.name = '项'.repeat(1001);
    const answer = await (await api.as('preparer')).post('/api/evaluations', { evaluation: document });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.issues[0].path, 'evaluation.project.name');
    document.project.name = '项'.repeat(1000);
    assert.equal((await (await api.as('preparer')).post('/api/evaluations', { evaluation: document })).status, 201);
  });

  test('an anonymous change is 401 before its body is read: a malformed or huge body says nothing more', async () => {
    const anonymous = api.anonymous();
    for (const [method, path] of [['POST', '/api/evaluations'], ['PUT', '/api/evaluations/x'], ['POST', '/api/units'], ['PATCH', '/api/users/x'], ['POST', '/api/years/2026/projects']] as const) {
      const answer = await anonymous.request(method, path, { rawBody: '{"evaluation": [[[[', headers: { 'content-type': 'application/json' } });
      assert.deepEqual([answer.status, answer.body.error.code], [401, 'UNAUTHENTICATED'], `${method} ${path}`);
    }
  });
});
