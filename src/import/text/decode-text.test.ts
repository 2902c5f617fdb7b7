import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, splitLines } from './decode-text.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return out;
}

test('UTF-8 with and without BOM', () => {
  assert.deepEqual(decodeText(utf8('项目名称')), { ok: true, text: '项目名称', encoding: 'utf-8', damagedLines: [] });
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('项目名称')]);
  assert.deepEqual(decodeText(bom), { ok: true, text: '项目名称', encoding: 'utf-8', damagedLines: [] });
});

test('a few damaged bytes in a long text: read, with the damaged lines named', () => {
  const bytes = utf8(`${'项目名称 金融业务费用\n'.repeat(200)}合计 100 95\n`);
  bytes[32 * 3 + 5] = 0xff; // each line is 32 bytes: inside line 4
  const d = decodeText(bytes);
  assert.ok(d.ok);
  assert.deepEqual(d.damagedLines, [4]);
  assert.match(d.text.split('\n')[3]!, /\uFFFD/u);
});

test('a file that mostly does not decode is not text', () => {
  const bytes = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0xc3 : 0x28)));
  assert.deepEqual(decodeText(bytes), { ok: false, reason: 'not valid utf-8' });
});

test('UTF-16 with BOM, both byte orders', () => {
  for (const be of [false, true]) {
    const d = decodeText(utf16('合计 100 95', be));
    assert.equal(d.ok && d.text, '合计 100 95');
  }
});

test('binary garbage and NUL bytes are not text', () => {
  assert.equal(decodeText(new Uint8Array([0xc3, 0x28, 0xa0, 0xa1])).ok, false);
  assert.equal(decodeText(new Uint8Array([0x41, 0x00, 0x42])).ok, false);
  assert.equal(decodeText(utf8('a\u0001b\u0002c\u0003d\u0004')).ok, false);
});

test('CRLF and CR end lines', () => {
  assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd']);
});
