/**
 * The bottom of the form: 自评时间 | … | 绩效等级 | … where the template has those fields, the
 * narratives (主要绩效, 主要问题, 改进措施) the template names, and the 说明 notes. The national
 * form ends with 总分 and 绩效等级.
 */
import type { FormContext } from './form-context.ts';
import { pairRows, wideFieldRow, type FieldValue } from './field-rows.ts';
import type { Row, TextBlock } from './form-table.ts';
import { formDate } from './form-values.ts';
import { fieldWord, layoutWord, hasLabel } from './form-words.ts';
import { FONT_SIZE } from './page-layout.ts';

export function closingRows(ctx: FormContext): Row[] {
  const rows: Row[] = [];
  // 自评时间 and 绩效等级 where the template has them (the national form: 绩效等级 only), as the spreadsheet form does.
  const fields: FieldValue[] = [];
  if (hasLabel(ctx.words, 'evaluatedOn')) {
    fields.push({ label: fieldWord(ctx.words, 'evaluatedOn'), labelSource: 'evaluatedOn', value: formDate(ctx.evaluation.evaluatedOn), source: 'evaluatedOn', align: 'center' });
  }
  if (hasLabel(ctx.words, 'grade')) {
    fields.push({ label: fieldWord(ctx.words, 'grade'), labelSource: 'grade', value: ctx.evaluation.grade ?? '', source: 'grade', align: 'center' });
  }
  if (fields.length > 0) rows.push(...pairRows(fields));
  for (const narrative of ctx.template.narratives) {
    const field = { label: fieldWord(ctx.words, narrative), labelSource: narrative, value: ctx.evaluation[narrative] ?? '', source: narrative, align: 'left' as const };
    rows.push(wideFieldRow(field, true));
  }
  return rows;
}

/** The 说明 under the table, line by line as the template writes them. */
export function notesBlock(ctx: FormContext): TextBlock | undefined {
  const notes = layoutWord(ctx.words, 'form.notes');
  if (notes === undefined) return undefined;
  return { lines: notes.split('\n').map((text) => ({ text, source: 'form.notes' })), size: FONT_SIZE.notes, align: 'left' };
}
