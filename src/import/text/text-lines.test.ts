import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth, isNfkcStable, isNumberToken, isWhiteSpace, matchKey, tokensOf, toLines, wordsOf } from './text-lines.ts';

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
