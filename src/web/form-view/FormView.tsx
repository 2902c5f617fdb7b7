/**
 * The whole form, top to bottom as printed: title, header grid, (national) funding table, goal,
 * indicator table with totals and grade, narratives. Editable when given `change`; the public
 * pages and frozen evaluations show the same layout read-only.
 */
import { useMemo } from 'react';
import { evaluate } from '../../core/checks/run-checks.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { fromCore, indexByPath, type UiFinding } from '../form/findings.ts';
import { useI18n } from '../locale/i18n.tsx';
import { FormContext, type Change } from './form-context.tsx';
import { FundingTable } from './FundingTable.tsx';
import { GoalSection } from './GoalSection.tsx';
import { HeaderGrid } from './HeaderGrid.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { Narratives } from './Narratives.tsx';

interface Props {
  evaluation: Evaluation;
  template: Template;
  /** Findings to place on the cells; by default the browser's own checks. */
  findings?: UiFinding[] | undefined;
  change?: Change | undefined;
  showFindings?: boolean;
  showSuggestions?: boolean;
}

export function FormView({ evaluation, template, findings, change, showFindings = true, showSuggestions = true }: Props) {
  const { label, explain } = useI18n();
  const report = useMemo(() => evaluate(evaluation, template), [evaluation, template]);
  const shown = useMemo(
    () => (showFindings ? (findings ?? fromCore(report.findings, (f) => explain(f.message))) : []),
    [showFindings, findings, report, explain],
  );
  const state = useMemo(() => ({ evaluation, template, computed: report.computed, findings: indexByPath(shown), change, showSuggestions }), [evaluation, template, report, shown, change, showSuggestions]);
  const title = label(template.title).replace('{year}', String(evaluation.year));
  const subtitle = template.fieldLabels['form.subtitle'];
  return (
    <FormContext.Provider value={state}>
      <div className="paper" data-testid="evaluation-form" data-template={template.id}>
        <h2 className="form-title">{title}</h2>
        {subtitle && <div className="form-subtitle">{label(subtitle).replace('{year}', String(evaluation.year))}</div>}
        <HeaderGrid />
        <FundingTable />
        <GoalSection />
        <IndicatorTable />
        <Narratives />
      </div>
    </FormContext.Provider>
  );
}
