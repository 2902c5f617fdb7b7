/**
 * Block captions printed on rows of their own inside the indicator table: what a merged 一级指标 /
 * 二级指标 cell leaves outside the table's rules when a page break cuts it (the PDF prints its text
 * again, outside any bordered cell, one row per printed line). The caption may wrap anywhere —
 * `服务对象满意` / `度指标`, `满意度指` / `标`, `效益指标` / `(35分)` — and the 一级 and 二级 lines
 * may interleave; the pieces are joined per column before the caption is matched, and such rows
 * are never indicators.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import type { FormDraft } from './form-draft.ts';
import type { FormRegion, PlacedCell } from './form-region.ts';
import { reportInferredCategory } from './infer-categories.ts';
import { labelKey } from '../labels/label-key.ts';

export type GroupingField = 'category' | 'subcategory';

/** A caption read from rows of its own: what it prints per grouping column, and where. */
export interface BlockCaption {
  printed: Record<GroupingField, string>;
  cell: PlacedCell;
  /** How many rows it was printed over. */
  rows: number;
}

/** The grouping columns of the table (一级指标 and, where the template has it, 二级指标). */
export function groupingColumns(columns: ReadonlyMap<string, number>): Map<number, GroupingField> {
  const grouping = new Map<number, GroupingField>();
  for (const field of ['category', 'subcategory'] as const) {
    const col = columns.get(field);
    if (col !== undefined && !grouping.has(col)) grouping.set(col, field);
  }
  return grouping;
}

const hasText = (cell: PlacedCell): boolean => labelKey(cell.text) !== '';

/**
 * Whether a row holds nothing but pieces of a caption: single printed lines starting in the grouping
 * columns, no cell of the row elsewhere; or one caption the template knows, wherever it starts.
 */
function isCaptionRow(cells: readonly PlacedCell[], grouping: ReadonlyMap<number, GroupingField>, known: (text: string) => boolean): boolean {
  const texts = cells.filter(hasText);
  if (texts.length === 0) return false;
  if (cells.every((c) => grouping.has(c.col) && c.rowSpan === 1)) return true;
  return new Set(texts.map((c) => labelKey(c.text))).size === 1 && known(texts[0]!.text);
}

export interface CaptionReading {
  grouping: ReadonlyMap<number, GroupingField>;
  /** The template's category a caption names (`效益指标(35分)` → effect). */
  categoryOf: (text: string) => string | undefined;
  /** Rows that end the table or are labels (合计, 自评时间 …): never caption pieces. */
  isLabelRow: (cells: readonly PlacedCell[]) => boolean;
}

/**
 * The caption printed over the rows from `rows[at]` on, or undefined when that row is no caption
 * row. A caption printed twice in a row (at the foot of a page and the head of the next) is once.
 */
export function captionAt(region: FormRegion, rows: readonly number[], at: number, reading: CaptionReading): BlockCaption | undefined {
  const { grouping, categoryOf, isLabelRow } = reading;
  const known = (text: string) => categoryOf(text) !== undefined;
  const isPiece = (cells: readonly PlacedCell[]) => !isLabelRow(cells) && isCaptionRow(cells, grouping, known);
  const pieces: PlacedCell[] = [];
  let count = 0;
  // A caption's lines are on one page: one printed again at the head of the next is a caption of its own.
  const samePage = (cells: readonly PlacedCell[]) => pieces.length === 0 || cells.every((c) => c.source === pieces[0]!.source);
  while (at + count < rows.length && isPiece(region.startingIn(rows[at + count]!)) && samePage(region.startingIn(rows[at + count]!))) {
    pieces.push(...region.startingIn(rows[at + count]!).filter(hasText));
    count++;
  }
  return count === 0 ? undefined : captionOf(pieces, grouping, count);
}

