/**
 * The whole form, top to bottom as printed: title, header grid, (national) funding table, goal,
 * indicator table with totals and grade, narratives. Editable when given `change`; the public
 * pages and frozen evaluations show the same layout read-only.
 */
import { useMemo } from 'react';
import { evaluate, type EvaluationReport } from '../../core/checks/run-checks.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import type { EvaluationRechecks, PreviousYear } from '../api/lineage-types.ts';
import { fromCore, indexByPath, type UiFinding } from '../form/findings.ts';
import { useI18n } from '../locale/i18n.tsx';
import { NOTHING_BESIDE, previousFigures, recheckBeside } from './beside.ts';
import { FormContext, type Change } from './form-context.tsx';
import { FundingTable } from './FundingTable.tsx';
import { GoalSection } from './GoalSection.tsx';
import { HeaderGrid } from './HeaderGrid.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { Narratives } from './Narratives.tsx';

interface Props {
  evaluation: Evaluation;
  template: Template;
  /** The evaluation's report where the page has it (the editor's, from `derive`); else computed here. */
  report?: EvaluationReport | undefined;
  /** Findings to place on the cells; by default the browser's own checks. */
  findings?: UiFinding[] | undefined;
  change?: Change | undefined;
  showFindings?: boolean;
  showSuggestions?: boolean;
  /** Last year's evaluation (shown when `showPrevious`) and the re-check scores, beside this year's figures. */
  beside?: { previousYear?: PreviousYear | null; showPrevious?: boolean; rechecks?: EvaluationRechecks | null } | undefined;
}

export function FormView({ evaluation, template, report: given, findings, change, showFindings = true, showSuggestions = true, beside: besideSources }: Props) {
  const { label, explain } = useI18n();
  const report = useMemo(() => given ?? evaluate(evaluation, template), [given, evaluation, template]);
  const shown = useMemo(
    () => (showFindings ? (findings ?? fromCore(report.findings, (f) => explain(f.message))) : []),
    [showFindings, findings, report, explain],
  );
  const lastYear = besideSources?.showPrevious ? (besideSources.previousYear?.previous ?? null) : null;
  const rechecks = besideSources?.rechecks ?? null;
  const beside = useMemo(
    () => (lastYear === null && rechecks === null ? NOTHING_BESIDE : {
      previousYear: lastYear?.year ?? null,
      previous: lastYear ? previousFigures(evaluation.indicators, lastYear) : null,
      recheck: recheckBeside(rechecks),
    }),
    [lastYear, rechecks, evaluation.indicators],
  );
  const state = useMemo(() => ({ evaluation, template, computed: report.computed, findings: indexByPath(shown), change, showSuggestions, beside }), [evaluation, template, report, shown, change, showSuggestions, beside]);
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
