import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinWrapped, readNarrative } from './narratives.ts';
import { classified } from './test-support.ts';

test('a narrative runs from its label to the first blank line after its text', () => {
  const lines = classified('项目年度总目标\n\n第一行文字很长很长很长，\n第二行。\n\n自评时间 2022.3.2');
  const n = readNarrative(lines, 0, '', () => true);
  assert.equal(n.text, '第一行文字很长很长很长，第二行。');
  assert.deepEqual(n.taken, [2, 3]);
});

test('an empty narrative does not take the table row after it', () => {
  const lines = classified('改进措施\n\n“普会贷”授信金额 》=1000万 9');
  assert.deepEqual(readNarrative(lines, 0, '', () => true), { text: '', taken: [] });
});

test('a short line ending a sentence ends a paragraph', () => {
  assert.equal(joinWrapped(['这一段很长很长很长很长很长很长很长', '结束。', '下一段开始了很长很长很长很长很长']), '这一段很长很长很长很长很长很长很长结束。\n下一段开始了很长很长很长很长很长');
  assert.equal(joinWrapped(['PDF', 'text']), 'PDF text');
});