/** The pieces' texts joined per grouping column, in order. */
export function captionOf(pieces: readonly PlacedCell[], grouping: ReadonlyMap<number, GroupingField>, rows: number): BlockCaption {
  const printed = { category: '', subcategory: '' };
  for (const piece of pieces) printed[grouping.get(piece.col) ?? 'category'] += piece.text.trim();
  return { printed: { category: once(printed.category), subcategory: once(printed.subcategory) }, cell: pieces[0]!, rows };
}

/**
 * Pieces of a caption printed over an indicator's row: a line in a grouping column that runs over
 * cells of the row starting to its right (it lies outside any cell). Never the row's own text.
 */
export function captionPieces(cells: readonly PlacedCell[], grouping: ReadonlyMap<number, GroupingField>): PlacedCell[] {
  return cells.filter(
    (c) => grouping.has(c.col) && c.rowSpan === 1 && hasText(c) && cells.some((other) => other.col > c.col && other.col < c.col + c.colSpan),
  );
}

/** `数量指标数量指标` → `数量指标`: a text made of one text repeated, once. */
export function once(text: string): string {
  const chars = [...text];
  for (let period = 1; period <= chars.length / 2; period++) {
    if (chars.length % period !== 0) continue;
    const unit = chars.slice(0, period).join('');
    if (unit.repeat(chars.length / period) === text) return unit;
  }
  return text;
}

/** The template's words for a caption: its category key, and its 二级指标 as the template spells it. */
export interface CaptionWords {
  category: (text: string) => string | undefined;
  subcategory: (text: string) => string | undefined;
  /** The category a template's 二级指标 belongs to. */
  parentOf: (subcategory: string) => string | undefined;
  /** Whether the template lists its 二级指标 (so that another is worth saying). */
  listsSubcategories: boolean;
  /** Whether an indicator of this weight still fits the points of this category's block. */
  fits: (category: string, weight: number) => boolean;
  /** Whether the weights of this category's block add up to its points. */
  fills: (category: string) => boolean;
}

interface Applied {
  caption: BlockCaption;
  values: Partial<Record<GroupingField, string>>;
  /** The indicators each field was given to. */
  given: Record<GroupingField, number[]>;
}

type ByField = Partial<Record<GroupingField, Applied>>;

/**
 * Gives the indicators printed without their own 一级/二级指标 those of the captions around them:
 * a caption applies to such indicators just before it, and to those after it while its block has
 * room for their weight. A caption a page break split (`满意度指` … `标(20分)`, `服务对象满意度` …
 * `指标`) is read whole when its pieces only make the template's label together. A 一级指标 and a
 * 二级指标 caption each run on their own, as long as they belong together.
 */
export class CaptionTrack {
  /** Per field, the last caption that printed it, and the one that still applies. */
  private readonly last: ByField = {};
  private readonly current: ByField = {};
  private readonly unknown = new Set<Applied>();
  /** Indicators the running 一级指标 caption was given to after it was printed. */
  private ranOn: number[] = [];
  /** Those of them a caption of another 一级指标 followed: where one block ends among them is open. */
  private readonly between: number[] = [];

  constructor(private readonly draft: FormDraft, private readonly words: CaptionWords) {}

  found(caption: BlockCaption): void {
    const applied: Applied = { caption, values: {}, given: { category: [], subcategory: [] } };
    for (const field of FIELDS) {
      const text = caption.printed[field];
      if (text === '') continue;
      const value = this.words[field](text) ?? this.continued(field, text);
      applied.values[field] = value ?? (field === 'subcategory' ? text : undefined);
      if (value === undefined) this.unknown.add(applied);
    }
    const category = applied.values.category;
    if (category !== undefined) {
      if (this.ranOn.some((i) => this.draft.indicators[i]!.category !== category)) this.between.push(...this.ranOn);
      this.ranOn = [];
    }
    this.endUnrelated(applied.values);
    for (const field of FIELDS) {
      if (caption.printed[field] !== '') this.last[field] = applied;
      if (applied.values[field] === undefined) continue;
      this.current[field] = applied;
      this.give(applied, field, this.tail(field));
    }
  }

