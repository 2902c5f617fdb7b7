/**
 * The national form's 项目资金 block: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over
 * the rows 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金; 分值, 执行率 and 得分 only on
 * the first row. The first row shows the project's amounts; the others the evaluation's funding rows.
 */
import type { FundingRow } from '../../core/model/evaluation.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import type { FormContext } from './form-context.ts';
import { amountCell, amountFormat, rateCell } from './form-values.ts';
import { formWord } from './form-words.ts';
import { across, put, RATE_FORMAT, single, type Range } from './sheet-cells.ts';

/** Layout keys of the standard rows, first the total. */
const STANDARD_ROWS = ['form.funding.total', 'form.funding.appropriation', 'form.funding.carryOver', 'form.funding.other'];
const AMOUNT_COLUMNS = ['funding[].initial', 'funding[].adjusted', 'funding[].executed'] as const;
const EXECUTION_COLUMNS = ['form.funding.weight', 'form.funding.rate', 'form.funding.score'] as const;
/** Column of the row captions; amounts follow it. */
const SOURCE_COL = 2;

interface BlockRow {
  source: string;
  amounts: [string | undefined, string | undefined, string | undefined];
}

/** The standard rows in form order, each filled from the evaluation's row of that source; other rows after them. */
function blockRows(ctx: FormContext): BlockRow[] {
  const funding: FundingRow[] = ctx.evaluation?.funding ?? [];
  const standard = STANDARD_ROWS.map((key) => formWord(ctx.template, key)).filter((w): w is string => w !== undefined);
  const used = new Set<FundingRow>();
  const rows = standard.map((word, i): BlockRow => {
    const match = funding.find((f) => !used.has(f) && normalizeText(f.source) === normalizeText(word));
    if (match) used.add(match);
    if (i === 0) {
      const p = ctx.evaluation?.project;
      return { source: match?.source ?? word, amounts: [p?.budgetInitial, p?.budgetCurrentYear, p?.executed] };
    }
    return { source: match?.source ?? word, amounts: [match?.initial, match?.adjusted, match?.executed] };
  });
  const others = funding.filter((f) => !used.has(f) && rows.length > 0);
  return [...rows, ...others.map((f): BlockRow => ({ source: f.source, amounts: [f.initial, f.adjusted, f.executed] }))];
}

function writeExecutionCells(ctx: FormContext, row: number): void {
  const col = SOURCE_COL + AMOUNT_COLUMNS.length + 1;
  const scored = ctx.template.execution.scored ? ctx.template.execution.weight : undefined;
  const weight = ctx.evaluation ? ctx.evaluation.execution?.weight : scored;
  put(ctx.ws, single(row, col), weight);
  const rate = single(row, col + 1);
  put(ctx.ws, rate, rateCell(ctx.evaluation?.project.executionRate), { numFmt: RATE_FORMAT, align: 'right' });
  put(ctx.ws, single(row, col + 2), ctx.evaluation?.execution?.score);
  ctx.marks.rates.push(rate);
  ctx.marks.points.push(single(row, col), single(row, col + 2));
}

export function writeFundingBlock(ctx: FormContext, row: number): number {
  const heading = formWord(ctx.template, 'form.fundingHeading', { unit: ctx.unit });
  if (heading === undefined) return row;
  const rows = blockRows(ctx);
  put(ctx.ws, { top: row, left: 1, bottom: row + rows.length, right: 1 }, heading, { label: true });
  put(ctx.ws, single(row, SOURCE_COL), undefined);
  const titles = [...AMOUNT_COLUMNS, ...EXECUTION_COLUMNS].map((key) => formWord(ctx.template, key) ?? '');
  titles.forEach((title, i) => put(ctx.ws, single(row, SOURCE_COL + 1 + i), title, { label: true }));
  rows.forEach((blockRow, i) => {
    const r = row + 1 + i;
    put(ctx.ws, single(r, SOURCE_COL), blockRow.source, { label: true });
    blockRow.amounts.forEach((amount, j) => {
      const cell: Range = single(r, SOURCE_COL + 1 + j);
      put(ctx.ws, cell, amountCell(amount, ctx.unit), { numFmt: amountFormat(ctx.unit), align: 'right' });
      ctx.marks.amounts.push(cell);
    });
    if (i === 0) writeExecutionCells(ctx, r);
    else put(ctx.ws, across(r, SOURCE_COL + 4, ctx.width), undefined);
  });
  return row + 1 + rows.length;
}
