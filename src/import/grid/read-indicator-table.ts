/**
 * The indicator table, found by its column titles (目标值 / 指标解释 / 年度指标值 are one column),
 * read row by row until 合计 / 总分. A header row repeated after a page break is skipped; the
 * merged 一级指标 and 二级指标 cells give every row they span its category.
 */
import { format } from '../../core/locale/messages.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import { categoryLabel } from '../../core/templates/labels.ts';
import type { Indicator } from '../../core/model/evaluation.ts';
import { readPoints } from '../../core/values/read-value.ts';
import type { FormDraft } from './form-draft.ts';
import type { FormLabels } from './form-labels.ts';
import type { FormRegion, PlacedCell } from './form-region.ts';
import { HEADER_FIELDS } from './read-header-fields.ts';
import { labelKey, splitBracket } from '../labels/label-key.ts';
import { captionAt, captionOf, captionPieces, CaptionTrack, groupingColumns, type CaptionReading, type CaptionWords } from './block-captions.ts';
import { fillsCap, fits } from './infer-categories.ts';

/** Fields whose cells are merged over several rows. */
const GROUPED = new Set(['category', 'subcategory']);
const POINTS = new Set(['weight', 'score']);
const LEVELS = ['achieved', 'partial', 'notAchieved'] as const;

export interface IndicatorTable {
  headerRow: number;
  /** The 合计 / 总分 row, or the last row read when there is none. */
  endRow: number;
}

type Columns = Map<string, number>;

function headerColumns(labels: FormLabels, cells: readonly PlacedCell[]): Columns {
  const columns: Columns = new Map();
  for (const cell of cells) {
    const field = labels.columnOf(cell.text);
    if (field && !columns.has(field)) columns.set(field, cell.col);
  }
  return columns;
}

function isHeader(columns: Columns): boolean {
  return columns.has('name') && (columns.has('weight') || columns.has('score')) && columns.size >= 3;
}

function findHeader(region: FormRegion, labels: FormLabels): { row: number; columns: Columns } | undefined {
  for (const row of region.rows) {
    const columns = headerColumns(labels, region.startingIn(row));
    if (isHeader(columns)) return { row, columns };
  }
  return undefined;
}

function isTotalsRow(labels: FormLabels, cells: readonly PlacedCell[]): boolean {
  return cells.some((c) => labels.match('totals.score', c.text) || labels.match('totals', c.text));
}

/** A row that starts the part below the table (自评时间, 绩效等级, 主要绩效 …). */
function isAfterTable(labels: FormLabels, cells: readonly PlacedCell[]): boolean {
  return cells.some((c) => HEADER_FIELDS.some((path) => labels.match(path, c.text)));
}

/** `产出指标(45分)` → `output`; an unknown caption is kept as written. */
export function categoryKey(draft: FormDraft, caption: string): string | undefined {
  const key = labelKey(caption);
  if (key === '') return undefined;
  const base = splitBracket(key).base;
  for (const category of draft.template.categories) {
    const label = normalizeText(categoryLabel(draft.template, category.key).zh);
    if (key === label || base === label || key.startsWith(label)) return category.key;
  }
  return undefined;
}

/** A 二级指标 as the template spells it (`服务对象满意度指标`), if it is one of the template's. */
function subcategoryKey(draft: FormDraft, caption: string): string | undefined {
  const key = labelKey(caption);
  return draft.template.categories.flatMap((c) => c.subcategories).find((s) => normalizeText(s) === key);
}

/** The one block of the template a 二级指标 caption (`社会效益指标`) stands under, if it is one of its 二级指标s. */
function parentCategory(draft: FormDraft, caption: string): string | undefined {
  const subcategory = subcategoryKey(draft, caption);
  const owners = draft.template.categories.filter((c) => subcategory !== undefined && c.subcategories.includes(subcategory));
  return owners.length === 1 ? owners[0]!.key : undefined;
}

/** The template's blocks, as the captions printed outside their cells are read against them. */
function captionWords(draft: FormDraft): CaptionWords {
  const { template, indicators } = draft;
  return {
    category: (text) => categoryKey(draft, text),
    subcategory: (text) => subcategoryKey(draft, text),
    listsSubcategories: template.categories.some((c) => c.subcategories.length > 0),
    parentOf: (subcategory) => template.categories.find((c) => c.subcategories.includes(subcategory))?.key,
    fits: (category, weight) => fits(template, indicators, category, weight),
    fills: (category) => fillsCap(template, indicators, category),
  };
}

function levelKey(text: string): Indicator['level'] {
  const key = labelKey(text);
  return LEVELS.find((level) => labelKey(format(`level.${level}`, {}, 'zh')) === key);
}

function cellFor(region: FormRegion, row: number, field: string, col: number, skip: ReadonlySet<PlacedCell> = new Set()): PlacedCell | undefined {
  const cell = region.covering(row, col);
  // Only the grouping columns are merged over rows; elsewhere a cell belongs to the row it starts in.
  if (!cell || skip.has(cell) || (!GROUPED.has(field) && cell.vrow !== row)) return undefined;
  return cell;
}

