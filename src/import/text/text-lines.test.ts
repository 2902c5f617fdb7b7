import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth, isNumberToken, toLines } from './text-lines.ts';

test('lines keep the printed text and compare by NFKC key without white space', () => {
  const [line] = toLines('  当年预算数（元） ４１４,４００.００ ');
  assert.deepEqual(line, { no: 1, text: '当年预算数（元） ４１４,４００.００', key: '当年预算数(元)414,400.00' });
});

test('weights and scores are bare numbers; ideographs are twice as wide', () => {
  assert.deepEqual(['3', '9.5', '=5', '62.16%', '1,000'].map(isNumberToken), [true, true, false, false, false]);
  assert.equal(displayWidth('金融a'), 5);
});
