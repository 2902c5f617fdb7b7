import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readTextForms } from '../text/read-text-forms.ts';
import { placeCaptions, regroupCaptions, repeatedOnNextPage, squeezedTopSet, withinParents } from './layout-grid.ts';
import { labellingForTest } from './read-layout-forms.ts';
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
  // A 二级指标 column keeps the row with the caption of the best border, still marking it in doubt.
  const kept = placeCaptions([caption(11), caption(13)], three.texts, three.extents, undefined, true);
  assert.deepEqual(kept.map((p) => [p.s, p.e, p.unclear]), [[0, 0, 1], [1, 2, undefined]]);
  // Spans a line apart in cost: plain for a 一级指标 column, in doubt (and kept) for a 二级指标 one.
  const near = [caption(10, 11), caption(14)];
  assert.deepEqual(placeCaptions(near, three.texts, three.extents).map((p) => [p.s, p.e, p.unclear]), [[0, 1, undefined], [2, 2, undefined]]);
  assert.deepEqual(placeCaptions(near, three.texts, three.extents, undefined, true).map((p) => [p.s, p.e, p.unclear]), [[0, 1, 1], [2, 2, undefined]]);
});

test('a 二级指标 caption on a row\'s top border, read as centred on two rows, is also set at the top of the lower one: the border is reported', () => {
  // Seed 8282, form 74: 质量指标 prints on line 67, on the border (line 68) between a short row
  // (text 60–63) and a tall one whose cells are centred (text from 70). Centred on both rows it
  // misses by a quarter line; set at the top of the lower row it is three lines over that row's
  // text, but only one off its border, and that is what the form holds.
  const texts = [[36, 42], [47, 55], [60, 63], [70, 74], [78, 85]].map(([top, bottom]) => ({ top: top!, bottom: bottom! }));
  const extents = [[35, 45.5], [45.5, 57.5], [57.5, 68], [68, 76], [76, 90]].map(([top, bottom]) => ({ top: top!, bottom: bottom! }));
  const captions = [caption(36), caption(67), caption(84)];
  // Kept (二级指标): the lines' reading stays, and the row at the border is in doubt.
  assert.deepEqual(placeCaptions(captions, texts, extents, undefined, true).map((p) => [p.s, p.e, p.unclear]), [[0, 1, 2], [2, 3, undefined], [4, 4, undefined]]);
  // A 一级指标 column is placed as before (its rows are bounded by the template's points).
  assert.deepEqual(placeCaptions(captions, texts, extents).map((p) => [p.s, p.e, p.unclear]), [[0, 1, undefined], [2, 3, undefined], [4, 4, undefined]]);
});

test('captions whose rows\' weights add up to their points take those rows, wherever the lines put their middles', () => {
  // Six rows of one line each; 产出 prints on line 13 (the middle of rows 0–3), 效益 on line 21.
  const { texts, extents } = rows([10, 10], [12, 12], [14, 14], [16, 16], [18, 18], [22, 22]);
  const captions = [caption(13), caption(21)];
  assert.deepEqual(placeCaptions(captions, texts, extents).map((p) => [p.s, p.e]), [[0, 3], [4, 5]]);
  // Weights of 10 each and points 30, 30: the border is after the third row.
  const weights = [10, 10, 10, 10, 10, 10];
  const sum = (s: number, e: number) => weights.slice(s, e + 1).reduce((a, b) => a + b, 0);
  const placed = placeCaptions(captions, texts, extents, (i, s, e) => sum(s, e) === [30, 30][i]);
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.byPoints]), [[0, 2, true], [3, 5, true]]);
  // Points no span adds up to: placed by the lines alone.
  assert.deepEqual(placeCaptions(captions, texts, extents, () => false).map((p) => [p.s, p.e, p.byPoints]), [[0, 3, undefined], [4, 5, undefined]]);
});

test('a caption printed again on the next page is one caption, shown once', () => {
  const on = (text: string, line: number, page: number): LayoutToken => ({ text, start: 0, end: 4, line, lineNo: line + 1, page });
  const captions = [[on('产出指标', 5, 1)], [on('效益指标', 30, 1), on('(35分)', 31, 1)], [on('效益指标', 40, 2), on('(35分)', 41, 2)], [on('效益指标', 60, 2)]];
  const shown = repeatedOnNextPage(captions);
  assert.deepEqual(captions.map((c) => c.map((t) => t.line)), [[5], [30, 31, 40, 41], [60]]);
  assert.deepEqual(shown.map((c) => c.map((t) => t.text).join('')), ['产出指标', '效益指标(35分)', '效益指标']);
});

