/**
 * The top of the form: title, the label | value grid of project fields, and the annual goal
 * (one row on the 自评价 form; 预期目标 | 实际完成情况 under 年度总体目标 on the national form).
 */
import { AMOUNT_FIELDS, FUNDING_BLOCK_FIELDS, HEADER_PROJECT_FIELDS } from '../../core/templates/form-fields.ts';
import { getPath } from './model-path.ts';
import { fieldLabel } from '../../core/templates/labels.ts';
import { pairSplit, type FormContext } from './form-context.ts';
import { amountCell, amountFormat, rateCell } from './form-values.ts';
import { formTitle, formWord, yesNoWord } from './form-words.ts';
import { across, put, putTitle, RATE_FORMAT, type CellStyle, type CellValue, type Range } from './sheet-cells.ts';




export function hasFundingBlock(ctx: FormContext): boolean {
  return formWord(ctx.template, 'form.fundingHeading') !== undefined;
}

export function writeTitle(ctx: FormContext, row: number): number {
  const year = ctx.evaluation?.year;
  putTitle(ctx.ws, row, ctx.width, formTitle(ctx.template, year));
  const subtitle = formWord(ctx.template, 'form.subtitle', year === undefined ? {} : { year });
  if (subtitle === undefined) return row + 1;
  putTitle(ctx.ws, row + 1, ctx.width, year === undefined ? subtitle.replace('{year}', '    ') : subtitle, 11);
  return row + 2;
}

/** A header field's value as the cell holds it, with its number format. */
export function headerValue(ctx: FormContext, path: string): { value: CellValue; style: CellStyle } {
  const raw = ctx.evaluation === undefined ? undefined : getPath(ctx.evaluation, path);
  if (path === 'project.recurring') return { value: yesNoWord(ctx.template, raw as boolean | undefined), style: { align: 'center' } };
  if (AMOUNT_FIELDS.has(path)) return { value: amountCell(raw as string | undefined, ctx.unit), style: { numFmt: amountFormat(ctx.unit), align: 'right' } };
  if (path === 'project.executionRate') return { value: rateCell(raw as string | undefined), style: { numFmt: RATE_FORMAT, align: 'right' } };
  return { value: typeof raw === 'string' ? raw : undefined, style: {} };
}

function mark(ctx: FormContext, path: string, range: Range): void {
  if (AMOUNT_FIELDS.has(path)) ctx.marks.amounts.push(range);
  if (path === 'project.executionRate') ctx.marks.rates.push(range);
  if (path === 'project.recurring') ctx.marks.yesNo.push(range);
}

/** One label | value pair in the columns [left, right]; the label takes `labelCols` columns. */
export function writeField(ctx: FormContext, row: number, path: string, left: number, right: number, labelCols: number): void {
  put(ctx.ws, across(row, left, left + labelCols - 1), fieldLabel(ctx.template, path).zh, { label: true });
  const valueRange = across(row, left + labelCols, right);
  const { value, style } = headerValue(ctx, path);
  put(ctx.ws, valueRange, value, style);
  mark(ctx, path, valueRange);
}

/** Fields two to a row (the left one's label is one column, the right one's two); a lone field takes the row. */
export function writeFieldPairs(ctx: FormContext, row: number, paths: readonly string[]): number {
  const split = pairSplit(ctx.width);
  let r = row;
  for (let i = 0; i < paths.length; i += 2) {
    const left = paths[i]!;
    const right = paths[i + 1];
    if (right === undefined) {
      writeField(ctx, r, left, 1, ctx.width, 1);
    } else {
      writeField(ctx, r, left, 1, split - 1, 1);
      writeField(ctx, r, right, split, ctx.width, 2);
    }
    r++;
  }
  return r;
}

export function writeProjectFields(ctx: FormContext, row: number): number {
  const present = HEADER_PROJECT_FIELDS.filter((p) => ctx.template.fieldLabels[p] !== undefined);
  if (!hasFundingBlock(ctx)) return writeFieldPairs(ctx, row, present);
  // The national form gives the project name a row of its own, and its amounts a block.
  const [name, ...rest] = present;
  let r = row;
  if (name === 'project.name') {
    writeField(ctx, r, name, 1, ctx.width, 1);
    r++;
  }
  const others = (name === 'project.name' ? rest : present).filter((p) => !FUNDING_BLOCK_FIELDS.has(p));
  return writeFieldPairs(ctx, r, others);
}

export function writeAnnualGoal(ctx: FormContext, row: number): number {
  const heading = formWord(ctx.template, 'form.goalHeading');
  const expected = formWord(ctx.template, 'form.goalExpected');
  const actual = formWord(ctx.template, 'form.goalActual');
  if (heading === undefined || expected === undefined || actual === undefined) {
    if (ctx.template.fieldLabels.annualGoal === undefined) return row;
    writeField(ctx, row, 'annualGoal', 1, ctx.width, 1);
    return row + 1;
  }
  const split = 1 + Math.ceil((ctx.width - 1) / 2);
  put(ctx.ws, { top: row, left: 1, bottom: row + 1, right: 1 }, heading, { label: true });
  put(ctx.ws, across(row, 2, split), expected, { label: true });
  put(ctx.ws, across(row, split + 1, ctx.width), actual, { label: true });
  put(ctx.ws, across(row + 1, 2, split), ctx.evaluation?.annualGoal);
  put(ctx.ws, across(row + 1, split + 1, ctx.width), ctx.evaluation?.actualOutcome);
  return row + 2;
}
