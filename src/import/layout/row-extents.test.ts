import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extent, placeCaptions, type LayoutCell } from './layout-grid.ts';
import { MOST_BLANK_LINES, rowExtents, unbrokenLines } from './row-extents.ts';
import { readIndicatorField } from './layout-excerpt.testing.ts';
import type { LayoutToken } from './layout-lines.ts';

/** A caption printed on the given lines. */
const caption = (...lines: number[]): LayoutToken[] => lines.map((line) => ({ text: '指标', start: 0, end: 2, line, lineNo: line + 1, page: 1 }));

// Four rows of an indicator table (lines as printed): a row with its remark at the top and its
// target centred on lines 88–90; a short row on 93–94; a row whose weight is set at the top (96)
// and its remark centred on 101–107; a short row on 112–113.
const texts = [
  { top: 86, bottom: 90 },
  { top: 93, bottom: 94 },
  { top: 96, bottom: 107 },
  { top: 112, bottom: 113 },
];
const cells = [
  [{ top: 86, bottom: 86 }, { top: 88, bottom: 90 }, { top: 89, bottom: 89 }],
  [{ top: 93, bottom: 93 }, { top: 94, bottom: 94 }],
  [{ top: 96, bottom: 96 }, { top: 101, bottom: 107 }, { top: 104, bottom: 104 }],
  [{ top: 112, bottom: 112 }, { top: 113, bottom: 113 }],
];

test('a row reaches as far below its cells\' middle as it begins above it', () => {
  const extents = rowExtents(texts, cells, 84, 115);
  // The third row is centred on line 104 and begins at 96: it ends at 112, not half way (109.5)
  // between its last line and the next row's first.
  assert.deepEqual(extents[2], { top: 95.5, bottom: 112, topSetFrom: 96 });
  // Rows meet within the lines between their texts, never inside one.
  extents.forEach((e, k) => assert.ok(e.top <= texts[k]!.top && e.bottom >= texts[k]!.bottom));
  extents.slice(1).forEach((e, k) => assert.equal(e.top, extents[k]!.bottom));
});

test('a caption centred on a short row and a tall one below it takes both', () => {
  // 社会效益指标 printed on line 86, at the top of the first row; 可持续影响指标 on 101–102, the
  // middle of the second and third rows together. Half way between the texts, the third row alone
  // would have its middle as near (and the second row went to either caption: left blank).
  const halfWay = texts.map((t, i) => ({ top: (t.top + (texts[i - 1]?.bottom ?? 84)) / 2, bottom: (t.bottom + (texts[i + 1]?.top ?? 115)) / 2 }));
  const captions = [caption(86), caption(101, 102), caption(112)];
  assert.equal(placeCaptions(captions, texts, halfWay)[0]!.unclear, 1);
  const placed = placeCaptions(captions, texts, rowExtents(texts, cells, 84, 115));
  assert.deepEqual(placed.map((p) => [p.s, p.e, p.unclear]), [[0, 0, undefined], [1, 2, undefined], [3, 3, undefined]]);
});

test('a row\'s text leaves out a caption placed over it and the rows below (the 一级指标\'s, centred over them)', () => {
  const token = (line: number, start: number, text: string): LayoutToken => ({ text, start, end: start + 4, line, lineNo: line + 1, page: 1 });
  const cell = (rowSpan: number, ...tokens: LayoutToken[]): LayoutCell => ({ tokens, start: tokens[0]!.start, end: tokens[0]!.end, col: 0, colSpan: 1, row: 0, rowSpan });
  // Row 0's cells on lines 10–12; 产出指标 placed in it, spanning five rows, printed on line 30.
  const cells = [cell(1, token(10, 20, '问题整改率')), cell(1, token(11, 40, '≥90%'), token(12, 40, '以上')), cell(5, token(30, 0, '产出指标'))];
  const row = { anchor: 10, lines: [], top: 10, bottom: 30, tokens: cells.flatMap((c) => c.tokens) };
  assert.deepEqual(extent(cells, row), { top: 10, bottom: 12 });
});

