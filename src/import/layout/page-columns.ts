/**
 * pdftotext lays out each page's columns afresh: on a page the indicator table continues on
 * without its column titles, every column may sit elsewhere — an empty 一级指标 column squeezed
 * to nothing, the names moved far left. Positions are no guide there; the columns' order is.
 * The page's columns are re-learnt from its own text: the number columns (分值 and 得分 print a
 * bare number on every row) from where their numbers cluster, and the text columns between them
 * from the left edges their wrapped lines share, taken in the titles' order.
 */
import type { Band } from './layout-grid.ts';
import type { LayoutLine } from './layout-lines.ts';

/** Columns that print a bare number on every row. */
const NUMERIC = new Set(['weight', 'score']);
/** Captions merged over rows: often empty on a continued page, so placed last. */
const GROUPED = new Set(['category', 'subcategory']);
const NUMBER = /^\d+(\.\d+)?$/u;

interface Cluster {
  /** The most common position of the cluster (a left edge, or a number's centre). */
  at: number;
  count: number;
  left: number;
  right: number;
  /** The texts starting there. */
  texts: string[];
}

/** Whether a text is a caption of a merged column (`category`, `subcategory`), or the start of one. */
export type CaptionFit = (field: string, text: string) => 'whole' | 'part' | undefined;

/** Positions within one column of each other, as clusters. */
function clusters(items: ReadonlyArray<{ at: number; left: number; right: number; text?: string }>, gap: number): Cluster[] {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const out: Array<typeof sorted> = [];
  for (const item of sorted) {
    const last = out.at(-1);
    if (last && item.at - last.at(-1)!.at <= gap) last.push(item);
    else out.push([item]);
  }
  return out.map((group) => {
    const counts = new Map<number, number>();
    for (const g of group) counts.set(g.at, (counts.get(g.at) ?? 0) + 1);
    const at = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    return { at, count: group.length, left: Math.min(...group.map((g) => g.left)), right: Math.max(...group.map((g) => g.right)), texts: group.flatMap((g) => (g.text === undefined ? [] : [g.text])) };
  });
}

/**
 * The `n` strongest clusters, left to right, or undefined when there are fewer. A tie goes to the
 * cluster further right: the captions merged over rows are the leftmost columns.
 */
function strongest(found: readonly Cluster[], n: number): Cluster[] | undefined {
  if (found.length < n) return undefined;
  return [...found].sort((a, b) => b.count - a.count || b.at - a.at).slice(0, n).sort((a, b) => a.at - b.at);
}

/**
 * The left edge of each of the titles' columns on a page of the table's body (`lines`), or
 * undefined when the page does not show every number column and every text column that is no
 * caption (then the titles' own columns are kept).
 */
