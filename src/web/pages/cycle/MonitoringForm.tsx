/**
 * The monitoring as the national 项目支出绩效目标执行监控表 prints it: the project, 监控截止日期, the
 * funding rows (年初预算数, 1—7月执行数, 1—7月执行率, 全年预计执行数), 全年目标 beside 1—7月执行情况,
 * then per indicator: the approved 年度指标值, 1—7月执行情况, 全年预计完成情况, 偏差原因分析 (the
 * five causes as boxes to tick), 完成目标可能性 and 备注. The indicators' words and targets are the
 * approved ones (shown, not edited here); the month in the titles is the as-of date's.
 */
import { Checkbox } from 'antd';
import { DEVIATION_CAUSES, LIKELIHOODS, type Monitoring, type MonitoringIndicator } from '../../../core/model/monitoring.ts';
import { fenOf, hundredthsText, mulDivRound } from '../../../core/numbers/hundredths.ts';
import { categoryLabel } from '../../../core/templates/labels.ts';
import type { Template } from '../../../core/templates/template.ts';
import { indexByPath, worst, type UiFinding } from '../../form/findings.ts';
import { formatRate } from '../../format/numbers.ts';
import { AmountCell, ChoiceCell, TextCell } from '../../form-view/cells.tsx';
import { FindingLines } from '../../form-view/FindingMark.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { DateCell, HeadColumns, HeadField, IndicatorGrid, patchAt, rowFindings, useLayoutWords, type Layout } from './cycle-form.tsx';

interface Props {
  monitoring: Monitoring;
  template: Template;
  layout: Layout;
  findings: UiFinding[];
  change: ((update: (m: Monitoring) => Monitoring) => void) | undefined;
}

/** executed ÷ budget in percent with 2 decimals (exact, in fen); blank without a budget above zero. */
function rate(executed: string | undefined, budget: string | undefined): string {
  const [e, b] = [fenOf(executed), fenOf(budget)];
  return e === null || b === null || b <= 0 ? '' : formatRate(hundredthsText(mulDivRound(e, 10_000, b)));
}

type Amounts = 'budget' | 'executedToDate' | 'expectedYearEnd';

