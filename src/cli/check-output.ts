/** The `jixiao check` report: the JSON shape of the issue, and the readable text. */
import { evaluate, type EvaluationReport } from '../core/checks/run-checks.ts';
import type { Finding } from '../core/checks/finding.ts';
import { computedJson, findingJson } from '../core/checks/report-json.ts';
import { format, render, type Lang } from '../core/locale/messages.ts';
import { blockLabel } from '../core/templates/labels.ts';
import type { Targets } from '../core/model/targets.ts';
import type { LoadedEvaluation } from './load-evaluations.ts';
import { matchTargets, type TargetsMatch } from './match-targets.ts';

export interface CheckedEvaluation extends LoadedEvaluation {
  report: EvaluationReport;
  /** With `--targets`: the approved targets it was checked against (their index in the file), or why none. */
  targets?: TargetsMatch;
}

/** Each evaluation's checks; with approved targets, against those of its project (match-targets.ts). */
export function checkAll(loaded: readonly LoadedEvaluation[], approved?: readonly Targets[]): CheckedEvaluation[] {
  return loaded.map((item) => {
    if (!approved) return { ...item, report: evaluate(item.evaluation, item.template) };
    const targets = matchTargets(item.evaluation, approved);
    return { ...item, targets, report: evaluate(item.evaluation, item.template, targets.index === null ? undefined : approved[targets.index]) };
  });
}

export function toJson(checked: readonly CheckedEvaluation[], lang: Lang) {
  return {
    evaluations: checked.map(({ evaluation, targets, report: { computed, findings } }) => ({
      project: evaluation.project.name,
      template: evaluation.template,
      year: evaluation.year,
      computed: computedJson(computed, lang),
      ...(targets ? { targets: targets.index === null ? { index: null, reason: targets.reason, candidates: targets.candidates } : { index: targets.index } } : {}),
      findings: findings.map((f) => findingJson(f, lang)),
    })),
  };
}

export function counts(findings: readonly Finding[]) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

export function toText(checked: readonly CheckedEvaluation[], lang: Lang, explain: boolean): string {
  const out: string[] = [];
  checked.forEach(({ evaluation, template, targets, report: { computed, findings } }, index) => {
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
    if (targets) out.push(`  ${targetsLine(targets, lang)}`);
    out.push(...findingLines(findings, lang), '');
  });
  out.push(summaryLine(checked.map((c) => c.report.findings), lang));
  return out.join('\n');
}

function targetsLine(targets: TargetsMatch, lang: Lang): string {
  if (targets.index !== null) return format('report.targetsMatched', { index: targets.index }, lang);
  return format(`report.targets.${targets.reason}`, { candidates: targets.candidates.map((i) => `targets[${i}]`).join(', ') }, lang);
}

/** A document's findings, one a line, and their count. */
export function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const lines = findings.map((f) => `  ${format(`severity.${f.severity}`, {}, lang)} ${f.code} ${f.path}: ${render(f.message, lang)}`);
  return [...lines, `  ${findings.length === 0 ? format('report.noFindings', {}, lang) : format('report.findingsCount', counts(findings), lang)}`];
}

export function summaryLine(findings: readonly (readonly Finding[])[], lang: Lang): string {
  return format('report.summary', { forms: findings.length, ...counts(findings.flat()) }, lang);
}