// The foot of page 2 and the top of page 3 (seed 16, form 10): 长效管理机制健全性 on lines 115–118
// under 可持续影响指标 (115–116); 工作响应及时性, its remark set at the top over 120–128 and its name
// centred on 130, the page's last row; 群众知晓率 on page 3 (133–134). 社会效益指标, the merged cell
// over the last two, is centred on both together and printed on page 2, at 132, below the tall row's text.
const pageFoot = {
  texts: [
    { top: 115, bottom: 118 },
    { top: 120, bottom: 130 },
    { top: 133, bottom: 134 },
  ],
  cells: [
    [{ top: 115, bottom: 115 }, { top: 116, bottom: 118 }],
    [{ top: 120, bottom: 128 }, { top: 130, bottom: 130 }],
    [{ top: 133, bottom: 133 }, { top: 134, bottom: 134 }],
  ],
  pages: { pageOf: (line: number) => (line < 133 ? 2 : 3), firstLine: (page: number) => (page === 3 ? 133 : 0) },
};

test('lines after a page break move down by the blank foot of the page\'s last row', () => {
  const unbroken = unbrokenLines(pageFoot.texts, pageFoot.cells, pageFoot.pages);
  // 工作响应及时性 is centred on 130 and begins at 120: it reaches to 140, where page 3 begins.
  assert.deepEqual([115, 130, 132, 133, 134].map(unbroken), [115, 130, 132, 140, 141]);
  // A page that begins further down than the row above reached keeps its lines.
  const late = { ...pageFoot.pages, firstLine: () => 145 };
  assert.equal(unbrokenLines(pageFoot.texts, pageFoot.cells, late)(133), 133);
});

test('a caption of a merged cell cut by a page break is placed on the rows of both pages', () => {
  const captions = (unbroken: (line: number) => number) => [caption(115, 116), caption(132)].map((c) => c.map((t) => ({ ...t, line: unbroken(t.line) })));
  const place = (unbroken: (line: number) => number) => {
    const texts = pageFoot.texts.map((s) => ({ top: unbroken(s.top), bottom: unbroken(s.bottom) }));
    const cells = pageFoot.cells.map((row) => row.map((s) => ({ top: unbroken(s.top), bottom: unbroken(s.bottom) })));
    return placeCaptions(captions(unbroken), texts, rowExtents(texts, cells, 113, unbroken(136)), undefined, true).map((p) => [p.s, p.e]);
  };
  // Counted as printed, 社会效益指标 seems nearer the short row alone, 可持续影响指标 set at the top of two.
  assert.deepEqual(place((line) => line), [[0, 1], [2, 2]]);
  assert.deepEqual(place(unbrokenLines(pageFoot.texts, pageFoot.cells, pageFoot.pages)), [[0, 0], [1, 2]]);
});

test('a 二级指标 cut by a page break is read over its rows on both pages (seed 16, form 10)', async () => {
  // 社会效益指标 over 工作响应及时性 (page 2's last row) and 群众知晓率 (page 3's first), printed at
  // page 2's foot below the first's text: read as counted, 工作响应及时性 went to 可持续影响指标 above.
  const { read, expected } = await readIndicatorField('seed-16-form-0010-national-2020', (i) => i.subcategory);
  assert.deepEqual(read, expected);
});

// Rows of one page (seed 16, form 86): 验收合格率 centred on 51 (42–55); 受疫情影响部分活动取消 on 62;
// 培训人次, its rule set at the top on 64–71 and its name centred on 73; 带动社会投资 on 78–79.
const onePage = {
  texts: [
    { top: 42, bottom: 55 },
    { top: 62, bottom: 62 },
    { top: 64, bottom: 73 },
    { top: 78, bottom: 79 },
  ],
  cells: [
    [{ top: 47, bottom: 55 }, { top: 51, bottom: 51 }],
    [{ top: 62, bottom: 62 }],
    [{ top: 64, bottom: 71 }, { top: 73, bottom: 73 }],
    [{ top: 78, bottom: 78 }, { top: 79, bottom: 79 }],
  ],
  pages: { pageOf: () => 1, firstLine: () => 0 },
};

test('lines after pdftotext\'s most blank lines move down by what the row above them lost', () => {
  // 培训人次 begins at 64 and is centred on 73: it reaches to 82, past the four blank lines under it.
  const unbroken = unbrokenLines(onePage.texts, onePage.cells, onePage.pages);
  assert.deepEqual([51, 62, 73, 77, 78, 79].map(unbroken), [51, 62, 73, 77, 82, 83]);
  // Fewer blank lines than pdftotext's most are all there are: nothing moves.
  const closer = onePage.texts.map((t, k) => (k === 3 ? { top: 73 + MOST_BLANK_LINES, bottom: 79 } : t));
  assert.equal(unbrokenLines(closer, onePage.cells, onePage.pages)(77), 77);
});

