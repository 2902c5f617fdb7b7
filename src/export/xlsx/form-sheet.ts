/**
 * One evaluation (or the blank form) written into a worksheet in the official layout of its
 * template: the 自评价 layout (header grid, indicator table, grade and narratives) or, where the
 * template has a 项目资金 block, the national 项目支出绩效自评表 layout.
 */
import type { Worksheet } from 'exceljs';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { emptyMarks, type FormContext, type FormMarks } from './form-context.ts';
import { writeClosing, writeNotes } from './form-closing.ts';
import { writeFundingBlock } from './form-funding.ts';
import { hasFundingBlock, writeAnnualGoal, writeProjectFields, writeTitle } from './form-header.ts';
import { COLUMN_WIDTHS, levelColumn, writeIndicatorTable } from './form-indicators.ts';
import { printedAmountUnit } from '../../core/model/amount-unit.ts';
import { setUpA4Portrait, settleRowHeights } from './sheet-cells.ts';
import { printedColumns } from '../../core/templates/template.ts';

/** The funding block needs eight columns: caption, source, three amounts, 分值, 执行率, 得分. */
const FUNDING_BLOCK_WIDTH = 8;

export interface WrittenForm {
  lastRow: number;
  width: number;
  marks: FormMarks;
  /** The level column beyond the printed ones, if written. */
  levelCol: number | undefined;
}

function setColumnWidths(ctx: FormContext, levelCol: number | undefined): void {
  printedColumns(ctx.template).forEach((column, i) => {
    ctx.ws.getColumn(i + 1).width = COLUMN_WIDTHS[column.field] ?? 12;
  });
  for (let c = printedColumns(ctx.template).length + 1; c <= ctx.width; c++) ctx.ws.getColumn(c).width = 12;
  if (levelCol !== undefined) ctx.ws.getColumn(levelCol).width = COLUMN_WIDTHS.level ?? 12;
}

export function writeFormSheet(ws: Worksheet, template: Template, evaluation: Evaluation | undefined): WrittenForm {
  const ctx: FormContext = {
    ws,
    template,
    evaluation,
    width: printedColumns(template).length,
    unit: printedAmountUnit(evaluation, template),
    marks: emptyMarks(),
  };
  if (hasFundingBlock(ctx)) ctx.width = Math.max(ctx.width, FUNDING_BLOCK_WIDTH);
  const levelCol = levelColumn(ctx);
  setColumnWidths(ctx, levelCol);
  let row = writeTitle(ctx, 1);
  row = writeProjectFields(ctx, row);
  row = writeFundingBlock(ctx, row);
  row = writeAnnualGoal(ctx, row);
  row = writeIndicatorTable(ctx, row);
  row = writeClosing(ctx, row);
  const lastRow = writeNotes(ctx, row);
  settleRowHeights(ws, 1, lastRow);
  setUpA4Portrait(ws, lastRow, ctx.width);
  return { lastRow, width: ctx.width, marks: ctx.marks, levelCol };
}