test('二级指标 captions stay within the rows of the 一级指标 the template puts them under', () => {
  // Six rows of one line; 产出指标 over rows 0–2, 效益指标 over rows 3–5 (placed by their points).
  // 数量指标 printed on line 13, the middle of rows 0–3; 社会效益指标 on line 21, of rows 4–5.
  const { texts, extents } = rows([10, 10], [12, 12], [14, 14], [16, 16], [18, 18], [22, 22]);
  const captions = [caption(13), caption(21)];
  assert.deepEqual(placeCaptions(captions, texts, extents).map((p) => [p.s, p.e]), [[0, 3], [4, 5]]);
  const parent = [0, 0, 0, 3, 3, 3];
  const category = (k: number) => (k === 0 ? '产出指标' : '效益指标(35分)');
  const { hints } = labellingForTest();
  const nested = withinParents(parent, category, ['数量指标', '社会效益指标'], hints.nests!);
  assert.deepEqual(placeCaptions(captions, texts, extents, nested).map((p) => [p.s, p.e]), [[0, 2], [3, 5]]);
  // The templates put 数量指标 under 产出指标 and 社会效益指标 under 效益指标, not the other way.
  assert.equal(hints.nests!('数量指标', '效益指标'), false);
  assert.equal(hints.nests!('社会效益指标', '效益指标(30分)'), true);
  // Captions no template knows are not held to a 一级指标.
  assert.equal(hints.nests!('其他指标', '效益指标'), true);
});

test('a caption printed below the first line of a row is not set at the top of that row', () => {
  // Rows on lines 10–11, 13–18, 23–34. 社会效益指标 prints on line 10 (row 0's middle, or its top
  // over rows 0–1); 可持续影响指标 on lines 24–25, a line below row 2's first line: the middle of
  // rows 1–2, not the top of row 2 (a cell set at the top prints on its row's first line, or above
  // it where the row's cells are centred, never below), so row 1 is 可持续影响指标's.
  const { texts, extents } = rows([10, 11], [13, 18], [23, 34]);
  const placed = placeCaptions([caption(10, 11), caption(24, 25)], texts, extents);
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.unclear]), [[0, 0, undefined], [1, 2, undefined]]);
});

test('a caption set at the top over rows squeezed together, which is also centred on its first row alone, is in doubt (seed 4242, form 68)', () => {
  // 社会效益指标 on line 10, the one line of row 0; rows 1 and 2 (档案管理规范性 8.5, 部分任务顺延至下年度 1)
  // a line apart, pdftotext having dropped the blank lines around them; 可持续影响指标 on line 28, the
  // middle of the tall row 3's extent. The lines put rows 1–2 under 社会效益指标 (set at the top), but the
  // squeezed rows no longer measure where 可持续影响指标's rows have their middle: they may be its.
  const squeezed = rows([10, 10], [12, 13], [15, 16], [18, 36], [40, 41]);
  const captions = [caption(10), caption(28), caption(40)];
  const placed = placeCaptions(captions, squeezed.texts, squeezed.extents);
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.unclear]), [[0, 2, undefined], [3, 3, undefined], [4, 4, undefined]]);
  assert.equal(squeezedTopSet(captions[0]!, squeezed.texts, squeezed.extents, 0, 2), true);
  // Blank lines between the rows: the lines measure the rows, and the caption is set at the top of them.
  const apart = rows([10, 10], [14, 15], [19, 20], [24, 42], [46, 47]);
  const spaced = [caption(10), caption(33), caption(46)];
  assert.deepEqual(placeCaptions(spaced, apart.texts, apart.extents).map((p) => [p.s, p.e]), [[0, 2], [3, 3], [4, 4]]);
  assert.equal(squeezedTopSet(spaced[0]!, apart.texts, apart.extents, 0, 2), false);
  // A caption on the first line of a tall first row is set at the top, not centred on that row alone.
  const tall = rows([10, 16], [18, 19], [21, 22], [24, 42], [46, 47]);
  assert.equal(squeezedTopSet(caption(10), tall.texts, tall.extents, 0, 2), false);
  // The column's last caption has no next one to have lost its rows to.
  assert.equal(squeezedTopSet(caption(10), squeezed.texts.slice(0, 3), squeezed.extents.slice(0, 3), 0, 2), false);
});

