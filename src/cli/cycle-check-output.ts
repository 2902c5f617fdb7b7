/**
 * `jixiao check` of a targets or monitoring file: each document's findings (the monitoring
 * checks of PRODUCT.md, "The cycle"; a targets declaration's weights against its template, as the
 * server checks them), as text or in the JSON shape of the evaluations' report.
 */
import type { Finding } from '../core/checks/finding.ts';
import { checkMonitoring } from '../core/checks/monitoring.ts';
import { checkTargets } from '../core/checks/targets-document.ts';
import { findingJson } from '../core/checks/report-json.ts';
import { format, type Lang } from '../core/locale/messages.ts';
import { findingLines, summaryLine } from './check-output.ts';
import type { LoadedDocuments } from './load-documents.ts';

type CycleDocuments = Exclude<LoadedDocuments, { kind: 'evaluations' }>;

export interface CheckedDocument {
  project: { name: string; budgetUnit?: string | undefined };
  template: string;
  year: number;
  asOf?: string;
  findings: Finding[];
}

export function checkCycle(file: CycleDocuments): CheckedDocument[] {
  if (file.kind === 'targets') {
    return file.loaded.map(({ document, template }) => ({ project: document.project, template: document.template, year: document.year, findings: checkTargets(document, template) }));
  }
  return file.loaded.map(({ document, template }) => ({
    project: document.project, template: document.template, year: document.year, asOf: document.asOf, findings: checkMonitoring(document, template),
  }));
}

export function toCycleJson(kind: CycleDocuments['kind'], checked: readonly CheckedDocument[], lang: Lang) {
  return {
    [kind]: checked.map((c) => ({
      project: c.project.name,
      template: c.template,
      year: c.year,
      ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
      findings: c.findings.map((f) => findingJson(f, lang)),
    })),
  };
}

export function toCycleText(checked: readonly CheckedDocument[], lang: Lang): string {
  const out: string[] = [];
  checked.forEach((c, index) => {
    const unit = c.project.budgetUnit ?? format('report.none', {}, lang);
    out.push(format('report.form', { index: index + 1, project: c.project.name, unit, year: c.year, template: c.template }, lang));
    if (c.asOf !== undefined) out.push(format('report.monitoring', { asOf: c.asOf }, lang));
    out.push(...findingLines(c.findings, lang), '');
  });
  out.push(summaryLine(checked.map((c) => c.findings), lang));
  return out.join('\n');
}
