/**
 * The indicator table: the template's column titles (repeated on every page the table runs
 * on), one row per indicator with 一级指标 merged over its block (`产出指标(45分)`) and 二级指标
 * merged over consecutive rows that share it, then the 合计 / 总分 row.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import type { FormContext } from './form-context.ts';
import { cellOver, columnEdges, type Align, type Cell, type Row, type TableSection } from './form-table.ts';
import { pointsText } from './form-values.ts';
import { categoryCaption, columnWord, fieldWord } from './form-words.ts';
import { COLUMN_WEIGHTS, DEFAULT_COLUMN_WEIGHT, TABLE_WIDTH } from './page-layout.ts';
import { printedColumns } from '../../core/templates/template.ts';

const NUMBER_FIELDS = new Set(['weight', 'score']);

export function indicatorEdges(ctx: FormContext): number[] {
  return columnEdges(
    printedColumns(ctx.template).map((c) => COLUMN_WEIGHTS[c.field] ?? DEFAULT_COLUMN_WEIGHT),
    TABLE_WIDTH,
  );
}

export function indicatorSection(ctx: FormContext): TableSection {
  const edges = indicatorEdges(ctx);
  const header: Row = {
    cells: printedColumns(ctx.template).map((column, i) =>
      cellOver(edges, i, i + 1, { text: columnWord(ctx.words, column), align: 'center', source: `columns.${column.field}` }),
    ),
  };
  const blocks = blockNumbers(ctx.evaluation.indicators);
  const rows = ctx.evaluation.indicators.map((indicator, index) => indicatorRow(ctx, edges, indicator, index, blocks[index]!));
  return { header: [header], rows: [...rows, totalsRow(ctx, edges)] };
}

/** A block number per indicator: a new block starts wherever the category changes. */
function blockNumbers(indicators: readonly Indicator[]): number[] {
  let block = 0;
  return indicators.map((indicator, i) => {
    if (i > 0 && indicator.category !== indicators[i - 1]!.category) block++;
    return block;
  });
}

function indicatorRow(ctx: FormContext, edges: number[], indicator: Indicator, index: number, block: number): Row {
  const cells = printedColumns(ctx.template).map((column, i): Cell => {
    const source = `indicators[${index}].${column.field}`;
    if (column.field === 'category') {
      const text = indicator.category === undefined ? '' : categoryCaption(ctx.words, indicator.category);
      return cellOver(edges, i, i + 1, { text, align: 'center', mergeKey: `category:${block}`, source });
    }
    if (column.field === 'subcategory') {
      const text = indicator.subcategory ?? '';
      // Merged only over rows of the same block that name the same 二级指标; blank ones stay apart.
      const mergeKey = text === '' ? undefined : `subcategory:${block}:${text}`;
      return cellOver(edges, i, i + 1, { text, align: 'center', source, ...(mergeKey ? { mergeKey } : {}) });
    }
    return cellOver(edges, i, i + 1, { text: fieldText(indicator, column.field), align: fieldAlign(column.field), source });
  });
  return { cells };
}

function fieldText(indicator: Indicator, field: string): string {
  const value = (indicator as Record<string, unknown>)[field];
  if (typeof value === 'number') return pointsText(value);
  return typeof value === 'string' ? value : '';
}

function fieldAlign(field: string): Align {
  return NUMBER_FIELDS.has(field) ? 'right' : 'left';
}

/** 合计 / 总分: the label over the columns before 权重, then the total weight and score under theirs. */
function totalsRow(ctx: FormContext, edges: number[]): Row {
  const fields = printedColumns(ctx.template).map((c) => c.field);
  const firstNumber = fields.findIndex((f) => NUMBER_FIELDS.has(f));
  const labelEnd = firstNumber > 0 ? firstNumber : 1;
  const totals = ctx.evaluation.totals;
  const value = (field: string) =>
    field === 'weight' ? pointsText(totals?.weight ?? ctx.computed.weight) : field === 'score' ? pointsText(totals?.score ?? ctx.computed.score) : '';
  const cells = [cellOver(edges, 0, labelEnd, { text: fieldWord(ctx.words, 'totals'), align: 'center', source: 'totals' })];
  for (let i = labelEnd; i < fields.length; i++) {
    const field = fields[i]!;
    cells.push(cellOver(edges, i, i + 1, { text: value(field), align: fieldAlign(field), source: NUMBER_FIELDS.has(field) ? `totals.${field}` : 'totals' }));
  }
  return { cells };
}
