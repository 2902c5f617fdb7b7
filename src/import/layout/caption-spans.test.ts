import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeCaptions } from './layout-grid.ts';
import type { LayoutToken } from './layout-lines.ts';

/** A caption printed on the given lines. */
const caption = (...lines: number[]): LayoutToken[] => lines.map((line) => ({ text: '指标', start: 0, end: 2, line, lineNo: line + 1, page: 1 }));
/** Rows of text on the given line ranges, each reaching half way to its neighbours. */
function rows(...spans: Array<[number, number]>) {
  const texts = spans.map(([top, bottom]) => ({ top, bottom }));
  const extents = texts.map((t, i) => ({ top: (t.top + (texts[i - 1]?.bottom ?? t.top - 2)) / 2, bottom: (t.bottom + (texts[i + 1]?.top ?? t.bottom + 2)) / 2 }));
  return { texts, extents };
}

test('a caption set at the top of its merged cell spans the rows down to where the next caption is centred', () => {
  // Rows on lines 10–12, 14–16, 18–20, 22–24. 产出 prints on line 10, the first line of its first
  // row (set at the top); 效益 on line 19, the middle of the third row alone.
  const { texts, extents } = rows([10, 12], [14, 16], [18, 20], [22, 24]);
  const placed = placeCaptions([caption(10), caption(19), caption(23)], texts, extents);
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.unclear]), [[0, 1, undefined], [2, 2, undefined], [3, 3, undefined]]);
});

test('captions centred on their rows take those rows; a border the lines leave in doubt leaves its row unplaced', () => {
  const { texts, extents } = rows([10, 10], [12, 12], [14, 14], [16, 16]);
  // 产出 centred on rows 0–1 (line 11), 效益 on rows 2–3 (line 15).
  assert.deepEqual(placeCaptions([caption(11), caption(15)], texts, extents).map((p) => [p.s, p.e]), [[0, 1], [2, 3]]);
  // Three rows, the captions on lines 11 and 13: the middle row under either is as good a fit, so
  // it is left to the template's points.
  const three = rows([10, 10], [12, 12], [14, 14]);
  const tied = placeCaptions([caption(11), caption(13)], three.texts, three.extents);
  assert.deepEqual(tied.map((p) => [p.s, p.e, p.unclear]), [[0, 0, 1], [2, 2, undefined]]);
});
