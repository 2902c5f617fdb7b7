/**
 * The national form's 项目资金（万元）block: a heading over five rows, the column titles 年初预算数 |
 * 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, and the rows 年度资金总额 / 其中：当年财政拨款 /
 * 上年结转资金 / 其他资金. The first row holds the project's amounts and the execution score; the
 * others the evaluation's funding rows whose source names them. Amounts in the printed unit.
 */
import type { FundingRow } from '../../core/model/evaluation.ts';
import type { FormContext } from './form-context.ts';
import { cellOver, columnEdges, type Cell, type Row } from './form-table.ts';
import { money, percent, pointsText } from './form-values.ts';
import { fieldWord, layoutWord } from './form-words.ts';
import { FUNDING_COLUMN_WEIGHTS, TABLE_WIDTH } from './page-layout.ts';

const SOURCE_ROWS = ['form.funding.total', 'form.funding.appropriation', 'form.funding.carryOver', 'form.funding.other'] as const;
const AMOUNT_COLUMNS = ['funding[].initial', 'funding[].adjusted', 'funding[].executed'] as const;
const EXECUTION_COLUMNS = ['form.funding.weight', 'form.funding.rate', 'form.funding.score'] as const;

const EDGES = columnEdges(FUNDING_COLUMN_WEIGHTS, TABLE_WIDTH);

/** 其中：当年财政拨款 and 当年财政拨款 name the same source. */
function sourceKey(text: string): string {
  return text.replace(/^\s*(其中[：:]|of which:)\s*/iu, '').replace(/\s+/gu, '').toLowerCase();
}

function matchingRow(ctx: FormContext, key: string, funding: readonly FundingRow[]): { row: FundingRow; index: number } | undefined {
  const label = ctx.template.fieldLabels[key];
  if (label === undefined) return undefined;
  const names = new Set([label.zh, label.en].map(sourceKey));
  const index = funding.findIndex((f) => names.has(sourceKey(f.source)));
  return index < 0 ? undefined : { row: funding[index]!, index };
}

export function fundingRows(ctx: FormContext): Row[] {
  const heading: Cell = cellOver(EDGES, 0, 1, {
    text: layoutWord(ctx.words, 'form.fundingHeading', { unit: ctx.unit }) ?? '',
    align: 'center',
    mergeKey: 'funding',
    source: 'form.fundingHeading',
  });
  const titles = [...AMOUNT_COLUMNS.map((key) => fieldWord(ctx.words, key)), ...EXECUTION_COLUMNS.map((key) => layoutWord(ctx.words, key) ?? '')];
  const titleRow: Row = {
    cells: [
      heading,
      cellOver(EDGES, 1, 2, { text: '', align: 'center', source: 'funding' }),
      ...titles.map((text, i) => cellOver(EDGES, i + 2, i + 3, { text, align: 'center', source: [...AMOUNT_COLUMNS, ...EXECUTION_COLUMNS][i]! })),
    ],
  };
  const funding = ctx.evaluation.funding ?? [];
  const rows = SOURCE_ROWS.map((key, i): Row => {
    const match = matchingRow(ctx, key, funding);
    const amounts = i === 0 ? projectAmounts(ctx, match) : rowAmounts(ctx, match);
    return { cells: [heading, cellOver(EDGES, 1, 2, { text: layoutWord(ctx.words, key) ?? '', align: 'left', source: key }), ...amounts, ...executionCells(ctx, i === 0)] };
  });
  return [titleRow, ...rows];
}

function amountCell(column: number, amount: string | undefined, unit: FormContext['unit'], source: string): Cell {
  return cellOver(EDGES, column, column + 1, { text: money(amount, unit), align: 'right', source });
}

/** 年度资金总额: the project's own amounts, else the funding row of that name. */
function projectAmounts(ctx: FormContext, match: { row: FundingRow; index: number } | undefined): Cell[] {
  const p = ctx.evaluation.project;
  const at = (field: 'initial' | 'adjusted' | 'executed') => (match ? `funding[${match.index}].${field}` : 'project');
  return [
    amountCell(2, p.budgetInitial ?? match?.row.initial, ctx.unit, p.budgetInitial !== undefined ? 'project.budgetInitial' : at('initial')),
    amountCell(3, p.budgetCurrentYear ?? match?.row.adjusted, ctx.unit, p.budgetCurrentYear !== undefined ? 'project.budgetCurrentYear' : at('adjusted')),
    amountCell(4, p.executed ?? match?.row.executed, ctx.unit, p.executed !== undefined ? 'project.executed' : at('executed')),
  ];
}

function rowAmounts(ctx: FormContext, match: { row: FundingRow; index: number } | undefined): Cell[] {
  const at = (field: string) => (match ? `funding[${match.index}].${field}` : 'funding');
  return [
    amountCell(2, match?.row.initial, ctx.unit, at('initial')),
    amountCell(3, match?.row.adjusted, ctx.unit, at('adjusted')),
    amountCell(4, match?.row.executed, ctx.unit, at('executed')),
  ];
}

/** 分值 | 执行率 | 得分: filled on the first row only; the other rows keep empty bordered cells. */
function executionCells(ctx: FormContext, first: boolean): Cell[] {
  const template = ctx.template.execution;
  const weight = ctx.evaluation.execution?.weight ?? (template.scored ? template.weight : undefined);
  const values = first
    ? [pointsText(weight), percent(ctx.evaluation.project.executionRate ?? ctx.computed.executionRate), pointsText(ctx.evaluation.execution?.score ?? ctx.computed.executionScore)]
    : ['', '', ''];
  const sources = ['execution.weight', 'project.executionRate', 'execution.score'];
  return values.map((text, i) => cellOver(EDGES, 5 + i, 6 + i, { text, align: 'right', source: sources[i]! }));
}
