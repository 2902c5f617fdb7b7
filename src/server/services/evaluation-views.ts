/** The answers about evaluations as docs/api.md shapes them (Summary, the full view, audit entries). */
import { findingJson, computedJson } from '../../core/checks/report-json.ts';
import type { EvaluationReport } from '../../core/checks/run-checks.ts';
import type { Lang } from '../../core/locale/messages.ts';
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
  return { id: stored.id, unit: stored.unit, evaluation: stored.document, computed: computedJson(report.computed, lang) };
}
