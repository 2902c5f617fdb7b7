/**
 * A row's pieces into its cells. The weight and score are fixed; text before the weight holds the
 * name and target cells (national: also 实际完成值), and where the extractor put them on several
 * lines the only clues are the blank-separated chunks and the width of the name column:
 * - a name wrapped over lines fills the name column on its first line and is printed as a chunk
 *   of its own, with the target after it;
 * - otherwise the chunk's first line is the whole name and the lines under it are the target.
 * Leading block captions (产出指标, 数量指标) in the first cell are read as the row's category.
 */
import type { LabelCatalog } from './form-labels.ts';
import type { Piece, PrintedNumber, RawRow } from './indicator-rows.ts';
import { matchKey } from '../../core/targets/normalize.ts';
import { displayWidth } from './text-lines.ts';
import { printedColumns } from '../../core/templates/template.ts';

export interface Cell {
  text: string;
  line: number;
}

export interface IndicatorCells {
  /** Printed next to the row, not inferred. */
  category: Cell | null;
  subcategory: Cell | null;
  /** Text cells by indicator field: name, target, actual, rule, remark. */
  cells: Map<string, Cell>;
  weight: PrintedNumber | null;
  score: PrintedNumber | null;
}

/** The template's text columns around the two numbers. */
export interface ColumnLayout {
  readonly before: readonly string[];
  readonly between: readonly string[];
  readonly after: readonly string[];
}

/** Per catalog, built once: every form of a template has the same columns. */
const layouts = new WeakMap<LabelCatalog, ColumnLayout>();

export function columnLayout(catalog: LabelCatalog): ColumnLayout {
  let layout = layouts.get(catalog);
  if (layout === undefined) layouts.set(catalog, (layout = buildLayout(catalog)));
  return layout;
}

function buildLayout(catalog: LabelCatalog): ColumnLayout {
  const fields = printedColumns(catalog.template).map((c) => c.field).filter((f) => f !== 'category' && f !== 'subcategory');
  const w = fields.indexOf('weight');
  const s = fields.indexOf('score');
  return { before: fields.slice(0, w), between: fields.slice(w + 1, s), after: fields.slice(s + 1) };
}

/** Width of the name column: the widest first word a row starts with. */
export function nameColumnWidth(rows: readonly RawRow[], catalog: LabelCatalog): number {
  return Math.max(0, ...rows.map((r) => stripCaptions(r.before, catalog).pieces[0]?.words[0]).map((w) => (w ? displayWidth(w) : 0)));
}

export function readCells(row: RawRow, layout: ColumnLayout, catalog: LabelCatalog, nameWidth: number): IndicatorCells {
  const { pieces, category, subcategory } = stripCaptions(row.before, catalog);
  const cells = new Map<string, Cell>();
  const before = [...pieces];
  // Columns after the target (实际完成值) take the last word or line.
  for (const field of [...layout.before.slice(2)].reverse()) setCell(cells, field, takeLast(before));
  const [nameField = 'name', targetField = 'target'] = layout.before;
  const { name, target } = splitNameTarget(before, nameWidth);
  setCell(cells, nameField, name);
  setCell(cells, targetField, target);
  if (layout.between[0]) setCell(cells, layout.between[0], joinPieces(row.between));
  if (layout.after[0]) setCell(cells, layout.after[0], joinPieces(row.after));
  return { category, subcategory, cells, weight: row.weight, score: row.score };
}

function setCell(cells: Map<string, Cell>, field: string, cell: Cell | null): void {
  if (cell) cells.set(field, cell);
}

/** The last word of the last piece, or the whole piece where it is one word. */
function takeLast(pieces: Piece[]): Cell | null {
  const last = pieces.at(-1);
  if (!last) return null;
  if (last.words.length < 2) {
    pieces.pop();
    return { text: last.text, line: last.line };
  }
  const word = last.words.at(-1)!;
  pieces[pieces.length - 1] = { ...last, words: last.words.slice(0, -1), text: last.words.slice(0, -1).join(' ') };
  return { text: word, line: last.line };
}

function splitNameTarget(pieces: readonly Piece[], nameWidth: number): { name: Cell | null; target: Cell | null } {
  const lines = pieces.filter((p) => !p.withWeight);
  const onWeightLine = pieces.filter((p) => p.withWeight);
  const first = lines[0] ?? onWeightLine[0];
  if (!first) return { name: null, target: null };
  if (lines.length === 0 || (lines.length === 1 && onWeightLine.length === 0)) return splitWords(first);
  const chunk = lines.filter((p) => p.chunk === first.chunk);
  const rest = [...lines.filter((p) => p.chunk !== first.chunk), ...onWeightLine];
  if (first.words.length > 1) {
    // "合规检查成本 不得突破经询价…" then "金额": the name, then a target wrapped below it.
    const { name, target } = splitWords(first);
    return { name, target: joinPieces([{ ...first, text: target!.text }, ...chunk.slice(1), ...rest]) };
  }
  const wrappedName = chunk.length > 1 && rest.length > 0 && displayWidth(first.text) >= nameWidth - 2;
  return wrappedName
    ? { name: joinPieces(chunk), target: joinPieces(rest) }
    : { name: { text: first.text, line: first.line }, target: joinPieces([...chunk.slice(1), ...rest]) };
}

/** "name target" on one line: the last word is the target. */
function splitWords(piece: Piece): { name: Cell; target: Cell | null } {
  if (piece.words.length < 2) return { name: { text: piece.text, line: piece.line }, target: null };
  const cut = piece.text.lastIndexOf(piece.words.at(-1)!);
  return { name: { text: piece.text.slice(0, cut).trim(), line: piece.line }, target: { text: piece.words.at(-1)!, line: piece.line } };
}

/** A cell wrapped over lines, joined; Latin words keep a space between them. */
export function joinPieces(pieces: readonly Piece[]): Cell | null {
  if (pieces.length === 0) return null;
  let text = '';
  for (const p of pieces) text += (/[A-Za-z]$/u.test(text) && /^[A-Za-z]/u.test(p.text) ? ' ' : '') + p.text;
  return { text, line: pieces[0]!.line };
}

/** 产出指标 (45分) 数量指标 printed before the name: the row's category and subcategory. */
function stripCaptions(pieces: readonly Piece[], catalog: LabelCatalog): { pieces: Piece[]; category: Cell | null; subcategory: Cell | null } {
  const first = pieces[0];
  let category: Cell | null = null;
  let subcategory: Cell | null = null;
  if (!first) return { pieces: [], category, subcategory };
  const words = [...first.words];
  const categoryKey = catalog.categories.get(matchKey(words[0] ?? ''));
  if (categoryKey) {
    category = { text: categoryKey, line: first.line };
    words.shift();
    if (words[0] && catalog.captionPoints?.test(matchKey(words[0]))) words.shift();
  }
  const sub = catalog.subcategories.get(matchKey(words[0] ?? ''));
  if (sub) {
    subcategory = { text: sub[1], line: first.line };
    if (!category) category = { text: sub[0], line: first.line };
    words.shift();
  }
  if (words.length === first.words.length) return { pieces: [...pieces], category, subcategory };
  const rest = words.length > 0 ? [{ ...first, words, text: words.join(' ') }] : [];
  return { pieces: [...rest, ...pieces.slice(1)], category, subcategory };
}