test('a 二级指标 over a short row and a tall one cut short by pdftotext is placed on both (seed 16, form 86)', async () => {
  // 质量指标 printed on 51, 数量指标 on 71, 经济效益指标 on 79 (one row each but the second, over two).
  const place = (unbroken: (line: number) => number) => {
    const moved = (s: { top: number; bottom: number }) => ({ top: unbroken(s.top), bottom: unbroken(s.bottom) });
    const texts = onePage.texts.map(moved);
    const captions = [caption(51), caption(71), caption(79)].map((c) => c.map((t) => ({ ...t, line: unbroken(t.line) })));
    return placeCaptions(captions, texts, rowExtents(texts, onePage.cells.map((row) => row.map(moved)), 40, unbroken(81)), undefined, true).map((p) => [p.s, p.e]);
  };
  // Counted as printed, the two spans tie and the short row goes to 质量指标 above.
  assert.deepEqual(place((line) => line), [[0, 1], [2, 2], [3, 3]]);
  assert.deepEqual(place(unbrokenLines(onePage.texts, onePage.cells, onePage.pages)), [[0, 0], [1, 2], [3, 3]]);
  const { read, expected } = await readIndicatorField('seed-16-form-0086-national-2020', (i) => i.subcategory);
  assert.deepEqual(read, expected);
});

// Rows of seed 15's form 28 (the committed sample), as the lines print: 完成第3 with its weight set
// at the top (174) and its actual centred (176–178); three rows under 社会效益指标, the first all
// centred (183–185), the next two with a cell set at the top (188, 194) and others centred below it;
// 受疫情影响… all centred (203–205); 节能减排量 set at the top (209).
const centredRows = {
  texts: [
    { top: 174, bottom: 178 },
    { top: 183, bottom: 185 },
    { top: 188, bottom: 191 },
    { top: 194, bottom: 197 },
    { top: 203, bottom: 205 },
    { top: 209, bottom: 212 },
  ],
  cells: [
    [{ top: 174, bottom: 175 }, { top: 176, bottom: 178 }, { top: 177, bottom: 177 }],
    [{ top: 183, bottom: 185 }, { top: 184, bottom: 184 }],
    [{ top: 188, bottom: 188 }, { top: 189, bottom: 191 }, { top: 190, bottom: 190 }],
    [{ top: 194, bottom: 194 }, { top: 195, bottom: 197 }, { top: 196, bottom: 196 }],
    [{ top: 203, bottom: 205 }, { top: 204, bottom: 204 }],
    [{ top: 209, bottom: 209 }, { top: 212, bottom: 212 }],
  ],
};

test('a row whose cells are all centred begins where the row above it ends, and is as tall below their middle as above', () => {
  const extents = rowExtents(centredRows.texts, centredRows.cells, 172, 215);
  // 完成第3 shows its top a line over 174, where its weight prints, and is centred on 177: it ends
  // at 181, where 落实… begins, not half way (181.5) to that row's text or at its own (178); 落实…,
  // centred on 184, ends at 187, a line over where 工作响应及时性 shows its top.
  assert.deepEqual(extents.slice(0, 3).map((e) => [e.top, e.bottom]), [[173, 181], [181, 187], [187, 193]]);
  // 受疫情影响… begins where the row above ends (199, as far below 196 as 193 is above it) and ends
  // half way between its own foot so measured (209) and the top 节能减排量 shows (208).
  assert.deepEqual([extents[4]!.top, extents[4]!.bottom], [199, 208.5]);
  // A cell set at the top of a row that shows its top prints on its first line; of one all centred,
  // anywhere from its top border down.
  assert.deepEqual(extents.map((e) => e.topSetFrom), [174, 181, 188, 194, 199, 209]);
});

test('a row under a page break is not measured from the page before, and nothing of it prints there', () => {
  const broken = centredRows.texts.map((_, k) => k === 3);
  const extents = rowExtents(centredRows.texts, centredRows.cells, 172, 215, broken);
  // Half way between 工作响应及时性's foot by its own cells (198) and the text of 受疫情影响… on the next page.
  assert.equal(extents[4]!.top, 200.5);
  assert.equal(extents[4]!.topSetFrom, 203);
  // Below it, its foot is the top 节能减排量 shows.
  assert.equal(extents[4]!.bottom, 208);
});

