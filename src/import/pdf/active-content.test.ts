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
