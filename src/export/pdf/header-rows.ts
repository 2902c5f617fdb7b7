/**
 * The top of the form: the title (with the year; the national form adds （2022年度）), the
 * project fields, and the annual goal — one row on the 自评价 form, 预期目标 | 实际完成情况 under
 * 年度总体目标 on the national form. Which of these a form has is read from its template.
 */
import { AMOUNT_FIELDS, FUNDING_BLOCK_FIELDS, HEADER_PROJECT_FIELDS } from '../../core/templates/form-fields.ts';
import { money, percent } from './form-values.ts';
import { fieldWord, hasLabel, layoutWord, titleWord, yesNoWord } from './form-words.ts';
import type { FormContext } from './form-context.ts';
import { pairRows, wideFieldRow, type FieldValue } from './field-rows.ts';
import type { Row, TextBlock } from './form-table.ts';
import { FIELD_GRID, FONT_SIZE, TABLE_WIDTH } from './page-layout.ts';



export function hasFundingBlock(ctx: FormContext): boolean {
  return hasLabel(ctx.words, 'form.fundingHeading');
}

export function titleBlocks(ctx: FormContext): TextBlock[] {
  const year = ctx.evaluation.year;
  const blocks: TextBlock[] = [
    { lines: [{ text: titleWord(ctx.words, year), source: 'title' }], size: FONT_SIZE.title, align: 'center', bold: true },
  ];
  const subtitle = layoutWord(ctx.words, 'form.subtitle', { year });
  if (subtitle !== undefined) blocks.push({ lines: [{ text: subtitle, source: 'form.subtitle' }], size: FONT_SIZE.subtitle, align: 'center' });
  return blocks;
}

/** A header field's printed value and alignment. */
export function projectField(ctx: FormContext, path: string): FieldValue {
  const project = ctx.evaluation.project;
  const key = path.replace(/^project\./u, '') as keyof typeof project;
  const raw = project[key];
  const base = { label: fieldWord(ctx.words, path), labelSource: path, source: path };
  // The Shanghai form prints its amounts in 元 whatever the evaluation says; only the funding block converts.
  if (AMOUNT_FIELDS.has(path)) return { ...base, value: money(raw as string | undefined), align: 'right' };
  if (path === 'project.executionRate') return { ...base, value: percent((raw as string | undefined) ?? ctx.computed.executionRate), align: 'right' };
  if (path === 'project.recurring') return { ...base, value: yesNoWord(ctx.words, raw as boolean | undefined), align: 'center' };
  return { ...base, value: typeof raw === 'string' ? raw : raw === undefined ? '' : String(raw), align: 'left' };
}

export function projectRows(ctx: FormContext): Row[] {
  const present = HEADER_PROJECT_FIELDS.filter((p) => hasLabel(ctx.words, p));
  if (!hasFundingBlock(ctx)) return pairRows(present.map((p) => projectField(ctx, p)));
  // The national form gives the project name a row of its own, and its amounts a block.
  const rows: Row[] = [];
  const rest = present.filter((p) => p !== 'project.name' && !FUNDING_BLOCK_FIELDS.has(p));
  if (present.includes('project.name')) rows.push(wideFieldRow(projectField(ctx, 'project.name')));
  return [...rows, ...pairRows(rest.map((p) => projectField(ctx, p)))];
}

/** 项目年度总目标 as one row, or the national 年度总体目标 block (预期目标 | 实际完成情况). */
export function annualGoalRows(ctx: FormContext): Row[] {
  const heading = layoutWord(ctx.words, 'form.goalHeading');
  const expected = layoutWord(ctx.words, 'form.goalExpected');
  const actual = layoutWord(ctx.words, 'form.goalActual');
  if (heading === undefined || expected === undefined || actual === undefined) {
    if (!hasLabel(ctx.words, 'annualGoal')) return [];
    const goal = { label: fieldWord(ctx.words, 'annualGoal'), labelSource: 'annualGoal', value: ctx.evaluation.annualGoal ?? '', source: 'annualGoal', align: 'left' as const };
    return [wideFieldRow(goal, true)];
  }
  const w = FIELD_GRID.labelWidth;
  const mid = w + (TABLE_WIDTH - w) / 2;
  const head = { x0: 0, x1: w, text: heading, align: 'center' as const, mergeKey: 'goal', source: 'form.goalHeading' };
  return [
    {
      cells: [
        head,
        { x0: w, x1: mid, text: expected, align: 'center', source: 'form.goalExpected' },
        { x0: mid, x1: TABLE_WIDTH, text: actual, align: 'center', source: 'form.goalActual' },
      ],
    },
    {
      cells: [
        head,
        { x0: w, x1: mid, text: ctx.evaluation.annualGoal ?? '', align: 'left', source: 'annualGoal' },
        { x0: mid, x1: TABLE_WIDTH, text: ctx.evaluation.actualOutcome ?? '', align: 'left', source: 'actualOutcome' },
      ],
      splittable: true,
    },
  ];
}
