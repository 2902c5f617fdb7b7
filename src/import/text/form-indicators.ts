/**
 * The indicators of one form: rows cut from the table text, cells read, weights and scores as
 * numbers, and the block of each row as printed or inferred from the caps, with diagnostics for
 * every row or block it could not place.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import { blockLabel, categoryLabel } from '../../core/templates/labels.ts';
import type { ClassifiedLine } from './classify-lines.ts';
import { blocksOf, describeBlocks, inferCategories } from './categories.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { fieldWord } from './diagnostics.ts';
import type { LabelCatalog } from './form-labels.ts';
import { columnLayout, nameColumnWidth, readCells, type IndicatorCells } from './indicator-cells.ts';
import { cutRows, tableLines, type RawRow } from './indicator-rows.ts';
import { lineLocation } from '../diagnostics.ts';
import { printedColumns } from '../../core/templates/template.ts';

export interface FormIndicators {
  indicators: Indicator[];
  locations: Record<string, string>;
}

/** `locations`: where the rows' locations go, after what it holds (the form's other fields). */
export function readIndicators(lines: readonly ClassifiedLine[], taken: ReadonlySet<number>, catalog: LabelCatalog, rep: DiagnosticSink, locations: Record<string, string> = {}): FormIndicators {
  const layout = columnLayout(catalog);
  const { rows, unfinished } = cutRows(tableLines(lines, taken), {
    maxWeight: catalog.template.totalPoints,
    scoreFollowsWeight: layout.between.length === 0,
    actualBeforeWeight: layout.before.includes('actual'),
  });
  const all = unfinishedRow(unfinished, rows, rep);
  const width = nameColumnWidth(all, catalog);
  const cells = all.map((row) => readCells(row, layout, catalog, width));
  const out: FormIndicators = { indicators: [], locations };
  cells.forEach((c, i) => out.indicators.push(toIndicator(c, i, catalog, out.locations, rep)));
  if (out.indicators.length === 0) rep.add('error', 'NO_INDICATORS', 'text.noIndicators', {}, { path: 'indicators' });
  placeCategories(out.indicators, cells, lines, catalog, rep);
  // The category first, as the form prints its columns.
  out.indicators = out.indicators.map(categoryFirst);
  return out;
}

/** The indicator with its category and subcategory first (left out when undefined), the rest in order. */
function categoryFirst(x: Indicator): Indicator {
  const out: Record<string, unknown> = {};
  if (x.category !== undefined) out.category = x.category;
  if (x.subcategory !== undefined) out.subcategory = x.subcategory;
  for (const key of Object.keys(x)) if (key !== 'category' && key !== 'subcategory') out[key] = x[key as keyof Indicator];
  return out as Indicator;
}

/** A row cut off before its score (a truncated file) is kept if it got as far as a weight. */
function unfinishedRow(row: RawRow | null, rows: RawRow[], rep: DiagnosticSink): RawRow[] {
  if (!row) return rows;
  const text = [...row.before, ...row.between].map((p) => p.text).join(' ');
  const line = row.before[0]?.line ?? row.weight?.line ?? row.between[0]?.line;
  if (row.weight === null) {
    rep.add('warning', 'UNREADABLE_ROW', 'text.unreadableRow', { text }, { ...(line !== undefined && { line }) });
    return rows;
  }
  rep.add('warning', 'ROW_INCOMPLETE', 'text.rowIncomplete', { text }, { ...(line !== undefined && { line }), path: `indicators[${rows.length}].score` });
  return [...rows, row];
}

function toIndicator(c: IndicatorCells, i: number, catalog: LabelCatalog, locations: Record<string, string>, rep: DiagnosticSink): Indicator {
  const indicator: Indicator = { name: '' };
  const at = (field: string, line: number) => (locations[indicatorPath(i, field)] = lineLocation(line));
  if (c.subcategory) {
    indicator.subcategory = c.subcategory.text;
    at('subcategory', c.subcategory.line);
  }
  for (const column of printedColumns(catalog.template)) {
    const field = column.field;
    if (field === 'category' || field === 'subcategory') continue;
    if (field === 'weight' || field === 'score') {
      const number = c[field];
      if (number === null) continue;
      at(field, number.line);
      if (number.value === null) {
        rep.add('warning', 'UNREADABLE_VALUE', 'text.valueUnreadable', { field: fieldWord(catalog.template, `indicators[].${field}`), value: number.raw }, { line: number.line, path: `indicators[${i}].${field}` });
      } else indicator[field] = number.value;
      continue;
    }
    const cell = c.cells.get(field);
    indicator[field] = cell?.text ?? '';
    if (cell) at(field, cell.line);
  }
  if (indicator.name === '') rep.add('warning', 'UNREADABLE_ROW', 'text.rowWithoutName', { row: i + 1 }, { path: `indicators[${i}].name` });
  return indicator;
}

