/**
 * The national form's 项目资金 table: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, rows
 * 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金. The first row is the project's own amounts
 * (the rate and the execution score come from them), so editing it edits both.
 */
import type { Evaluation, FundingRow } from '../../core/model/evaluation.ts';
import { useI18n } from '../locale/i18n.tsx';
import { formatPoints, formatRate } from '../format/numbers.ts';
import { AmountCell } from './cells.tsx';
import { FindingLines, FindingMark } from './FindingMark.tsx';
import { useForm } from './form-context.tsx';

type Column = 'initial' | 'adjusted' | 'executed';
const PROJECT_FIELD = { initial: 'budgetInitial', adjusted: 'budgetCurrentYear', executed: 'executed' } as const;

function setAmount(e: Evaluation, row: number, column: Column, value: string | undefined): Evaluation {
  const funding = [...(e.funding ?? [])];
  funding[row] = { ...(funding[row] ?? { source: '' }), [column]: value };
  const project = row === 0 ? { ...e.project, [PROJECT_FIELD[column]]: value } : e.project;
  return { ...e, funding, project };
}

function amountOf(e: Evaluation, row: FundingRow | undefined, index: number, column: Column): string | undefined {
  return index === 0 ? (e.project[PROJECT_FIELD[column]] ?? row?.[column]) : row?.[column];
}

export function FundingTable() {
  const { evaluation, template, computed, findings, change } = useForm();
  const { label, t } = useI18n();
  const l = (key: string) => label(template.fieldLabels[key] ?? { zh: key, en: key });
  // Shown where the exports print it (src/export/xlsx/form-header.ts hasFundingBlock): a template added
  // as data that names no 项目资金 heading has its amounts in the header grid, in its words (issue 15).
  if (!template.fieldLabels['form.fundingHeading']) return null;
  const rows = evaluation.funding?.length ? evaluation.funding : [{ source: template.fieldLabels['form.funding.total']?.zh ?? '' }];
  // The editor shows and takes amounts as stored, in 元, even where the printed form uses 万元.
  const unit = t('form.yuan');
  const rateFindings = findings.get('project.executionRate');
  const scoreFindings = findings.get('execution.score');
  return (
    <table className="form-grid form-funding" data-testid="funding-table">
      <thead>
        <tr>
          <th className="form-label">{l('form.fundingHeading').replace('{unit}', unit)}</th>
          <th>{l('funding[].initial')}</th>
          <th>{l('funding[].adjusted')}</th>
          <th>{l('funding[].executed')}</th>
          <th>{l('form.funding.weight')}</th>
          <th>{l('form.funding.rate')}</th>
          <th>{l('form.funding.score')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <th className="form-label">{row.source}</th>
            {(['initial', 'adjusted', 'executed'] as const).map((column) => (
              <td key={column} className="form-value">
                <AmountCell
                  value={amountOf(evaluation, row, i, column)}
                  onChange={change ? (v) => change((e) => setAmount(e, i, column, v)) : undefined}
                  findings={findings.get(i === 0 ? `project.${PROJECT_FIELD[column]}` : `funding[${i}].${column}`)}
                  testId={`funding-${i}-${column}`}
                  label={`${row.source} ${l(`funding[].${column}`)}`}
                  path={i === 0 ? `project.${PROJECT_FIELD[column]}` : `funding[${i}].${column}`}
                />
                <FindingLines findings={findings.get(`funding[${i}].${column}`)} />
              </td>
            ))}
            {i === 0 ? (
              <>
                <td className="cell-number">{formatPoints(computed.executionWeight)}</td>
                <td className="cell-number computed" data-testid="execution-rate">
                  {formatRate(computed.executionRate)} <FindingMark findings={rateFindings} />
                </td>
                <td className="cell-number computed" data-testid="execution-score">
                  {formatPoints(computed.executionScore)} <FindingMark findings={scoreFindings} />
                </td>
              </>
            ) : (
              <td colSpan={3} className="cell-blank" />
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
