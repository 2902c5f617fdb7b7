/** Sniffing a file's kind: the fast UTF-8 check gives what decoding the sample gave. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { completeUtf8Length, sniffKind } from './sniff.ts';
import { isGb18030Text } from './text/text-encoding.ts';

/**
 * The check as it was: decode the first 64 KiB and count the U+FFFD in it; else (issue 15) text
 * when it decodes as GB18030 (text-encoding.ts says when).
 */
function decodedSampleKind(bytes: Uint8Array): 'text' | 'binary' {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > sample.length / 100) return 'binary';
  if (new TextDecoder('utf-8', { fatal: false }).decode(sample).split('\uFFFD').length - 1 <= sample.length / 200) return 'text';
  return isGb18030Text(sample, sample.length < bytes.length) ? 'text' : 'binary';
}

const encode = (s: string) => new TextEncoder().encode(s);

test('a character cut at the end is left out of the complete length, a whole one is not', () => {
  const text = encode('ab项'); // 61 62 E9 A1 B9
  assert.equal(completeUtf8Length(text), 5);
  assert.equal(completeUtf8Length(text.subarray(0, 4)), 2);
  assert.equal(completeUtf8Length(text.subarray(0, 3)), 2);
  assert.equal(completeUtf8Length(encode('😀').subarray(0, 3)), 0);
  assert.equal(completeUtf8Length(new Uint8Array([0x80, 0x80, 0x80, 0x80])), 4);
});

test('text cut inside a character at 64 KiB is text; so is a file with its own U+FFFD, up to the share that is not', () => {
  const long = encode('绩效自评价 '.repeat(5000));
  for (const cut of [65535, 65536, 65537]) assert.equal(sniffKind(long.subarray(0, cut)), 'text');
  // 0.5 % of the sample may be U+FFFD, whether the file wrote it or the decoder put it in.
  const few = encode(`${'\uFFFD'.repeat(2)}${'a'.repeat(998)}`);
  const many = encode(`${'\uFFFD'.repeat(20)}${'a'.repeat(980)}`);
  assert.equal(sniffKind(few), decodedSampleKind(few));
  assert.equal(sniffKind(many), 'binary');
  assert.equal(sniffKind(many), decodedSampleKind(many));
});

test('on damaged and arbitrary bytes the kind is the one decoding the sample gives', () => {
  const text = encode('项目名称 金融业务费用\n预算执行率（%） 62.16%\n'.repeat(40));
  const damaged = fc.record({
    keep: fc.integer({ min: 1, max: text.length }),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 30 }),
  });
  fc.assert(
    fc.property(damaged, ({ keep, flips }) => {
      const bytes = text.slice(0, keep);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      if (bytes[0] === 0x25 || bytes[0] === 0x50) return; // %PDF, PK: other kinds
      assert.equal(sniffKind(bytes), decodedSampleKind(bytes));
    }),
    { numRuns: 2000, seed: 6 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
      const kind = sniffKind(bytes);
      if (kind === 'text' || kind === 'binary') assert.equal(kind, decodedSampleKind(bytes));
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('GB18030 and UTF-16 text is text; an HTML page (any encoding) is html; a .docx is docx, not xlsx', () => {
  const form = '项目名称 金融业务费用\n预算执行率（%） 62.16%\n'.repeat(40);
  assert.equal(sniffKind(iconv.encode(form, 'gb18030')), 'text');
  assert.equal(sniffKind(new Uint8Array([0xff, 0xfe, ...Buffer.from(form, 'utf16le')])), 'text');
  // UTF-8 with a byte damaged is not mistaken for GB18030 (it is mostly good UTF-8).
  const damaged = encode(form);
  damaged[100] = 0x81;
  assert.equal(isGb18030Text(damaged), false);
  assert.equal(sniffKind(damaged), 'text');
  for (const page of ['<!DOCTYPE html><html><body><table>', '\n  <!-- saved -->\n<HTML xmlns:o="urn:schemas-microsoft-com:office:office">', '<table border=1><tr><td>项目名称']) {
    assert.equal(sniffKind(encode(page)), 'html', page);
    assert.equal(sniffKind(iconv.encode(page, 'gb18030')), 'html', page);
    assert.equal(sniffKind(new Uint8Array([0xfe, 0xff, ...iconv.encode(page, 'utf16be')])), 'html', page);
  }
  assert.equal(sniffKind(encode('项目名称 <table> 不是网页')), 'text');
  const zip = (name: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from(`....[Content_Types].xml....${name}`, 'latin1')]);
  assert.equal(sniffKind(zip('word/document.xml')), 'docx');
  assert.equal(sniffKind(zip('xl/workbook.xml')), 'xlsx');
});
