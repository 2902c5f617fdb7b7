import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinPageEchoes, repeatedOnNextPage, takePageEchoes } from './layout-grid.ts';
import { labellingForTest } from './read-layout-forms.ts';
import type { LayoutToken } from './layout-lines.ts';

const on = (text: string, line: number, page: number, start = 0): LayoutToken => ({ text, start, end: start + 4, line, lineNo: line + 1, page });
const fit = (text: string) => labellingForTest().hints.caption?.('category', text);
const texts = (cs: readonly LayoutToken[][]) => cs.map((c) => c.map((t) => t.text).join(''));

test('the tail of a caption printed again at the top of the next page is no caption of its own', () => {
  // 满意度指
  // 标(20分)
  // \f标(20分)
  const captions = [[on('效益指标(35分)', 169, 3)], [on('满意度指', 283, 4), on('标(20分)', 284, 4), on('标(20分)', 285, 5)]];
  const echoes = takePageEchoes(captions, fit);
  assert.deepEqual(texts(captions), ['效益指标(35分)', '满意度指标(20分)']);
  const shown = repeatedOnNextPage(captions);
  joinPageEchoes(captions, echoes);
  // Its line still places the cell; the caption is shown as printed once.
  assert.deepEqual(captions[1]!.map((t) => t.line), [283, 284, 285]);
  assert.deepEqual(texts(shown), ['效益指标(35分)', '满意度指标(20分)']);
});

test('an echo set left of the next page\'s columns is taken too; a new caption on the next page is not', () => {
  // 满意度指标(20分
  //     )
  // \f )          ← left of page 5's columns, four lines on
  const captions = [[on('满意度指标(20分', 224, 4), on(')', 225, 4)]];
  const echoes = takePageEchoes(captions, fit, [on(')', 229, 5, 1)]);
  assert.deepEqual(echoes.map((e) => [e.tokens.map((t) => t.line), e.after.line]), [[[229], 225]]);
  // 效益指标 after 产出指标 across a page break repeats nothing.
  const other = [[on('产出指标', 10, 1), on('(45分)', 11, 1)], [on('效益指标', 40, 2), on('(35分)', 41, 2)]];
  assert.deepEqual(takePageEchoes(other, fit), []);
  assert.deepEqual(texts(other), ['产出指标(45分)', '效益指标(35分)']);
});

test('a caption whose first page shows only its first lines is one with the fuller one on the next page, shown whole', () => {
  // 服务对象满意          (page 2, the cell cut by the break)
  // \f服务对象满意        (page 3)
  //   度指标
  const captions = [[on('可持续影响指标', 152, 2)], [on('服务对象满意', 185, 2)], [on('服务对象满意', 197, 3), on('度指标', 199, 3)]];
  const shown = repeatedOnNextPage(captions);
  assert.deepEqual(captions.map((c) => c.map((t) => t.line)), [[152], [185, 197, 199]]);
  assert.deepEqual(texts(shown), ['可持续影响指标', '服务对象满意度指标']);
});
