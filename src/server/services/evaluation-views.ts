/** The answers about evaluations as docs/api.md shapes them (Summary, the full view, audit entries). */
import { findingJson, computedJson } from '../../core/checks/report-json.ts';
import type { EvaluationReport } from '../../core/checks/run-checks.ts';
import type { Lang } from '../../core/locale/messages.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { knownFieldsOnly } from '../../core/model/known-fields.ts';
import type { Action } from '../../core/workflow/workflow.ts';
import type { EvaluationRecord, StoredEvaluation } from '../../storage/repositories/evaluation-repository.ts';

export function summaryView(r: EvaluationRecord) {
  return {
    id: r.id,
    year: r.year,
    unit: r.unit,
    project: r.project,
    template: r.template,
    status: r.status,
    version: r.version,
    score: r.score,
    grade: r.grade,
    executionRate: r.executionRate,
    budget: r.budget,
    updatedAt: r.updatedAt,
  };
}

export type Summary = ReturnType<typeof summaryView>;

export function evaluationView(stored: StoredEvaluation, report: EvaluationReport, allowedActions: Action[], lang: Lang) {
  return {
    id: stored.id,
    version: stored.version,
    status: stored.status,
    unit: stored.unit,
    evaluation: stored.document,
    computed: computedJson(report.computed, lang),
    findings: report.findings.map((f) => findingJson(f, lang)),
    allowedActions,
    returnReason: stored.returnReason,
  };
}

export function publicEvaluationView(stored: StoredEvaluation, report: EvaluationReport, lang: Lang) {
  return { id: stored.id, unit: stored.unit, evaluation: printedDocument(stored), computed: computedJson(report.computed, lang) };
}

/**
 * The document as a form prints and publishes it: the fields of the form only (nothing a public
 * reader could be shown that the unit never saw in the editor), and as 预算单位 the name of the unit
 * the form belongs to — not whatever text the document carries there.
 */
export function printedDocument(stored: StoredEvaluation): Evaluation {
  const known = knownFieldsOnly(stored.document);
  return { ...known, project: { ...known.project, budgetUnit: stored.unit.name } };
}
