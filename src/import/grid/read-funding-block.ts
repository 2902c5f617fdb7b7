/**
 * The national form's 项目资金（万元） block: the heading cell spans the block's rows; its first
 * row titles the columns (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分); the rows below
 * are 年度资金总额 (the project's amounts and the execution score) and the funding sources.
 */
import { FUNDING_BLOCK_FIELDS } from '../../core/templates/form-fields.ts';
import type { FundingRow } from '../../core/model/evaluation.ts';
import { readAmount as readAmountText, readPoints, readRate, type ValueReading } from '../../core/values/read-value.ts';
import { setField, type FormDraft } from './form-draft.ts';
import type { FormLabels } from './form-labels.ts';
import type { FormRegion, PlacedCell } from './form-region.ts';
import { labelKey, splitBracket, unitOf, type AmountUnit } from '../labels/label-key.ts';

const AMOUNT_COLUMNS = [
  ['funding[].initial', 'initial', 'project.budgetInitial'],
  ['funding[].adjusted', 'adjusted', 'project.budgetCurrentYear'],
  ['funding[].executed', 'executed', 'project.executed'],
] as const;
const EXECUTION_COLUMNS = { weight: 'form.funding.weight', rate: 'form.funding.rate', score: 'form.funding.score' } as const;

/** Fields the block reads, so that the header scan leaves them alone. */
export { FUNDING_BLOCK_FIELDS };

export interface FundingBlock {
  /** Document rows the block covers, heading row included. */
  fromRow: number;
  toRow: number;
}

function findHeading(labels: FormLabels, cells: readonly PlacedCell[]): { cell: PlacedCell; unit: AmountUnit | undefined } | undefined {
  const heading = labels.template.fieldLabels.funding;
  if (!heading) return undefined;
  const base = splitBracket(labelKey(heading.zh)).base;
  for (const cell of cells) {
    const parts = splitBracket(labelKey(cell.text));
    if (parts.base === base) return { cell, unit: unitOf(parts.bracket) };
  }
  return undefined;
}

/** Column of each block title in row `row`. */
function blockColumns(region: FormRegion, labels: FormLabels, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  const keys = [...AMOUNT_COLUMNS.map(([key]) => key), ...Object.values(EXECUTION_COLUMNS)];
  for (const cell of region.startingIn(row)) {
    const key = keys.find((k) => labels.match(k, cell.text));
    if (key && !columns.has(key)) columns.set(key, cell.col);
  }
  return columns;
}

/**
 * The row titling the block's columns, and its titles: the heading's own row, or the next one when the
 * heading's row has none (a heading wrapped at the top of its cell, printed a line above its titles:
 * 项目资金（元 / ） over 年初预算数 … 得分).
 */
function titleRow(region: FormRegion, labels: FormLabels, heading: PlacedCell): { row: number; columns: Map<string, number> } {
  const own = blockColumns(region, labels, heading.vrow);
  const next = region.rows.find((r) => r > heading.vrow);
  if (own.size > 0 || next === undefined) return { row: heading.vrow, columns: own };
  const below = blockColumns(region, labels, next);
  return below.size > 0 ? { row: next, columns: below } : { row: heading.vrow, columns: own };
}

/** The block's data rows below its titles' row: within the heading's span, or until the first column holds another label. */
function blockRows(region: FormRegion, heading: PlacedCell, titles: number): number[] {
  const rows = region.rows.filter((r) => r > titles);
  if (heading.rowSpan > 1) return rows.filter((r) => r < heading.vrow + heading.rowSpan);
  const out: number[] = [];
  for (const r of rows) {
    if (region.startingIn(r).some((c) => c.col <= heading.col && labelKey(c.text) !== '')) break;
    out.push(r);
  }
  return out;
}

/**
 * The column of the sources' names: right of the heading, or, where the heading's cell runs over its
 * titles' columns (a row of its own in a text), that of the first data row's cell left of every title.
 */
function sourceColumn(region: FormRegion, heading: PlacedCell, columns: ReadonlyMap<string, number>, rows: readonly number[]): number {
  const after = heading.col + heading.colSpan;
  const firstTitle = Math.min(...columns.values());
  if (after < firstTitle || rows[0] === undefined) return after;
  const names = region.startingIn(rows[0]).filter((c) => c.col < firstTitle);
  return names.length === 0 ? after : Math.min(...names.map((c) => c.col));
}