function pageLefts(lines: readonly LayoutLine[], bands: readonly Band[], caption?: CaptionFit): Array<number | undefined> | undefined {
  const numericBands = bands.flatMap((b, i) => (NUMERIC.has(b.field ?? '') ? [i] : []));
  if (numericBands.length === 0) return undefined;
  const numbers = lines.flatMap((l) => l.tokens.filter((t) => NUMBER.test(t.text)).map((t) => ({ at: (t.start + t.end) / 2, left: t.start, right: t.end })));
  const numberColumns = strongest(clusters(numbers, 1.5), numericBands.length);
  if (!numberColumns) return undefined;
  const lefts: Array<number | undefined> = bands.map(() => undefined);
  numericBands.forEach((b, k) => (lefts[b] = numberColumns[k]!.left));
  // A piece keeps a single space before it (a line's indent of one): its text starts after it.
  const texts = lines.flatMap((l) =>
    l.pieces.filter((p) => !NUMBER.test(p.text.trim())).map((p) => {
      const at = p.start + p.text.length - p.text.trimStart().length;
      return { at, left: at, right: p.end, text: p.text.trim() };
    }),
  );
  // The text columns between two number columns (or an end) are found among the text starting there.
  const stops = [-1, ...numericBands, bands.length];
  for (let s = 0; s + 1 < stops.length; s++) {
    const from = stops[s]! + 1;
    const to = stops[s + 1]!;
    if (to <= from) continue;
    const low = s === 0 ? Number.NEGATIVE_INFINITY : numberColumns[s - 1]!.right;
    const high = s + 1 < stops.length - 1 ? numberColumns[s]!.left : Number.POSITIVE_INFINITY;
    const found = clusters(texts.filter((t) => t.at >= low && t.at < high), 1);
    const segment = bands.slice(from, to).map((b, k) => ({ band: from + k, grouped: GROUPED.has(b.field ?? '') }));
    const plain = segment.filter((b) => !b.grouped);
    // A segment with no text at all (备注 left blank on every row of the page) keeps slivers.
    if (found.length === 0) continue;
    const fields = segment.filter((b) => b.grouped).map((b) => bands[b.band]!.field!);
    const columns = found.filter((c) => !onlyCaptions(c, fields, caption));
    const chosen = strongest(columns.length >= plain.length ? columns : wordColumns(lines, low, high, plain.length, fields, caption) ?? found, plain.length);
    if (!chosen) return undefined;
    plain.forEach((b, k) => (lefts[b.band] = chosen[k]!.at));
    // Captions left of the first plain column take what text starts there, in order.
    const first = chosen[0]?.at ?? high;
    const captions = segment.filter((b) => b.grouped && (plain[0] === undefined || b.band < plain[0].band));
    // Names wrapped left of their column's edge start no caption column: a cluster there holds a
    // caption's word, or the rest of one (分) of 满意度指标(20 / 分)).
    const left = found.filter((c) => c.at < first && !chosen.includes(c));
    const words = left.flatMap((c) => c.texts.map((t) => t.split(' ')[0]!));
    const heads = caption === undefined ? [] : captionHeads(words, fields, caption);
    const piece = (w: string) => fields.some((f) => caption!(f, w) !== undefined || heads.some((u) => caption!(f, u + w) !== undefined));
    const holdsCaption = (c: Cluster) => caption === undefined || c.texts.some((t) => piece(t.split(' ')[0]!));
    const before = captionStarts(
      left.filter(holdsCaption).sort((a, b) => a.at - b.at),
      captions.map((b) => bands[b.band]!.field!),
      caption,
    );
    // A caption column the page leaves empty (no 一级指标 printed on it) is passed over: text that is
    // the next caption column's and none of this one's starts that column, not this.
    // A caption runs into the name beside it with a single space between (可持续影响指标 档案管理规范性): its first word is read.
    const owns = (c: Cluster, band: number) => caption !== undefined && c.texts.some((t) => [t, t.split(' ')[0]!].some((w) => caption(bands[band]!.field!, w) !== undefined));
    let k = 0;
    captions.forEach((b, i) => {
      const c = before[k];
      if (c === undefined) return;
      const next = captions[i + 1];
      if (next !== undefined && captions.length - i > before.length - k && owns(c, next.band) && !owns(c, b.band)) return;
      lefts[b.band] = c.at;
      k++;
    });
  }
  return lefts;
}

/**
 * Fewer columns start a piece than the segment has plain columns: two cells set a single space
 * apart (参与单位满意度 满意, a name and its target) print as one piece. The starts of its words
 * (the line's tokens) are then the columns, where they give enough that are no captions' pieces.
 */
function wordColumns(lines: readonly LayoutLine[], low: number, high: number, n: number, fields: readonly string[], caption?: CaptionFit): Cluster[] | undefined {
  const inText = (l: LayoutLine, t: { start: number; end: number }) => l.pieces.some((p) => t.start >= p.start && t.end <= p.end && !NUMBER.test(p.text.trim()));
  const words = lines.flatMap((l) => l.tokens.filter((t) => inText(l, t) && t.start >= low && t.start < high).map((t) => ({ at: t.start, left: t.start, right: t.end, text: t.text })));
  const columns = clusters(words, 1).filter((c) => !onlyCaptions(c, fields, caption));
  return columns.length >= n ? columns : undefined;
}