test('a caption centred on a row whose text touches the row above is measured from that row\'s own lines (seed 16, form 28)', () => {
  // 生态效益指标 on line 10, the first line of row 0 (set at the top); row 1 (组织开展专项检查2次) on lines
  // 30–33, right above row 2 (经济效益 / 指标, with its cells on lines 34–40, no blank line between);
  // 经济效益指标 on lines 36–38, the middle of row 2's own lines. pdftotext dropped the blank lines
  // between rows 1 and 2, so row 2's border with row 1 lies on its first line, half way to row 3
  // below: measured between those borders the caption is as far off row 2 alone as off rows 1–2,
  // and row 1 was left blank. Its own lines put it on row 2: row 1 is 生态效益指标's.
  const texts = [{ top: 10, bottom: 22 }, { top: 30, bottom: 33 }, { top: 34, bottom: 40 }, { top: 45, bottom: 49 }];
  const extents = [{ top: 8, bottom: 29 }, { top: 29, bottom: 34 }, { top: 34, bottom: 42.5 }, { top: 42.5, bottom: 51 }];
  const placed = placeCaptions([caption(10), caption(36, 37, 38), caption(47)], texts, extents);
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.unclear]), [[0, 1, undefined], [2, 2, undefined], [3, 3, undefined]]);
});

test('captions gathered wrongly where neighbouring merged cells meet are regrouped into the templates\' captions', () => {
  const { hints } = labellingForTest();
  const fit = (text: string) => hints.caption!('subcategory', text);
  const token = (text: string, line: number): LayoutToken => ({ text, start: 0, end: text.length, line, lineNo: line + 1, page: 1 });
  const texts = (captions: LayoutToken[][]) => captions.map((c) => c.map((t) => t.text).join(''));
  // 社会效益指标 over 经济效益指 on the next line, 标 two lines down (a row's line between).
  const joined = [[token('社会效益指标', 10), token('经济效益指', 11)], [token('标', 13)]];
  regroupCaptions(joined, fit);
  assert.deepEqual(texts(joined), ['社会效益指标', '经济效益指标']);
  // Captions the templates do not know, or whose pieces make none, stay as printed.
  const own = [[token('业务指标', 10)], [token('考核', 12)]];
  regroupCaptions(own, fit);
  assert.deepEqual(texts(own), ['业务指标', '考核']);
  const far = [[token('社会效益指', 10)], [token('标', 20)]];
  regroupCaptions(far, fit);
  assert.deepEqual(texts(far), ['社会效益指', '标']);
});

test('a 二级指标 row in a tie is kept with the caption whose miss of its rows\' middle is the smaller for their height', () => {
  // Rows on lines 10–12, 15–17, 20–24 and 27. 质量 prints on line 11, the middle of row 0; 数量 on
  // line 22, two and a half lines below the middle of rows 1–2 (twelve lines tall), or on the middle
  // of row 2 alone, with 质量 then set a line below the top of rows 0–1. The lines alone favour the
  // latter by half a line, a tie; a miss counted against its rows' height (a line in eight: the
  // taller the rows, the less their borders are known) keeps row 1 with 数量.
  const { texts, extents } = rows([10, 12], [15, 17], [20, 24], [27, 27]);
  const placed = placeCaptions([caption(11), caption(22), caption(27)], texts, extents, undefined, true);
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.unclear]), [[0, 0, 1], [1, 2, undefined], [3, 3, undefined]]);
  // A 一级指标 column still leaves the row in doubt unplaced.
  assert.deepEqual(placeCaptions([caption(11), caption(22), caption(27)], texts, extents).map((p) => [p.s, p.e, p.unclear]), [[0, 0, 1], [2, 2, undefined], [3, 3, undefined]]);
});

test('a 二级指标 row in a tie goes with the caption its name speaks of, where it speaks of one of the two', () => {
  // The tie above: by the lines row 1 goes with the second caption. Its name speaks of the first
  // (带动社会投资 under 经济效益指标): it goes there, still in doubt; of both or of neither, the lines decide.
  const { texts, extents } = rows([10, 12], [15, 17], [20, 24], [27, 27]);
  const captions = [caption(11), caption(22), caption(27)];
  const place = (leans: (i: number, row: number) => boolean) => placeCaptions(captions, texts, extents, undefined, true, leans).map((p) => [p.s, p.e, p.unclear]);
  assert.deepEqual(place((i, row) => row === 1 && i === 0), [[0, 1, 1], [2, 2, undefined], [3, 3, undefined]]);
  assert.deepEqual(place((i, row) => row === 1 && i === 1), [[0, 0, 1], [1, 2, undefined], [3, 3, undefined]]);
  assert.deepEqual(place((_, row) => row === 1), [[0, 0, 1], [1, 2, undefined], [3, 3, undefined]]);
  // A row no tie puts in doubt stays where the lines put it, whatever its name.
  assert.deepEqual(place((i, row) => row === 3 && i === 1), [[0, 0, 1], [1, 2, undefined], [3, 3, undefined]]);
});

