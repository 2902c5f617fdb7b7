/**
 * The two tables of a targets or monitoring form, found by their words: the indicator table by
 * its column titles (printed again on each page it runs on), and the 项目资金 block by its merged
 * caption, its column titles on the caption's first row and one funding row per row under it.
 */
import type { AmountUnit } from '../../core/model/amount-unit.ts';
import { FormRegion, type PlacedCell } from '../grid/form-region.ts';
import { AMOUNT_UNITS } from '../labels/label-key.ts';
import type { LayoutLabels } from './layout-labels.ts';

export interface ReadCell {
  text: string;
  location: string;
}

export interface IndicatorBlock {
  /** Rows of the table, titles included. */
  fromRow: number;
  toRow: number;
  /** Per indicator: the printed text of each column field. */
  rows: Map<string, ReadCell>[];
}

function read(cell: PlacedCell | undefined): ReadCell {
  return { text: cell?.text.trim() ?? '', location: cell?.location ?? '' };
}

/** The columns a row's cells title, when it titles at least half of the layout's printed columns. */
function titleRow(region: FormRegion, labels: LayoutLabels, vrow: number): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  for (const cell of region.startingIn(vrow)) {
    const field = labels.columnOf(cell.text);
    if (field && !columns.has(field)) columns.set(field, cell.col);
  }
  const printed = labels.layout.columns.filter((c) => c.printed !== false).length;
  return columns.size >= Math.max(2, Math.ceil(printed / 2)) && columns.has('name') ? columns : undefined;
}

export function readIndicatorBlock(region: FormRegion, labels: LayoutLabels): IndicatorBlock | undefined {
  let columns: Map<string, number> | undefined;
  let fromRow = -1;
  for (const vrow of region.rows) {
    columns = titleRow(region, labels, vrow);
    if (columns) {
      fromRow = vrow;
      break;
    }
  }
  if (!columns) return undefined;
  const nameCol = columns.get('name')!;
  const rows: Map<string, ReadCell>[] = [];
  let toRow = fromRow;
  for (const vrow of region.rows) {
    if (vrow <= fromRow) continue;
    // The titles again at the top of a page: not an indicator.
    if (titleRow(region, labels, vrow)) continue;
    if (!region.startingIn(vrow).some((c) => c.col === nameCol)) continue;
    const row = new Map<string, ReadCell>();
    for (const [field, col] of columns) row.set(field, read(region.covering(vrow, col)));
    rows.push(row);
    toRow = vrow;
  }
  return { fromRow, toRow, rows };
}

export interface FundingBlock {
  fromRow: number;
  toRow: number;
  unit: AmountUnit;
  location: string;
  rows: { source: ReadCell; values: Map<string, ReadCell> }[];
}

/** The block under its caption 项目资金（元）; `columns` are the amount fields it may title (`budget`, `executedToDate` …). */
export function readFundingBlock(region: FormRegion, labels: LayoutLabels, columns: readonly string[]): FundingBlock | undefined {
  const caption = region.cells.find((c) => labels.match('form.fundingHeading', c.text));
  if (!caption) return undefined;
  const printedUnit = labels.match('form.fundingHeading', caption.text)![0];
  const unit = AMOUNT_UNITS.find((u) => u === printedUnit) ?? '元';
  const titles = new Map<string, number>();
  for (const cell of region.startingIn(caption.vrow)) {
    const field = columns.find((f) => labels.match(`funding[].${f}`, cell.text));
    if (field && !titles.has(field)) titles.set(field, cell.col);
  }
  const sourceCol = caption.col + caption.colSpan;
  const toRow = caption.vrow + caption.rowSpan - 1;
  const rows: FundingBlock['rows'] = [];
  for (const vrow of region.rows) {
    if (vrow <= caption.vrow || vrow > toRow) continue;
    const source = region.covering(vrow, sourceCol);
    if (!source || source.vrow !== vrow) continue;
    const values = new Map<string, ReadCell>();
    for (const [field, col] of titles) values.set(field, read(region.covering(vrow, col)));
    rows.push({ source: read(source), values });
  }
  return { fromRow: caption.vrow, toRow, unit, location: caption.location, rows };
}