/**
 * Whether a cluster holds nothing but pieces of captions (数量指 / 标, 社会效 / 益指标, each a
 * caption's start, or the rest of one another piece there starts): on a page with many captions and
 * few rows, those pieces outnumber the names and were taken for the name column, which then took
 * the captions. Such a cluster is a caption column, never a plain one.
 */
function onlyCaptions(c: Cluster, fields: readonly string[], caption?: CaptionFit): boolean {
  if (caption === undefined || fields.length === 0) return false;
  const fits = (t: string) => fields.some((f) => caption(f, t) !== undefined);
  // A caption runs into the name beside it with a single space between: its first word is read.
  const words = c.texts.map((t) => t.split(' ')[0]!);
  const heads = captionHeads(words, fields, caption);
  // Values that only start a caption (满意 of 满意度指标) are no caption: one must be whole.
  const whole = words.some((w) => fields.some((f) => caption(f, w) === 'whole' || heads.some((u) => caption(f, u + w) === 'whole')));
  return whole && words.every((w) => fits(w) || heads.some((u) => u !== w && fits(u + w)));
}

/**
 * The words that may begin a caption another word ends (数量指 + 标): a caption's start, or a word
 * holding a bracket or a figure, which may begin the points printed after a caption (产出指标(4 + 5分)).
 * Only these are tried before another word: trying every pair of a page's names cost the reader
 * more than all its other column work.
 */
function captionHeads(words: readonly string[], fields: readonly string[], caption: CaptionFit): string[] {
  return [...new Set(words)].filter((u) => /[(（\d]/u.test(u) || fields.some((f) => caption(f, u) !== undefined));
}

/**
 * The clusters left of the first plain column, without those that hold only the last lines of
 * captions wrapped in their merged cells, right of where those captions start (服务对象满意 /
 * 度指标, the short last line centred two columns right of the first): such a cluster starts no
 * caption column, and counted as one it made the page seem to print both caption columns, so
 * that a 二级指标 caption took the 一级指标 column.
 */
function captionStarts(before: readonly Cluster[], fields: readonly string[], caption?: CaptionFit): Cluster[] {
  if (caption === undefined) return [...before];
  const fits = (t: string) => fields.some((f) => caption(f, t) !== undefined);
  const tail = (c: Cluster) => c.texts.every((t) => !fits(t) && before.some((o) => o.at < c.at && o.texts.some((u) => fields.some((f) => caption(f, u + t) === 'whole'))));
  return before.filter((c) => !tail(c));
}

/**
 * The bands of the titles' columns as they stand on one page of the body, or undefined to keep
 * the titles' bands. Columns the page leaves empty get a sliver next to their neighbours, so
 * that order alone decides.
 */
export function pageBands(lines: readonly LayoutLine[], bands: readonly Band[], caption?: CaptionFit): Band[] | undefined {
  const printed = lines.filter((l) => l.tokens.length > 0);
  const found = pageLefts(printed, bands, caption);
  if (!found) return undefined;
  const lefts = [...found];
  // Known lefts must rise left to right, or the page was not read as the titles' columns.
  const known = lefts.filter((x): x is number => x !== undefined);
  if (known.some((x, i) => i > 0 && x <= known[i - 1]!)) return undefined;
  // Empty last columns (备注 blank on every row of the page) sit past all the page's text: set at
  // the last known left, they took the last number column's figures (得分 11.5 read as 备注).
  const end = Math.max(...printed.flatMap((l) => l.tokens.map((t) => t.end)));
  for (let i = lefts.length - 1; i >= 0; i--) if (lefts[i] === undefined) lefts[i] = (lefts[i + 1] ?? Math.max(end, known.at(-1)!) + 2) - 1;
  for (let i = 1; i < lefts.length; i++) if (lefts[i]! <= lefts[i - 1]!) lefts[i] = lefts[i - 1]! + 0.5;
  return bands.map((band, i) => {
    const left = lefts[i]! - 0.5;
    const right = i + 1 < lefts.length ? lefts[i + 1]! - 0.5 : Number.POSITIVE_INFINITY;
    const centre = Number.isFinite(right) ? (left + right) / 2 : left + 4;
    return { ...band, left, right, centre, start: left };
  });
}
