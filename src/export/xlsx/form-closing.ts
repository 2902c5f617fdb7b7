/** The bottom of the form: 自评时间 and 绩效等级, the narratives (主要绩效 …), and the 说明 notes. */
import { fieldLabel } from '../../core/templates/labels.ts';
import { pairSplit, type FormContext } from './form-context.ts';
import { dateCell } from './form-values.ts';
import { formWord } from './form-words.ts';
import { across, DATE_FORMAT, put, putNote, type CellStyle, type CellValue, type Range } from './sheet-cells.ts';

function closingValue(ctx: FormContext, path: 'evaluatedOn' | 'grade'): { value: CellValue; style: CellStyle } {
  if (path === 'evaluatedOn') return { value: dateCell(ctx.evaluation?.evaluatedOn), style: { numFmt: DATE_FORMAT, align: 'center' } };
  return { value: ctx.evaluation?.grade, style: { align: 'center' } };
}

function writeClosingField(ctx: FormContext, row: number, path: 'evaluatedOn' | 'grade', left: number, right: number, labelCols: number): void {
  put(ctx.ws, across(row, left, left + labelCols - 1), fieldLabel(ctx.template, path).zh, { label: true });
  const range: Range = across(row, left + labelCols, right);
  const { value, style } = closingValue(ctx, path);
  put(ctx.ws, range, value, style);
  (path === 'grade' ? ctx.marks.grades : ctx.marks.dates).push(range);
}

export function writeClosing(ctx: FormContext, row: number): number {
  const fields = (['evaluatedOn', 'grade'] as const).filter((p) => ctx.template.fieldLabels[p] !== undefined);
  let r = row;
  if (fields.length === 2) {
    const split = pairSplit(ctx.width);
    writeClosingField(ctx, r, fields[0]!, 1, split - 1, 1);
    writeClosingField(ctx, r, fields[1]!, split, ctx.width, 2);
    r++;
  } else if (fields.length === 1) {
    writeClosingField(ctx, r, fields[0]!, 1, ctx.width, 1);
    r++;
  }
  for (const narrative of ctx.template.narratives) {
    put(ctx.ws, across(r, 1, 1), fieldLabel(ctx.template, narrative).zh, { label: true });
    put(ctx.ws, across(r, 2, ctx.width), ctx.evaluation?.[narrative]);
    r++;
  }
  return r;
}

/** The 说明 under the form, where the template has them; returns the last row written. */
export function writeNotes(ctx: FormContext, row: number): number {
  const notes = formWord(ctx.template, 'form.notes');
  if (notes === undefined) return row - 1;
  putNote(ctx.ws, row, ctx.width, notes);
  return row;
}
