import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isNfkcStable, matchKey } from '../../core/targets/normalize.ts';
import { displayWidth, isNumberToken, isWhiteSpace, isWide, tokensOf, toLines, wordsOf } from './text-lines.ts';

test('lines keep the printed text and compare by NFKC key without white space', () => {
  const [line] = toLines('  当年预算数（元） ４１４,４００.００ ');
  assert.deepEqual(line, { no: 1, text: '当年预算数（元） ４１４,４００.００', key: '当年预算数(元)414,400.00' });
});

test('weights and scores are bare numbers; ideographs are twice as wide', () => {
  assert.deepEqual(['3', '9.5', '=5', '62.16%', '1,000'].map(isNumberToken), [true, true, false, false, false]);
  assert.equal(displayWidth('金融a'), 5);
});

test('the keys matchKey builds without NFKC are those NFKC would build', () => {
  const stable: number[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    if (!isNfkcStable(c)) continue;
    const ch = String.fromCharCode(c);
    assert.equal(ch.normalize('NFKC'), ch, `U+${c.toString(16)}`);
    stable.push(c);
  }
  // Neighbours do not compose either: every pair of the non-ideographs, and ideographs around them.
  const small = stable.filter((c) => c < 0x3400);
  for (const a of small) for (const b of [...small, 0x4e00, 0x9fff, 0x3400]) {
    const pair = String.fromCharCode(a, b);
    assert.equal(pair.normalize('NFKC'), pair, `U+${a.toString(16)} U+${b.toString(16)}`);
  }
  for (let c = 0xff01; c <= 0xff5e; c++) assert.equal(String.fromCharCode(c).normalize('NFKC'), String.fromCharCode(c - 0xfee0));
  const slow = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
  for (const s of ['项目名称 金融业务费用', ' a\tb\r\n', '当年预算数（元）', '（2021年度）', '说明：1、', '“一” — ‘二’', 'ａｂ　c', '１２,３４５．６７（元）：', 'ａ\u0301', 'e\u0301', '⼈口', '〇〡〪', '']) assert.equal(matchKey(s), slow(s), s);
});

test('white space is what \\s matches, code unit by code unit', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isWhiteSpace(c), /\s/u.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('words and tokens are the runs the regex finds, with where they stand and their keys', () => {
  const regexWords = (s: string) => [...s.matchAll(/[^\s\u3000]+/gu)].map((m) => ({ text: m[0], key: matchKey(m[0]), start: m.index, end: m.index + m[0].length }));
  for (const s of ['', ' ', '项目名称 金融业务费用', '  a\tb\u3000\u3000ｃ（元） ', '\u00a0x\u2003y\ufeff', '😀 单位😀', 'end ']) {
    assert.deepEqual(wordsOf(s), regexWords(s), s);
    assert.deepEqual(tokensOf(s), s.split(/[\s\u3000]+/u).filter((t) => t !== ''), s);
  }
});

test('wide code units are those of the pattern the width was measured by; a surrogate pair is two', () => {
  const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u201C\u201D\u2018\u2019]/u;
  for (let c = 0; c <= 0xffff; c++) assert.equal(isWide(c), WIDE.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  const byCodePoint = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1), 0);
  for (const s of ['', '金融a', '😀x', '\ud83d', 'a\ude00b', '\ud83d\ud83d\ude00', '“普会贷”']) assert.equal(displayWidth(s), byCodePoint(s), s);
});

test('a number token is what the pattern finds in its NFKC form', () => {
  const byPattern = (t: string) => /^\d{1,6}(?:\.\d+)?$/u.test(t.normalize('NFKC'));
  const alphabet = ['0', '1', '9', '.', '．', '１', '０', '⑤', '²', '\u0301', 'e', ',', '%', '=', ' ', '分', '〇', '\u00bd', '\u2024'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 9 }), (chars) => {
      const t = chars.join('');
      assert.equal(isNumberToken(t), byPattern(t), JSON.stringify(t));
    }),
    { numRuns: 20000, seed: 11 },
  );
  for (const t of ['3', '9.5', '123456', '1234567', '1.', '.5', '１０', '１０．５', '3分']) assert.equal(isNumberToken(t), byPattern(t), t);
});
