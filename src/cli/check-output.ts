/** The `jixiao check` report: the JSON shape of the issue, and the readable text. */
import { evaluate, type EvaluationReport } from '../core/checks/run-checks.ts';
import type { Finding } from '../core/checks/finding.ts';
import { computedJson, findingJson } from '../core/checks/report-json.ts';
import { format, render, type Lang } from '../core/locale/messages.ts';
import { blockLabel } from '../core/templates/labels.ts';
import type { LoadedEvaluation } from './load-evaluations.ts';

export interface CheckedEvaluation extends LoadedEvaluation {
  report: EvaluationReport;
}

export function checkAll(loaded: readonly LoadedEvaluation[]): CheckedEvaluation[] {
  return loaded.map((item) => ({ ...item, report: evaluate(item.evaluation, item.template) }));
}

export function toJson(checked: readonly CheckedEvaluation[], lang: Lang) {
  return {
    evaluations: checked.map(({ evaluation, report: { computed, findings } }) => ({
      project: evaluation.project.name,
      template: evaluation.template,
      year: evaluation.year,
      computed: computedJson(computed, lang),
      findings: findings.map((f) => findingJson(f, lang)),
    })),
  };
}

function counts(findings: readonly Finding[]) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

export function toText(checked: readonly CheckedEvaluation[], lang: Lang, explain: boolean): string {
  const out: string[] = [];
  checked.forEach(({ evaluation, template, report: { computed, findings } }, index) => {
    const say = (key: string, params: Parameters<typeof format>[1]) => format(key, params, lang);
    out.push(say('report.form', {
      index: index + 1,
      project: evaluation.project.name,
      unit: evaluation.project.budgetUnit ?? say('report.none', {}),
      year: evaluation.year,
      template: template.id,
    }));
    out.push(`  ${say('report.totals', {
      weight: computed.weight,
      score: computed.score,
      grade: computed.grade.label,
      rate: computed.executionRate === null ? say('report.none', {}) : `${computed.executionRate}%`,
    })}`);
    if (computed.executionScore !== null) {
      out.push(`  ${say('report.executionScore', { score: computed.executionScore, weight: computed.executionWeight })}`);
    }
    for (const b of computed.blocks) {
      out.push(`  ${say('report.block', { block: blockLabel(template, b.categories), weight: b.weight, cap: b.cap, score: b.score })}`);
    }
    if (explain) {
      computed.suggestions.forEach((s, i) => {
        out.push(`  ${say('report.suggestion', { index: i + 1, name: evaluation.indicators[i]!.name, working: render(s.working, lang) })}`);
      });
    }
    for (const f of findings) {
      out.push(`  ${say(`severity.${f.severity}`, {})} ${f.code} ${f.path}: ${render(f.message, lang)}`);
    }
    out.push(`  ${findings.length === 0 ? say('report.noFindings', {}) : say('report.findingsCount', counts(findings))}`, '');
  });
  const all = checked.flatMap((c) => c.report.findings);
  out.push(format('report.summary', { forms: checked.length, ...counts(all) }, lang));
  return out.join('\n');
}
