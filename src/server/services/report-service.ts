/**
 * The year's results report (年度绩效评价结果报告, issue 17): its figures read from the database as
 * aggregates (report-repository.ts; the coverage is the year's progress, as /api/years/{year}/progress
 * counts it), folded by the core (src/core/report) and written as PDF or XLSX (src/export/report).
 * The finance bureau's (reviewer, admin) only. A report is a few dozen small queries and one document:
 * at most one is built at a time, a few wait, beyond that 503 BUSY; equal requests share one build.
 */
import type { Lang } from '../../core/locale/messages.ts';
import { formGap, gapSummary, type FormGap, type UnitGap } from '../../core/recheck/gap-report.ts';
import { recheckIndicators } from '../../core/recheck/recheck-scores.ts';
import { DEFAULT_REPORT_PARAMETERS, resultsReport, type ReportParameters, type ResultsReport } from '../../core/report/results-report.ts';
import type { GradeWord } from '../../core/report/report-tables.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { chinaDate } from '../../core/year/progress.ts';
import type { Db } from '../../storage/open-database.ts';
import { repositories, type Repositories } from '../../storage/repositories.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { forbidden } from '../api-error.ts';
import type { ServiceContext } from '../service-context.ts';
import { BoundedWork } from './bounded-work.ts';
import { XLSX_TYPE, type ExportedFile } from './export-service.ts';
import { progressUnits, yearProgressOf } from './year-service.ts';

/** The bureau sees every form of the year in the counts, drafts included (as the progress does for it). */
const BUREAU_SCOPE = { nothing: false, unitId: null, subtreePath: null, statuses: null } as const;

/** Drawn forms read at a time for the re-check's gaps: the sample is walked, never held whole. */
const GAP_BATCH = 200;

/** The templates' grade words (zh, as stored), best first, and each one's word in a language. */
export function gradeWords(templates: TemplateRegistry): { order: string[]; word: (lang: Lang) => GradeWord } {
  const order: string[] = [];
  const en = new Map<string, string>();
  for (const id of templates.ids()) {
    const grades = [...(templates.get(id)?.grades ?? [])].sort((a, b) => b.min - a.min);
    for (const g of grades) {
      if (!order.includes(g.label.zh)) order.push(g.label.zh);
      if (!en.has(g.label.zh)) en.set(g.label.zh, g.label.en);
    }
  }
  return { order, word: (lang) => (stored) => (lang === 'en' ? (en.get(stored) ?? stored) : stored) };
}

/** The re-check of the year's latest draw: its gaps by unit, in the draw's order, read a batch of forms at a time. */
async function recheckOf(repos: Repositories, year: number): Promise<ResultsReport['recheck']> {
  const { id, draws } = await repos.report.latestDraw(year);
  const draw = id === null ? undefined : await repos.rechecks.get(id);
  if (!draw) return { draw: null, draws, overall: gapSummary([]), units: [] };
  const threshold = draw.parameters.flagThreshold;
  const items = await repos.rechecks.items(draw.id);
  const gaps: Array<Pick<FormGap, 'gap' | 'flagged' | 'unit'>> = [];
  for (let i = 0; i < items.length; i += GAP_BATCH) {
    const ids = items.slice(i, i + GAP_BATCH).map((item) => item.evaluationId);
    const [forms, scores] = [await repos.rechecks.drawnEvaluations(ids), await repos.rechecks.scores(draw.id, ids)];
    const found = new Map(forms.map((f) => [f.id, f]));
    for (const evaluationId of ids) {
      const form = found.get(evaluationId);
      if (!form) continue;
      const own = scores.filter((s) => s.evaluationId === evaluationId).map((s) => ({ indicator: s.indicator, score: s.score, reason: s.reason }));
      const { gap, flagged, unit } = formGap({ evaluationId, unit: form.unit, project: form.project, indicators: recheckIndicators(form.document), scores: own }, threshold);
      gaps.push({ gap, flagged, unit });
    }
  }
  const byUnit = new Map<string, { unit: UnitGap['unit']; forms: typeof gaps }>();
  for (const g of gaps) {
    const entry = byUnit.get(g.unit.id) ?? { unit: g.unit, forms: [] };
    entry.forms.push(g);
    byUnit.set(g.unit.id, entry);
  }
  return {
    draw: { seed: draw.seed, drawnAt: draw.drawnAt, population: draw.population, threshold },
    draws,
    overall: gapSummary(gaps),
    units: [...byUnit.values()].map(({ unit, forms }) => ({ unit, ...gapSummary(forms) })),
  };
}

/** The year's report from the database: aggregates only (memory does not grow with the forms). */
export async function loadResultsReport(db: Db, templates: TemplateRegistry, year: number, now: Date, parameters: ReportParameters = DEFAULT_REPORT_PARAMETERS): Promise<ResultsReport> {
  const repos = repositories(db);
  const today = chinaDate(now);
  const progress = await yearProgressOf(repos, BUREAU_SCOPE, year, today);
  const { report } = repos;
  const grades = await report.grades(year);
  const money = await report.money(year);
  const lowest = await report.lowestExecution(year, parameters.lowestCount);
  const highScoreLowExecution = await report.highScoreLowExecution(year, parameters.highScore, parameters.lowExecution, parameters.highScoreLimit);
  const recheck = await recheckOf(repos, year);
  const perUnit = await report.rectifications(year, today);
  const units = await progressUnits(repos, perUnit.map((r) => r.unitId));
  const rectification = perUnit.flatMap((r) => {
    const unit = units.get(r.unitId);
    return unit ? [{ ...r, unit }] : [];
  });
  const applications = await report.applications(year);
  return resultsReport(
    { year, today, progress, grades, money, lowest, highScoreLowExecution, recheck, rectification, units, applications },
    gradeWords(templates).order,
    parameters,
  );
}

export const PDF_TYPE = 'application/pdf';

export type ReportFormat = 'pdf' | 'xlsx';

/** The report as a file in `format` and `lang`. */
export async function resultsReportFile(report: ResultsReport, templates: TemplateRegistry, format: ReportFormat, lang: Lang): Promise<ExportedFile> {
  const word = gradeWords(templates).word(lang);
  // The writers (echarts, pdfkit, exceljs) are loaded at the first report: `jixiao serve` does not carry them until then.
  if (format === 'pdf') {
    const { renderReportPdf } = await import('../../export/report/report-pdf.ts');
    return { bytes: await renderReportPdf(report, lang, word), fileName: `results-report-${report.year}.pdf`, contentType: PDF_TYPE };
  }
  const { reportXlsx } = await import('../../export/report/report-xlsx.ts');
  return { bytes: await reportXlsx(report, lang, word), fileName: `results-report-${report.year}.xlsx`, contentType: XLSX_TYPE };
}

export class ReportService {
  /** One report built at a time, four waiting; nothing kept after (the figures change as the bureau works). */
  private readonly work = new BoundedWork<ExportedFile>({ concurrency: 1, queue: 4, ttlMs: 0, entries: 1 });

  constructor(private readonly ctx: ServiceContext) {}

  async file(user: User, year: number, format: ReportFormat, lang: Lang): Promise<ExportedFile> {
    if (user.role !== 'reviewer' && user.role !== 'admin') throw forbidden();
    return this.work.get(`${year}/${format}/${lang}`, async () => resultsReportFile(await loadResultsReport(this.ctx.db, this.ctx.templates, year, this.ctx.now()), this.ctx.templates, format, lang));
  }
}