test('a border the rows would put inside a row\'s text is drawn at that text, and no row is measured from it', () => {
  // 服务覆盖人数 (seed 1111, form 96): its weight set at the top on 148 and its remark centred on 157
  // (153–161) put its foot at 167, inside the text of 新增服务点位 below (166–168, all centred); that
  // row is then measured half way to 完成第3批次 (175–185, all centred), not from the border at 166.
  const texts = [{ top: 148, bottom: 161 }, { top: 166, bottom: 168 }, { top: 175, bottom: 185 }];
  const cells = [[{ top: 148, bottom: 148 }, { top: 153, bottom: 161 }], [{ top: 166, bottom: 168 }], [{ top: 175, bottom: 185 }, { top: 180, bottom: 180 }]];
  const extents = rowExtents(texts, cells, 146, 190);
  assert.deepEqual(extents.map((e) => [e.top, e.bottom]), [[147, 166], [166, 171.5], [171.5, 187.5]]);
});

test('a caption set at the top of a row all centred, above its text, takes that row alone (seed 15, form 28)', () => {
  // 经济效益指标 centred on 177, 社会效益指标 on 190, 可持续影响指标 set at the top of 受疫情影响…
  // on 200–202, three lines over its text; 生态效益指标 on 209–210. Measured half way between the
  // texts, 社会效益指标 over two rows and 可持续影响指标 centred on two cost as much.
  const captions = [caption(176, 177, 178), caption(189, 190, 191), caption(200, 201, 202), caption(209, 210)];
  const placed = placeCaptions(captions, centredRows.texts, rowExtents(centredRows.texts, centredRows.cells, 172, 215), undefined, true);
  assert.deepEqual(placed.map((p) => [p.s, p.e]), [[0, 0], [1, 3], [4, 4], [5, 5]]);
});

test('rows are measured from a border a row shows, not from one measured so in turn (seed 1357, form 68)', () => {
  // 部分任务 (115–119) and 项目总成本 (124) all centred over 经济效益指标's first row, which shows its
  // top (126). 项目总成本's top is measured from that border; 部分任务's is not measured from
  // 项目总成本's top in turn (a line off at each step, doubled), but half way between the texts.
  const texts = [{ top: 98, bottom: 110 }, { top: 115, bottom: 119 }, { top: 124, bottom: 124 }, { top: 126, bottom: 129 }];
  const cells = [[{ top: 98, bottom: 110 }, { top: 104, bottom: 104 }], [{ top: 115, bottom: 119 }, { top: 117, bottom: 117 }], [{ top: 124, bottom: 124 }], [{ top: 126, bottom: 126 }, { top: 128, bottom: 129 }]];
  const extents = rowExtents(texts, cells, 96, 131);
  assert.deepEqual(extents.map((e) => [e.top, e.bottom]), [[97, 112.5], [112.5, 123], [123, 125], [125, 131]]);
});

test('a caption over a row all centred, three lines above its text, is centred on that row and the one above rather than set at its top (seed 2468, form 152)', () => {
  // 生态效益指标 set at the top of 节能减排量 (81, its score and remark set there too); 经济效益指标 on
  // 93, between 围绕年度重点工作… (89–91) and 带动社会投资 (96–98), both all centred; 满意度 on 100–101.
  const texts = [{ top: 81, bottom: 84 }, { top: 89, bottom: 91 }, { top: 96, bottom: 98 }, { top: 100, bottom: 118 }];
  const cells = [[{ top: 81, bottom: 81 }, { top: 81, bottom: 83 }, { top: 84, bottom: 84 }], [{ top: 89, bottom: 91 }, { top: 90, bottom: 90 }], [{ top: 96, bottom: 98 }, { top: 97, bottom: 97 }], [{ top: 100, bottom: 100 }, { top: 108, bottom: 118 }, { top: 113, bottom: 113 }]];
  const captions = [caption(81), caption(93), caption(100, 101)];
  const placed = placeCaptions(captions, texts, rowExtents(texts, cells, 79, 120), undefined, true);
  assert.deepEqual(placed.map((p) => [p.s, p.e]), [[0, 0], [1, 2], [3, 3]]);
});