test('a 二级指标 border two rows off nearly as good is a tie too: reported, and taken where the names speak for it (seed 5656, form 32)', () => {
  // 生态效益 on lines 87–88: centred on row 0 alone, or set at the top of rows 0–2; 经济效益 on lines
  // 114–116: centred on rows 1–4, or at the top of rows 3–4. The lines put the border after row 2.
  const { texts, extents } = rows([87, 90], [95, 105], [110, 111], [114, 117], [119, 135]);
  const captions = [caption(87, 88), caption(114, 115, 116)];
  const place = (leans?: (i: number, row: number) => boolean) => placeCaptions(captions, texts, extents, undefined, true, leans).map((p) => [p.s, p.e, p.unclear]);
  assert.deepEqual(place(), [[0, 2, 1], [3, 4, undefined]]);
  // Row 2's name speaks of the second (带动社会投资, 经济效益指标): the border after row 0, still reported.
  assert.deepEqual(place((i, row) => row === 2 && i === 1), [[0, 0, 1], [1, 4, undefined]]);
  // A name speaking of the caption it is given changes nothing.
  assert.deepEqual(place((i, row) => row === 1 && i === 0), [[0, 2, 1], [3, 4, undefined]]);
});

test("the words of a 二级指标's names, as the national template gives them: a name speaks of the 二级指标 whose word it holds", () => {
  const speaksOf = labellingForTest().hints.speaksOf!;
  assert.equal(speaksOf('经济效益指标', '带动社会投资'), true);
  assert.equal(speaksOf('社会效益指标', '带动社会投资'), false);
  assert.equal(speaksOf('数量指标', '培训人次'), true);
  assert.equal(speaksOf(' 生态效益\n指标', '节能减排量'), true);
  assert.equal(speaksOf('时效指标', '细化绩效目标'), false);
  // A name that is a sentence names no kind of indicator, whatever words it holds (…资金使用规范，取得了…).
  assert.equal(speaksOf('可持续影响指标', '长效管理机制健全性'), true);
  assert.equal(speaksOf('可持续影响指标', '项目按计划实施，各项指标基本完成，资金使用规范'), false);
});

test("each caption's margin: what the best placement costs more with its first or last row elsewhere", () => {
  // Tall rows (lines 10–20, 24–34, 38–48), 产出 centred on the first two (line 22), 效益 on the third
  // (line 43): any other border sets a caption a row's height off, so the spans are forced.
  const tall = rows([10, 20], [24, 34], [38, 48]);
  const forced = placeCaptions([caption(22), caption(43)], tall.texts, tall.extents);
  assert.deepEqual(forced.map((p) => [p.s, p.e]), [[0, 1], [2, 2]]);
  assert.ok(forced.every((p) => (p.margin ?? 0) >= 8), forced.map((p) => p.margin).join(', '));
  // Short rows, 产出 between the first two and the third: its other span costs about a line more.
  const short = rows([10, 10], [12, 12], [14, 14]);
  const close = placeCaptions([caption(11), caption(14)], short.texts, short.extents);
  assert.deepEqual(close.map((p) => [p.s, p.e]), [[0, 1], [2, 2]]);
  assert.ok(close.every((p) => (p.margin ?? 0) < 8), close.map((p) => p.margin).join(', '));
});

test('a tie with a caption printed again on the next page names that caption once (the committed sample, form 28)', async () => {
  const bytes = readFileSync(new URL('../../../test/fixtures/layout-corpus/form-0028-national-2020.txt', import.meta.url));
  const ties = (await readTextForms({ file: 'form.txt', bytes: new Uint8Array(bytes) })).diagnostics.filter((d) => d.message.key === 'layout.spanTied');
  const pairs = [...new Set(ties.map((d) => String(d.message.params.what)))];
  assert.ok(pairs.includes('质量指标 / 数量指标'), pairs.join(', '));
  assert.ok(pairs.every((p) => p.split(' / ').every((c) => !/^(.+)\1$/u.test(c))), pairs.join(', '));
});
