/** Running headers and footers (page numbers) are left out of every page; text of the form is not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Rule } from './page-geometry.ts';
import { withoutPageFurniture, type PageTexts } from './page-furniture.ts';
import type { PlacedText } from './ruling-grid.ts';

const text = (s: string, x: number, y: number, size = 10): PlacedText => ({ text: s, x, y, width: s.length * size, size });
/** A table from y 700 down to 100. */
const TABLE: Rule[] = [
  { orientation: 'horizontal', at: 700, from: 50, to: 550 },
  { orientation: 'horizontal', at: 100, from: 50, to: 550 },
];

function page(number: number, ...texts: PlacedText[]): PageTexts {
  return { number, rules: TABLE, texts };
}

test('a footer that prints each page its number is left out of every page, and named once', () => {
  const pages = [1, 2, 3].map((n) => page(n, text('产出指标', 60, 400), text(`第 ${n} 页，共 3 页`, 260, 40), text('合计', 60, 120)));
  const { pages: kept, leftOut } = withoutPageFurniture(pages);
  assert.deepEqual(kept.map((p) => p.texts.map((t) => t.text)), [['产出指标', '合计'], ['产出指标', '合计'], ['产出指标', '合计']]);
  assert.deepEqual(leftOut, ['第#页，共#页']);
});

test('pieces of one footer line and a header of the form - 2 - are furniture too', () => {
  const pages = [1, 2].map((n) => page(n, text('-', 280, 800), text(String(n), 292, 800), text('-', 304, 800), text('Page', 250, 30), text(`${n}`, 300, 30)));
  const { pages: kept, leftOut } = withoutPageFurniture(pages);
  assert.deepEqual(kept.map((p) => p.texts.length), [0, 0]);
  assert.deepEqual(new Set(leftOut), new Set(['-#-', 'Page#']));
});

test('what only looks like a page number stays: a year above each form, a number on one page only, a row of the table', () => {
  const pages = [
    page(1, text('（2020年度）', 200, 740), text('第 1 页', 260, 40), text('数量指标 1', 60, 300)),
    page(2, text('（2020年度）', 200, 740), text('数量指标 2', 60, 300)),
  ];
  const { pages: kept, leftOut } = withoutPageFurniture(pages);
  assert.deepEqual(kept.map((p) => p.texts.map((t) => t.text)), [['（2020年度）', '第 1 页', '数量指标 1'], ['（2020年度）', '数量指标 2']]);
  assert.deepEqual(leftOut, []);
});

test('footers at a different height on each page are not taken for one another', () => {
  const pages = [page(1, text('第 1 页', 260, 40)), page(2, text('第 2 页', 260, 60))];
  assert.deepEqual(withoutPageFurniture(pages).leftOut, []);
});
