import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textWidth } from './form-font.ts';
import { wrapText } from './wrap-text.ts';

const size = 9;
const em = (n: number) => n * size;

test('Chinese wraps between characters and every line fits', () => {
  const text = '聚焦推进人工智能、大数据、云计算、区块链等与金融产业的融合发展，打造科技金融产业园。';
  const lines = wrapText(text, em(10), { size });
  assert.equal(lines.join(''), text);
  for (const line of lines) assert.ok(textWidth(line, size) <= em(10) + 1e-9, line);
});

test('no line starts with closing punctuation or ends with an opening mark', () => {
  const lines = wrapText('一二三四五六七八九，十一“普会贷”获批', em(9), { size });
  for (const line of lines) {
    assert.ok(!/^[，。、）”]/u.test(line), line);
    assert.ok(!/[（“]$/u.test(line), line);
  }
});

test('numbers and bracketed groups stay whole: 产出指标 / (45分)', () => {
  assert.deepEqual(wrapText('产出指标(45分)', em(5), { size }), ['产出指标', '(45分)']);
  assert.deepEqual(wrapText('金额414,400.00元', em(6), { size }), ['金额', '414,400.00元']);
});

test('explicit newlines and a paragraph indent are kept; empty text is no line', () => {
  assert.deepEqual(wrapText('说明：一\n　　　二', em(20), { size }), ['说明：一', '　　　二']);
  assert.deepEqual(wrapText('', em(5), { size }), []);
});

test('a word wider than the cell is broken rather than overflowing', () => {
  const lines = wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', em(4), { size });
  assert.ok(lines.length > 1);
  for (const line of lines) assert.ok(textWidth(line, size) <= em(4) + 1e-9, line);
});