function cellAt(region: FormRegion, row: number, col: number | undefined): PlacedCell | undefined {
  return col === undefined ? undefined : region.covering(row, col);
}

function parsed<T>(draft: FormDraft, result: ValueReading<T>, cell: PlacedCell, path: string): T | undefined {
  if (result.ok) return result.value;
  if (result.problem !== 'blank') draft.diagnostics.add('warning', 'UNREADABLE_VALUE', 'grid.unreadableValue', { text: cell.text, field: path }, { location: cell.location, path });
  return undefined;
}

function readAmount(draft: FormDraft, cell: PlacedCell | undefined, unit: AmountUnit, path: string): string | undefined {
  if (!cell) return undefined;
  const amount = parsed(draft, readAmountText(cell.text, unit), cell, path);
  if (amount) draft.units.add(amount.unit);
  return amount?.yuan ?? '';
}

function readTotalRow(draft: FormDraft, region: FormRegion, row: number, columns: Map<string, number>, unit: AmountUnit): void {
  for (const [key, , projectPath] of AMOUNT_COLUMNS) {
    const cell = cellAt(region, row, columns.get(key));
    const yuan = readAmount(draft, cell, unit, projectPath);
    if (yuan !== undefined) setField(draft, projectPath, yuan, cell?.location);
  }
  const rateCell = cellAt(region, row, columns.get(EXECUTION_COLUMNS.rate));
  if (rateCell) setField(draft, 'project.executionRate', parsed(draft, readRate(rateCell.text), rateCell, 'project.executionRate') ?? '', rateCell.location);
  const execution: { weight?: number; score?: number } = {};
  for (const part of ['weight', 'score'] as const) {
    const cell = cellAt(region, row, columns.get(EXECUTION_COLUMNS[part]));
    const value = cell ? parsed(draft, readPoints(cell.text), cell, `execution.${part}`) : undefined;
    if (value === undefined || !cell) continue;
    execution[part] = value;
    draft.locations[`execution.${part}`] = cell.location;
  }
  if (execution.weight === undefined && execution.score !== undefined && draft.template.execution.scored) {
    execution.weight = draft.template.execution.weight;
  }
  if (execution.weight !== undefined) draft.execution = execution;
}

function readSourceRow(draft: FormDraft, region: FormRegion, row: number, sourceCol: number, columns: Map<string, number>, unit: AmountUnit): FundingRow | undefined {
  const index = draft.funding?.length ?? 0;
  const source = cellAt(region, row, sourceCol);
  const fundingRow: FundingRow = { source: source?.text.trim() ?? '' };
  const where: Record<string, string> = {};
  let filled = false;
  for (const [key, field] of AMOUNT_COLUMNS) {
    const cell = cellAt(region, row, columns.get(key));
    const yuan = readAmount(draft, cell, unit, `funding[${index}].${field}`);
    if (yuan === undefined || !cell) continue;
    fundingRow[field] = yuan;
    where[`funding[${index}].${field}`] = cell.location;
    filled ||= yuan !== '';
  }
  // The official form prints all four source rows; only those with an amount are funding.
  if (!filled) return undefined;
  if (source) where[`funding[${index}].source`] = source.location;
  Object.assign(draft.locations, where);
  return fundingRow;
}

export function readFundingBlock(draft: FormDraft, region: FormRegion, labels: FormLabels): FundingBlock | undefined {
  const found = findHeading(labels, region.cells);
  if (!found) return undefined;
  const unit = found.unit ?? draft.template.amountUnit;
  draft.units.add(unit);
  const { row: titles, columns } = titleRow(region, labels, found.cell);
  const rows = blockRows(region, found.cell, titles);
  const sourceCol = sourceColumn(region, found.cell, columns, rows);
  rows.forEach((row, i) => {
    if (i === 0) readTotalRow(draft, region, row, columns, unit);
    const fundingRow = readSourceRow(draft, region, row, sourceCol, columns, unit);
    if (fundingRow) (draft.funding ??= []).push(fundingRow);
  });
  return { fromRow: found.cell.vrow, toRow: rows.at(-1) ?? found.cell.vrow };
}