  /** After each indicator read: what of the current captions still applies, given to it. */
  indicator(index: number): void {
    const indicator = this.draft.indicators[index]!;
    for (const field of FIELDS) {
      const current = this.current[field];
      if (!current) continue;
      const value = current.values[field]!;
      const full = field === 'category' && !this.words.fits(value, indicator.weight ?? 0);
      if (indicator[field] !== undefined || full) delete this.current[field];
      else {
        this.give(current, field, index);
        if (field === 'category') this.ranOn.push(index);
      }
    }
  }

  /**
   * Indicators between two captions of different 一级指标, given the first as it ran on: when the
   * blocks' weights do not each add up to their points, the second block may have begun among them,
   * so their category is a guess, and is said.
   */
  private guessesSaid(): void {
    const categories = new Set(this.draft.indicators.map((i) => i.category).filter((c) => c !== undefined));
    if ([...categories].every((c) => this.words.fills(c))) return;
    for (const i of this.between) reportInferredCategory(this.draft, i);
  }

  /**
   * Captions still not the template's words are said, where they are printed: a 一级指标 (not
   * given), and a 二级指标 of a template that lists them (kept as printed).
   */
  finish(): void {
    this.guessesSaid();
    for (const { caption, values } of this.unknown) {
      const where = { location: caption.cell.location };
      if (caption.printed.category !== '' && values.category === undefined) {
        this.draft.diagnostics.add('warning', 'UNKNOWN_CATEGORY', 'grid.unknownCategory', { text: caption.printed.category }, where);
      }
      const subcategory = values.subcategory;
      if (subcategory !== undefined && this.words.listsSubcategories && this.words.subcategory(subcategory) === undefined) {
        this.draft.diagnostics.add('warning', 'UNKNOWN_SUBCATEGORY', 'grid.unknownSubcategory', { text: subcategory }, where);
      }
    }
  }

  /** A new 一级指标 ends a running 二级指标 of another block, and a new 二级指标 a 一级指标 it is not under. */
  private endUnrelated(values: Partial<Record<GroupingField, string>>): void {
    const category = values.category ?? this.current.category?.values.category;
    const subcategory = values.subcategory ?? this.current.subcategory?.values.subcategory;
    if (category === undefined || subcategory === undefined) return;
    const parent = this.words.parentOf(subcategory);
    if (parent === undefined || parent === category) return;
    if (values.category !== undefined) delete this.current.subcategory;
    else delete this.current.category;
  }

  /**
   * The previous caption's text and this one's make the template's label: both are that label. Only
   * a caption not whole on its own continues, or one followed by its points alone (`(35分)`, `分)`).
   */
  private continued(field: GroupingField, text: string): string | undefined {
    const last = this.last[field];
    if (!last) return undefined;
    if (this.words[field](last.caption.printed[field]) !== undefined && !POINTS_ONLY.test(labelKey(text))) return undefined;
    const value = this.words[field](last.caption.printed[field] + text);
    if (value === undefined) return undefined;
    last.values[field] = value;
    for (const i of last.given[field]) this.draft.indicators[i]![field] = value;
    return value;
  }

  /** Index of the first of the indicators at the end without this field. */
  private tail(field: GroupingField): number {
    let i = this.draft.indicators.length;
    while (i > 0 && this.draft.indicators[i - 1]![field] === undefined) i--;
    return i;
  }

  private give(applied: Applied, field: GroupingField, from: number): void {
    const value = applied.values[field]!;
    for (let i = from; i < this.draft.indicators.length; i++) {
      if (this.draft.indicators[i]![field] !== undefined) continue;
      this.draft.indicators[i]![field] = value;
      this.draft.locations[`indicators[${i}].${field}`] = applied.caption.cell.location;
      applied.given[field].push(i);
    }
  }
}

const FIELDS = ['category', 'subcategory'] as const;
/** `(35分)` or the part of it a wrap left over (`分)`, `)`), as a label key (NFKC, no white space). */
const POINTS_ONLY = /^[()\d.分]+$/u;
