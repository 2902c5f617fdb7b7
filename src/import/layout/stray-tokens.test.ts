import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strangeCaptions, strayTokens } from './layout-grid.ts';
import { layoutLines } from './layout-lines.ts';
import { labellingForTest } from './read-layout-forms.ts';

const { hints } = labellingForTest();
const fit = (text: string) => hints.caption!('subcategory', text);

/** The tokens of an excerpt starting left of `before` (the 二级指标 column and what touches it). */
function captionTokens(lines: readonly string[], before: number) {
  return layoutLines(lines.join('\n')).flatMap((l) => l.tokens.filter((t) => t.start < before));
}

test("a name's last line printed a space after a 二级指标 caption is the name's, not the caption's", () => {
  // The name 推进数字化转型；提升治理效能 wraps; its last line 效能 shares the caption's line.
  const caption = captionTokens(['                 推进数字化转型；提升治理', '          数量指标 效能                       ≥173次'], 17);
  assert.deepEqual(strayTokens(caption, fit).map((t) => t.text), ['效能']);
  assert.deepEqual(caption.map((t) => t.text), ['数量指标']);
});

test('a caption wrapped over two lines (数量指 / 标), the name\'s last character beside its first line', () => {
  const caption = captionTokens(['        数量指 加', '                                         125场', '         标'], 18);
  assert.deepEqual(strayTokens(caption, fit).map((t) => t.text), ['加']);
  assert.deepEqual(caption.map((t) => t.text), ['数量指', '标']);
});

test('a caption that reads as printed, or that reads no better without the text beside it, keeps it', () => {
  const whole = captionTokens(['          数量指标'], 17);
  assert.deepEqual(strayTokens(whole, fit), []);
  const unknown = captionTokens(['          某某指标 效能'], 17);
  assert.deepEqual(strayTokens(unknown, fit), []);
  assert.equal(unknown.length, 2);
});

test('a caption no template has, in a column whose other captions the templates know, is strange (its rows are reported)', () => {
  // A name wrapped far left on a page of its own columns, gathered into the 二级指标 column (seed 31337, form 34).
  const lines = layoutLines(['       服务对象满意度', '          指标', '', '', '       全年完成主要工作任务，服务', '       对象满意度较高，管理制度进'].join('\n'));
  const tokens = lines.flatMap((l) => l.tokens);
  const captions = [tokens.slice(0, 2), tokens.slice(2)];
  assert.deepEqual(strangeCaptions(captions, fit).map((c) => c.map((t) => t.text).join('')), ['全年完成主要工作任务，服务对象满意度较高，管理制度进']);
  // Where no caption of the column is the templates', none is strange (the templates do not list them).
  assert.deepEqual(strangeCaptions([tokens.slice(2)], fit), []);
});
