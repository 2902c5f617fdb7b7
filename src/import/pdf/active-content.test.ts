/** PDFs with JavaScript are refused with the reason, however the script is written; real forms are not. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { render } from '../../core/locale/messages.ts';
import { scriptNameInBytes } from './active-content.ts';
import { readPdfGrids } from './read-pdf-grids.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const bad = (name: string) => new Uint8Array(readFileSync(`${ROOT}test/fixtures/bad/${name}`));

for (const [name, found] of [
  ['javascript.pdf', '/JavaScript'],
  ['javascript-escaped-names.pdf', '/J#61vaScript'],
  // Inside a compressed object stream the bytes show nothing: pdf.js's parse of the catalog finds it.
  ['javascript-compressed.pdf', null],
] as const) {
  test(`${name}: refused as a PDF with JavaScript`, async () => {
    const bytes = bad(name);
    assert.equal(scriptNameInBytes(bytes), found);
    const read = await readPdfGrids(name, bytes);
    assert.deepEqual(read.grids, []);
    assert.equal(read.diagnostics.length, 1);
    assert.equal(read.diagnostics[0]!.severity, 'error');
    assert.match(render(read.diagnostics[0]!.message, 'en'), /^The PDF contains JavaScript \(.+\), which no form needs: refused, not read$/u);
    assert.match(render(read.diagnostics[0]!.message, 'zh'), /^PDF 含有 JavaScript 脚本/u);
  });
}

test('no real form of the fixtures is taken for one with JavaScript', async () => {
  const dir = `${ROOT}test/fixtures/pdf/`;
  const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  assert.ok(pdfs.length >= 3);
  for (const file of pdfs) {
    const bytes = new Uint8Array(readFileSync(dir + file));
    assert.equal(scriptNameInBytes(bytes), null, file);
    const read = await readPdfGrids(file, bytes);
    assert.ok(read.grids.length > 0, `${file} still reads`);
  }
});

test('a name that merely starts like one is not a script: /JSON, /JSX, /JavaScripts', () => {
  for (const text of ['<< /JSON 1 >>', '<< /JSX 2 >>', '<< /JavaScripts 3 >>', '(JS is text) Tj']) {
    assert.equal(scriptNameInBytes(Buffer.from(text, 'latin1')), null, text);
  }
  assert.equal(scriptNameInBytes(Buffer.from('<</S/JavaScript/JS(x)>>', 'latin1')), '/JavaScript');
});

test('bytes of compressed stream data that spell /JS are no script; a name after the stream still is', () => {
  const stream = (data: string) => `1 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n${data}\nendstream\nendobj\n`;
  // 0xA0 after /JS: no PDF white space (`\s` would take it), and inside binary data anyway.
  const binary = stream('x\u009c\u0013/JS\u00a0\u0099/JavaScript(\u00fe');
  assert.equal(scriptNameInBytes(Buffer.from(binary, 'latin1')), null);
  assert.equal(scriptNameInBytes(Buffer.from('<< /JS\u00a0 1 >>', 'latin1')), null, '/JS\\xA0 is another name');
  const after = `${binary}2 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n`;
  assert.equal(scriptNameInBytes(Buffer.from(after, 'latin1')), '/JavaScript');
  assert.equal(scriptNameInBytes(Buffer.from(`${binary}<< /J#53 (x) >>`, 'latin1')), '/J#53');
});

test('a corpus form whose compressed stream holds the bytes /JS then 0xA0 is read, not refused', async () => {
  // Committed (test/fixtures/layout-corpus): a missing file fails the test rather than skipping it.
  const bytes = new Uint8Array(readFileSync(`${ROOT}test/fixtures/layout-corpus/form-0031-shanghai-2021.pdf`));
  assert.ok(Buffer.from(bytes).toString('latin1').includes('/JS\u00a0'), 'the fixture still holds the bytes this test is about');
  assert.equal(scriptNameInBytes(bytes), null);
  assert.ok((await readPdfGrids('form-0031.pdf', bytes)).grids.length > 0);
});