function setPoints(draft: FormDraft, indicator: Indicator, field: 'weight' | 'score', cell: PlacedCell, path: string): void {
  const parsed = readPoints(cell.text);
  if (parsed.ok) indicator[field] = parsed.value;
  else if (parsed.problem !== 'blank') draft.diagnostics.add('warning', 'UNREADABLE_VALUE', 'grid.unreadableValue', { text: cell.text, field: path }, { location: cell.location, path });
}

function setCategory(draft: FormDraft, indicator: Indicator, cell: PlacedCell, path: string): void {
  const key = categoryKey(draft, cell.text);
  const parent = key === undefined ? parentCategory(draft, cell.text) : undefined;
  if (key !== undefined) indicator.category = key;
  else if (parent !== undefined) {
    // A 二级指标 caption set in the 一级指标 column (pdftotext moves a merged cell's text left, or a
    // page break repeats it there): the template names its block; taken as that, and said.
    indicator.category = parent;
    draft.diagnostics.add('warning', 'UNKNOWN_CATEGORY', 'grid.subcategoryAsCategory', { text: cell.text, category: categoryLabel(draft.template, parent).zh }, { location: cell.location, path });
  } else if (labelKey(cell.text) !== '') {
    indicator.category = cell.text.trim();
    draft.diagnostics.add('warning', 'UNKNOWN_CATEGORY', 'grid.unknownCategory', { text: cell.text }, { location: cell.location, path });
  }
}

/** `captions`: caption pieces printed over the row, not its own cells. */
function readRow(draft: FormDraft, region: FormRegion, row: number, columns: Columns, captions: ReadonlySet<PlacedCell>): Indicator | undefined {
  const index = draft.indicators.length;
  const indicator: Indicator = { name: '' };
  const where: Record<string, string> = {};
  let ownText = false;
  for (const [field, col] of columns) {
    const cell = cellFor(region, row, field, col, captions);
    const path = `indicators[${index}].${field}`;
    if (!cell) {
      if (!GROUPED.has(field) && !POINTS.has(field) && field !== 'level') indicator[field] = '';
      continue;
    }
    where[path] = cell.location;
    if (!GROUPED.has(field) && labelKey(cell.text) !== '') ownText = true;
    if (field === 'category') setCategory(draft, indicator, cell, path);
    else if (POINTS.has(field)) setPoints(draft, indicator, field as 'weight' | 'score', cell, path);
    else if (field === 'level') {
      const level = levelKey(cell.text);
      if (level) indicator.level = level;
    } else indicator[field] = cell.text.trim();
  }
  // A row with nothing but a merged category cell running through it is no indicator.
  if (!ownText) return undefined;
  Object.assign(draft.locations, where);
  return indicator;
}

function readTotals(draft: FormDraft, region: FormRegion, row: number, columns: Columns): void {
  const totals: { weight?: number; score?: number } = {};
  for (const field of ['weight', 'score'] as const) {
    const col = columns.get(field);
    const cell = col === undefined ? undefined : cellFor(region, row, field, col);
    if (!cell) continue;
    const parsed = readPoints(cell.text);
    if (parsed.ok) {
      totals[field] = parsed.value;
      draft.locations[`totals.${field}`] = cell.location;
    } else if (parsed.problem !== 'blank') {
      draft.diagnostics.add('warning', 'UNREADABLE_VALUE', 'grid.unreadableValue', { text: cell.text, field: `totals.${field}` }, { location: cell.location, path: `totals.${field}` });
    }
  }
  draft.totals = totals;
}

export function readIndicatorTable(draft: FormDraft, region: FormRegion, labels: FormLabels): IndicatorTable | undefined {
  const header = findHeader(region, labels);
  if (!header) return undefined;
  let endRow = header.row;
  const rows = region.rows.filter((r) => r > header.row);
  const reading: CaptionReading = {
    grouping: groupingColumns(header.columns),
    categoryOf: (text) => categoryKey(draft, text),
    isLabelRow: (cells) => isTotalsRow(labels, cells) || isAfterTable(labels, cells) || isHeader(headerColumns(labels, cells)),
  };
  const captions = new CaptionTrack(draft, captionWords(draft));
  let totalsRow: number | undefined;
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at]!;
    const cells = region.startingIn(row);
    endRow = row;
    if (isTotalsRow(labels, cells)) {
      readTotals(draft, region, row, header.columns);
      totalsRow = row;
      break;
    }
    if (isAfterTable(labels, cells)) {
      endRow = row - 1;
      break;
    }
    if (isHeader(headerColumns(labels, cells))) continue;
    const caption = captionAt(region, rows, at, reading);
    if (caption) {
      captions.found(caption);
      at += caption.rows - 1;
      endRow = rows[at]!;
      continue;
    }
    const pieces = captionPieces(cells, reading.grouping);
    if (pieces.length > 0) captions.found(captionOf(pieces, reading.grouping, 1));
    const indicator = readRow(draft, region, row, header.columns, new Set(pieces));
    if (!indicator) continue;
    draft.indicators.push(indicator);
    captions.indicator(draft.indicators.length - 1);
  }
  captions.finish();
  if (totalsRow === undefined) draft.diagnostics.add('warning', 'TOTALS_NOT_FOUND', 'grid.totalsNotFound', {}, { path: 'totals' });
  return { headerRow: header.row, endRow };
}