/**
 * `indicators[i].field`, built once: every form asks for the same few hundred paths, and building
 * and hashing them anew was a twentieth of the text import. Past the rows forms have, built each time.
 */
const INDICATOR_PATHS: Array<Map<string, string>> = [];
const CACHED_ROWS = 200;

function indicatorPath(i: number, field: string): string {
  if (i >= CACHED_ROWS) return `indicators[${i}].${field}`;
  const paths = (INDICATOR_PATHS[i] ??= new Map());
  let path = paths.get(field);
  if (path === undefined) paths.set(field, (path = `indicators[${i}].${field}`));
  return path;
}

/** Categories printed next to rows are kept; the others are inferred from the caps and said so. */
function placeCategories(indicators: Indicator[], cells: readonly IndicatorCells[], lines: readonly ClassifiedLine[], catalog: LabelCatalog, rep: DiagnosticSink): void {
  const template = catalog.template;
  const printed = cells.map((c) => c.category?.text ?? null);
  printed.forEach((category, i) => category && (indicators[i]!.category = category));
  if (indicators.length === 0 || printed.every((c) => c !== null)) return;
  const blocks = blocksOf(template, captionPoints(lines, catalog, rep));
  const inference = inferCategories(indicators.map((x) => x.weight), blocks);
  inference.categories.forEach((category, i) => {
    const own = printed[i];
    if (own && category && own !== category) {
      rep.add('warning', 'CATEGORY_CONFLICT', 'text.categoryConflict', { printed: categoryLabel(template, own), inferred: categoryLabel(template, category) }, { path: `indicators[${i}].category` });
    } else if (!own && category) indicators[i]!.category = category;
  });
  const described = describeBlocks(template, inference.blocks);
  if (!inference.ok) {
    rep.add('warning', 'CATEGORY_NOT_INFERRED', `text.categoryNotInferred.${inference.reason}`, { row: inference.failedAt + 1, blocks: described }, { path: `indicators[${inference.failedAt}].category` });
  } else {
    rep.add('info', 'CATEGORY_INFERRED', 'text.categoryInferred', { blocks: described }, { path: 'indicators' });
    if (!inference.complete) rep.add('warning', 'CATEGORY_INCOMPLETE', 'text.categoryIncomplete', { blocks: described }, { path: 'indicators' });
  }
  for (const b of inference.blocks) {
    if (b.block.categories.length > 1) {
      rep.add('warning', 'CATEGORY_AMBIGUOUS', 'text.categoryAmbiguous', { block: blockLabel(template, b.block.categories), from: b.from + 1, to: b.to + 1 }, { path: `indicators[${b.from}].category` });
    }
  }
}

/** Points printed in the block captions, 产出指标 / (45分), by category. */
function captionPoints(lines: readonly ClassifiedLine[], catalog: LabelCatalog, rep: DiagnosticSink): Map<string, number> {
  const points = new Map<string, number>();
  let current: string | null = null;
  for (const line of lines) {
    if (line.is.kind === 'blank') continue;
    if (line.is.kind !== 'caption') {
      current = null;
      continue;
    }
    current = line.is.category ?? current;
    if (current !== null && line.is.points !== null && !points.has(current)) {
      points.set(current, line.is.points);
      const cap = catalog.template.caps.find((c) => c.categories.length === 1 && c.categories[0] === current);
      if (cap && cap.points !== line.is.points) {
        rep.add('warning', 'CAPTION_POINTS_DIFFER', 'text.captionPointsDiffer', { category: categoryLabel(catalog.template, current), printed: line.is.points, cap: cap.points }, { line: line.no });
      }
    }
  }
  return points;
}