export function MonitoringForm({ monitoring, template, layout, findings, change }: Props) {
  const { t, label, word } = useI18n();
  const month = Number(monitoring.asOf.slice(5, 7)) || undefined;
  const words = useLayoutWords(layout, { year: monitoring.year, ...(month ? { month } : {}) });
  const byPath = indexByPath(findings);
  const edit = change;
  const setProject = (key: 'name' | 'budgetUnit' | 'department') => (edit ? (v: string) => edit((d) => ({ ...d, project: { ...d.project, [key]: v } })) : undefined);
  const funding = monitoring.funding ?? [];
  // Without funding rows the project states its own budget and spending (one line, the project's fields).
  const lines: Array<{ source: string; at: (field: Amounts) => string; value: (field: Amounts) => string | undefined; set: (field: Amounts, v: string) => void }> = funding.length > 0
    ? funding.map((row, i) => ({
        source: row.source,
        at: (field) => `funding[${i}].${field}`,
        value: (field) => row[field],
        set: (field, v) => edit?.((d) => ({ ...d, funding: patchAt(d.funding ?? [], i, { [field]: v }) })),
      }))
    : [{
        source: words.field('form.funding.total'),
        at: (field) => `project.${field === 'budget' ? 'budgetCurrentYear' : field}`,
        value: (field) => (field === 'budget' ? monitoring.project.budgetCurrentYear : monitoring.project[field]),
        set: (field, v) => edit?.((d) => ({ ...d, project: { ...d.project, [field === 'budget' ? 'budgetCurrentYear' : field]: v } })),
      }];
  const columns = layout.columns.map((c) => c.field);
  const indicators = monitoring.indicators;
  const cellLabel = (i: number, field: string) => t('cycle.rowLabel', { row: i + 1, name: indicators[i]?.name ?? '', field: words.column(field) });
  const setIndicator = (i: number) => (patch: Partial<MonitoringIndicator>) => edit?.((d) => ({ ...d, indicators: patchAt(d.indicators, i, patch) }));
  const likelihoods = LIKELIHOODS.map((l) => ({ value: l, label: word(`likelihood.${l}`) }));
  const amountCell = (line: (typeof lines)[number], field: Amounts, n: number) => (
    <td className="form-value">
      <AmountCell value={line.value(field)} onChange={edit ? (v) => line.set(field, v ?? '') : undefined} findings={byPath.get(line.at(field))} testId={`funding-${n}-${field}`} path={line.at(field)} label={`${line.source} ${words.field(`funding[].${field}`)}`} />
      <FindingLines findings={byPath.get(line.at(field))} />
    </td>
  );
  return (
    <div className="paper cycle-paper" data-testid="monitoring-form" data-template={template.id}>
      <h2 className="form-title">{words.title}</h2>
      <div className="form-subtitle">{words.field('form.subtitle', `（${monitoring.year}）`)}</div>
      <table className="form-grid cycle-head">
        <HeadColumns />
        <tbody>
          <tr>
            <HeadField label={words.field('project.name')} path="project.name" value={monitoring.project.name} onChange={setProject('name')} findings={byPath} colSpan={3} />
          </tr>
          <tr>
            <HeadField label={words.field('project.budgetUnit')} path="project.budgetUnit" value={monitoring.project.budgetUnit} onChange={setProject('budgetUnit')} findings={byPath} />
            <HeadField label={words.field('project.department')} path="project.department" value={monitoring.project.department} onChange={setProject('department')} findings={byPath} />
          </tr>
          <tr>
            <th className="form-label">{words.field('asOf')}</th>
            <td className="form-value" colSpan={3}>
              <DateCell value={monitoring.asOf} onChange={edit ? (v) => edit((d) => ({ ...d, asOf: v })) : undefined} findings={byPath.get('asOf')} testId="field-asOf" path="asOf" label={words.field('asOf')} />
            </td>
          </tr>
        </tbody>
      </table>
      <table className="form-grid cycle-funding" data-testid="monitoring-funding">
        <colgroup>
          <col className="funding-source" />
          <col span={4} />
        </colgroup>
        <thead>
          <tr>
            <th>{words.field('form.fundingHeading').replace('{unit}', t('form.yuan'))}</th>
            <th>{words.field('funding[].budget')}</th>
            <th>{words.field('funding[].executedToDate')}</th>
            <th>{words.field('funding[].rate')}</th>
            <th>{words.field('funding[].expectedYearEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, n) => (
            <tr key={n} data-testid="funding-row">
              <th className="form-label">{line.source}</th>
              {amountCell(line, 'budget', n)}
              {amountCell(line, 'executedToDate', n)}
              <td className="form-value computed"><span className="cell-number" data-testid={`funding-${n}-rate`}>{rate(line.value('executedToDate'), line.value('budget'))}</span></td>
              {amountCell(line, 'expectedYearEnd', n)}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="form-grid cycle-goal">
        <thead>
          <tr>
            <th>{words.field('form.goalExpected', words.field('annualGoal'))}</th>
            <th>{words.field('progressSummary')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="form-value form-narrative">
              <TextCell multiline value={monitoring.annualGoal} onChange={edit ? (v) => edit((d) => ({ ...d, annualGoal: v ?? '' })) : undefined} findings={byPath.get('annualGoal')} testId="field-annualGoal" path="annualGoal" label={words.field('annualGoal')} />
            </td>
            <td className="form-value form-narrative">
              <TextCell multiline value={monitoring.progressSummary} onChange={edit ? (v) => edit((d) => ({ ...d, progressSummary: v ?? '' })) : undefined} findings={byPath.get('progressSummary')} testId="field-progressSummary" path="progressSummary" label={words.field('progressSummary')} />
            </td>
          </tr>
        </tbody>
      </table>
      <IndicatorGrid
        kind="monitoring"
        className="monitoring-indicators"
        columns={columns}
        column={words.column}
        inTitle={['category', 'subcategory', 'name']}
        rows={indicators.map((ind, i) => {
          const set = setIndicator(i);
          const at = (field: string) => byPath.get(`indicators[${i}].${field}`);
          const path = (field: string) => `indicators[${i}].${field}`;
          return {
            key: ind.id ?? String(i),
            id: ind.id,
            title: ind.name,
            subtitle: [label(categoryLabel(template, ind.category)), ind.subcategory].filter(Boolean).join(' · '),
            findings: rowFindings(findings, i),
            cells: {
              category: <span className="cell-text">{label(categoryLabel(template, ind.category))}</span>,
              subcategory: <span className="cell-text">{ind.subcategory}</span>,
              name: <span className="cell-text">{ind.name}</span>,
              target: <span className="cell-text" data-testid={`indicator-target-${i}`}>{ind.target}</span>,
              progress: <TextCell multiline value={ind.progress} onChange={edit ? (v) => set({ progress: v ?? '' }) : undefined} findings={at('progress')} testId={`indicator-progress-${i}`} path={path('progress')} label={cellLabel(i, 'progress')} />,
              expectedYearEnd: <TextCell multiline value={ind.expectedYearEnd} onChange={edit ? (v) => set({ expectedYearEnd: v ?? '' }) : undefined} findings={at('expectedYearEnd')} testId={`indicator-expected-${i}`} path={path('expectedYearEnd')} label={cellLabel(i, 'expectedYearEnd')} />,
              deviationCauses: (
                <div className={`cause-boxes${worst(at('deviationCauses')) ? ` cause-boxes-${worst(at('deviationCauses'))}` : ''}`} data-path={path('deviationCauses')} role="group" aria-label={cellLabel(i, 'deviationCauses')} data-testid={`indicator-causes-${i}`}>
                  {edit
                    ? <Checkbox.Group value={ind.deviationCauses} onChange={(v) => set({ deviationCauses: DEVIATION_CAUSES.filter((c) => v.includes(c)) })} options={DEVIATION_CAUSES.map((c) => ({ value: c, label: word(`cause.${c}`) }))} />
                    : <span className="cell-text">{ind.deviationCauses.map((c) => word(`cause.${c}`)).join('、') || t('cycle.causesNone')}</span>}
                </div>
              ),
              likelihood: <ChoiceCell value={ind.likelihood} options={likelihoods} onChange={edit ? (v) => v && set({ likelihood: v }) : undefined} findings={at('likelihood')} testId={`indicator-likelihood-${i}`} path={path('likelihood')} label={cellLabel(i, 'likelihood')} />,
              remark: <TextCell multiline value={ind.remark} onChange={edit ? (v) => set({ remark: v }) : undefined} findings={at('remark')} testId={`indicator-remark-${i}`} path={path('remark')} label={cellLabel(i, 'remark')} />,
            },
          };
        })}
      />
    </div>
  );
}
