/** Finding soffice, and a conversion's deadline and clean-up (issue 15, convert). */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { sniffKind } from '../sniff.ts';
import { convertManyWithSoffice, convertWithSoffice, findSoffice } from './soffice.ts';
import { readXlsxForms } from '../xlsx/read-xlsx.ts';


test('soffice is looked up on PATH; JIXIAO_SOFFICE, when set, decides alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-path-'));
  const soffice = join(dir, 'soffice');
  writeFileSync(soffice, '#!/bin/sh\nexit 0\n');
  chmodSync(soffice, 0o755);
  assert.equal(findSoffice({ PATH: `/nonexistent:${dir}` }), soffice);
  assert.equal(findSoffice({ PATH: mkdtempSync(join(tmpdir(), 'jixiao-empty-')) }), undefined);
  assert.equal(findSoffice({ PATH: dir, JIXIAO_SOFFICE: join(dir, 'missing') }), undefined);
  assert.equal(findSoffice({ PATH: '', JIXIAO_SOFFICE: soffice }), soffice);
  // Not executable: not a converter.
  const plain = join(dir, 'plain');
  writeFileSync(plain, '');
  assert.equal(findSoffice({ PATH: '', JIXIAO_SOFFICE: plain }), undefined);
});

test('without soffice: the package to install, nothing started', async () => {
  const env = { PATH: mkdtempSync(join(tmpdir(), 'jixiao-empty-')) };
  assert.deepEqual(await convertWithSoffice(new Uint8Array(8), { extension: 'xls', target: 'xlsx', env }), { ok: false, reason: 'missing', package: 'libreoffice-calc' });
  assert.deepEqual(await convertWithSoffice(new Uint8Array(8), { extension: 'doc', target: 'docx', env }), { ok: false, reason: 'missing', package: 'libreoffice-writer' });
  assert.deepEqual(await convertManyWithSoffice([new Uint8Array(8), new Uint8Array(8)], { extension: 'xls', target: 'xlsx', env }), [
    { ok: false, reason: 'missing', package: 'libreoffice-calc' },
    { ok: false, reason: 'missing', package: 'libreoffice-calc' },
  ]);
});

const soffice = findSoffice();
const skip = soffice ? false : 'soffice is not installed (apt-get install libreoffice-calc-nogui)';

test('a conversion past its deadline is killed and leaves no directory behind', { skip }, async (t) => {
  // A temporary directory of this test's own: other test files convert at the same time.
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-soffice-test-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  t.after(() => (saved === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = saved)));
  const started = Date.now();
  const xlsx = readFileSync(new URL('../../../test/fixtures/pdf/national-2023-example.xlsx', import.meta.url));
  const result = await convertWithSoffice(xlsx, { extension: 'xlsx', target: 'xlsx', timeoutMs: 50 });
  assert.deepEqual(result, { ok: false, reason: 'timeout', seconds: 0.05 });
  assert.ok(Date.now() - started < 10_000);
  assert.deepEqual(readdirSync(tmp), []);
});

test('two conversions at once, each in its own profile, both succeed', { skip }, async () => {
  const xlsx = readFileSync(new URL('../../../test/fixtures/pdf/national-2023-example.xlsx', import.meta.url));
  const results = await Promise.all([1, 2].map(() => convertWithSoffice(xlsx, { extension: 'xlsx', target: 'xlsx' })));
  for (const r of results) {
    assert.equal(r.ok, true, JSON.stringify(r));
    if (r.ok) assert.deepEqual([...r.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  }
});

test('several files in one run: each answer is its own file\'s, in order', { skip }, async () => {
  const names = ['national-2023-example', 'seed-2021-putuo', 'national-2023-example'];
  const files = names.map((n) => readFileSync(new URL(`../../../test/fixtures/pdf/${n}.xlsx`, import.meta.url)));
  const results = await convertManyWithSoffice(files, { extension: 'xlsx', target: 'xlsx' });
  assert.equal(results.length, 3);
  const projects = await Promise.all(results.map(async (r, i) => {
    assert.equal(r.ok, true, JSON.stringify(r));
    const read = await readXlsxForms({ file: `${i}.xlsx`, bytes: r.ok ? r.bytes : new Uint8Array() });
    return read.forms.map((f) => f.evaluation.project.name);
  }));
  const originals = await Promise.all(files.map(async (bytes, i) => (await readXlsxForms({ file: `${i}.xlsx`, bytes })).forms.map((f) => f.evaluation.project.name)));
  assert.deepEqual(projects, originals);
  assert.notDeepEqual(projects[0], projects[1]);
});

test('a .doc (made by LibreOffice from a table) converts to a .docx for the document reader', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-doc-'));
  writeFileSync(join(dir, 'form.html'), '<html><body><table border="1"><tr><td>项目名称</td><td>社区全民健身设施更新维护</td></tr></table></body></html>');
  const made = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', dir, join(dir, 'form.html')], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(made.status, 0, made.stderr);
  const doc = readFileSync(join(dir, 'form.doc'));
  assert.equal(sniffKind(doc), 'doc');
  const result = await convertWithSoffice(doc, { extension: 'doc', target: 'docx' });
  assert.equal(result.ok, true, JSON.stringify(result));
  if (result.ok) assert.ok(Buffer.from(result.bytes).includes('word/document.xml'), 'a WordprocessingML package');
});
