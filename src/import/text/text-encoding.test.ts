/**
 * Text in GB18030 (GBK, Windows Notepad's "ANSI") and UTF-16 with a BOM reads exactly as the same
 * text in UTF-8, and says which decoding it used; binary is still refused.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { render } from '../../core/locale/messages.ts';
import { readForms } from '../read-forms.ts';
import { chooseTextEncoding, isGb18030Text } from './text-encoding.ts';

const fixture = (path: string) => readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url), 'utf8');
const TEXTS = ['seed/000_876b01381dae6b1b.txt', 'pdftotext/real-2022-putuo-sports.layout.txt', 'pdftotext/national-2023-example.layout.txt'];

const encodings: Array<[string, (text: string) => Uint8Array, string]> = [
  ['GB18030', (t) => iconv.encode(t, 'gb18030'), 'GB18030'],
  ['GBK', (t) => iconv.encode(t, 'gbk'), 'GB18030'],
  ['UTF-16LE with BOM', (t) => iconv.encode(t, 'utf16le', { addBOM: true }), 'UTF-16LE'],
  ['UTF-16BE with BOM', (t) => new Uint8Array([0xfe, 0xff, ...iconv.encode(t, 'utf16-be')]), 'UTF-16BE'],
];

for (const path of TEXTS) {
  for (const [name, encode, reported] of encodings) {
    test(`${path} in ${name}: the same evaluations and diagnostics as in UTF-8, and "按 ${reported} 解码"`, async () => {
      const text = fixture(path);
      const utf8 = await readForms({ file: 'form.txt', bytes: new TextEncoder().encode(text) });
      assert.ok(utf8.forms.length > 0);
      const other = await readForms({ file: 'form.txt', bytes: encode(text) });
      assert.deepEqual(other.forms, utf8.forms);
      const [info, ...rest] = other.diagnostics;
      assert.deepEqual(rest, utf8.diagnostics);
      assert.equal(info?.severity, 'info');
      assert.equal(info?.code, 'TEXT_ENCODING');
      assert.equal(render(info!.message, 'zh'), `按 ${reported} 解码`);
      assert.ok(!utf8.diagnostics.some((d) => d.code === 'TEXT_ENCODING'), 'UTF-8 is not reported');
    });
  }
}

test('valid UTF-8 wins; GB18030 only when it decodes cleanly and holds Chinese', () => {
  const text = '项目名称：金融业务费用，预算执行率 62.16%\n';
  assert.equal(chooseTextEncoding(new TextEncoder().encode(text)).encoding, 'utf-8');
  assert.equal(chooseTextEncoding(iconv.encode(text, 'gb18030')).encoding, 'gb18030');
  // Latin-1 accented text decodes as GB18030 pairs of no Chinese meaning: not GB18030.
  assert.equal(isGb18030Text(iconv.encode('café naïve déjà vu résumé', 'latin1')), false);
  // A GB18030 byte sequence cut in the middle is an error, unless it is a sample cut from a longer file.
  const cut = iconv.encode('项目名称', 'gb18030').subarray(0, 7);
  assert.equal(isGb18030Text(cut), false);
  assert.equal(isGb18030Text(cut, true), true);
});

test('binary is still refused, not read as GB18030', async () => {
  const garbage = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
  const read = await readForms({ file: 'garbage.txt', bytes: garbage });
  assert.equal(read.forms.length, 0);
  assert.equal(read.diagnostics[0]?.code, 'READ_FAILED');
  // High bytes only (no control bytes), but not Chinese in any encoding: refused too.
  const high = new Uint8Array(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 31) % 0x7f)));
  const readHigh = await readForms({ file: 'high.txt', bytes: high });
  assert.equal(readHigh.forms.length, 0);
  assert.ok(readHigh.diagnostics.some((d) => d.severity === 'error'));
});
