/**
 * The national form's funding table (项目资金): rows 年度资金总额 / 其中：当年财政拨款 / 上年结转资金
 * / 其他资金 under the columns 年初预算数 全年预算数 全年执行数 分值 执行率 得分. The first row
 * also gives the project's budget, execution and the execution score.
 */
import type { FundingRow } from '../../core/model/evaluation.ts';
import type { ClassifiedLine } from './classify-lines.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { fieldWord } from './diagnostics.ts';
import { readAmount, readPoints, readRate, valueOf } from '../../core/values/read-value.ts';
import type { LabelCatalog } from './form-labels.ts';
import { lineLocation } from '../diagnostics.ts';

export interface Funding {
  rows: FundingRow[];
  /** project.* and execution.* values from the first row. */
  values: Record<string, string | number>;
  locations: Record<string, string>;
}

const AMOUNT_COLUMNS = ['initial', 'adjusted', 'executed'] as const;
const FIRST_ROW_FIELDS: Record<string, string> = {
  initial: 'project.budgetInitial',
  adjusted: 'project.budgetCurrentYear',
  executed: 'project.executed',
  rate: 'project.executionRate',
};
/** Cells left empty print as a dash or a slash. */
const EMPTY_CELL = /^[—–\-/／]+$/u;

export function readFunding(lines: readonly ClassifiedLine[], catalog: LabelCatalog, unit: '元' | '万元', rep: DiagnosticSink): Funding | null {
  const header = lines.find((l) => l.is.kind === 'fundingHeader');
  const columns = header?.is.kind === 'fundingHeader' ? header.is.columns : [...new Set(catalog.fundingColumns.values())];
  const funding: Funding = { rows: [], values: {}, locations: {} };
  for (const line of lines) {
    if (line.is.kind !== 'fundingRow') continue;
    const i = funding.rows.length;
    const cells = new Map(line.is.values.filter((v) => !EMPTY_CELL.test(v)).map((v, n) => [columns[n] ?? '', v] as const));
    const row: FundingRow = { source: line.is.source };
    for (const column of AMOUNT_COLUMNS) {
      const raw = cells.get(column);
      if (raw === undefined) continue;
      const read = readAmount(raw, unit);
      if (!read.ok) {
        rep.add('warning', 'UNREADABLE_VALUE', 'text.valueUnreadable', { field: fieldWord(catalog.template, `funding[].${column}`), value: raw }, { line: line.no, path: `funding[${i}].${column}` });
        continue;
      }
      const amount = read.value.yuan;
      row[column] = amount;
      funding.locations[`funding[${i}].${column}`] = lineLocation(line.no);
      if (i === 0) firstRowValue(funding, FIRST_ROW_FIELDS[column]!, amount, line.no);
    }
    if (i === 0) readExecution(funding, cells, line.no);
    // A row of dashes (上年结转资金 — —) has nothing to keep.
    if (Object.keys(row).length > 1 || i === 0) funding.rows.push(row);
  }
  return funding.rows.length > 0 ? funding : null;
}

function firstRowValue(funding: Funding, path: string, value: string | number, line: number): void {
  funding.values[path] = value;
  funding.locations[path] = lineLocation(line);
}

function readExecution(funding: Funding, cells: ReadonlyMap<string, string>, line: number): void {
  const rate = valueOf(readRate(cells.get('rate') ?? ''));
  if (rate !== undefined) firstRowValue(funding, FIRST_ROW_FIELDS.rate!, rate, line);
  for (const part of ['weight', 'score'] as const) {
    const value = valueOf(readPoints(cells.get(part) ?? ''));
    if (value !== undefined) firstRowValue(funding, `execution.${part}`, value, line);
  }
}
