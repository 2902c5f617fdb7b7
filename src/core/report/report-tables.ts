/**
 * The report's tables in words (zh or en): what the PDF prints and the XLSX holds, the same cells
 * in both. Counts are numbers; money, rates and points are exact decimal strings; labels come from
 * the locale files (src/core/locale, `resultsReport.*`). Pure.
 */
import { format, type Lang } from '../locale/messages.ts';
import { hundredthsText, pointsHundredths } from '../numbers/hundredths.ts';
import { sumAmounts, type ReportProject, type ResultsReport } from './results-report.ts';

export type ColumnKind = 'text' | 'count' | 'money' | 'percent' | 'points' | 'figure';

export interface ReportColumn {
  label: string;
  kind: ColumnKind;
  /** Relative width in the PDF. */
  weight: number;
}

export type ReportCell = string | number | null;

export interface ReportTable {
  /** A stable key: the XLSX sheet and the tests find a table by it. */
  key: 'summary' | 'coverage' | 'grades' | 'lowest' | 'highScoreLowExecution' | 'recheck' | 'rectification' | 'applications';
  title: string;
  /** A sentence under the title: what the table counts, the thresholds. */
  note: string | null;
  columns: ReportColumn[];
  rows: ReportCell[][];
}

/** The en word of a grade stored in zh (the templates' labels); the stored word where none is known. */
export type GradeWord = (stored: string) => string;

const points = (value: number | null): string | null => (value === null ? null : hundredthsText(pointsHundredths(value)));

export function reportTables(report: ResultsReport, lang: Lang, gradeWord: GradeWord): ReportTable[] {
  const t = (key: string, params = {}) => format(`resultsReport.${key}`, params, lang);
  const col = (key: string, kind: ColumnKind, weight = kind === 'text' ? 120 : 60): ReportColumn => ({ label: t(`col.${key}`), kind, weight });
  const p = report.parameters;
  const { coverage, money, recheck, rectification } = report;
  const applied = report.applications.reduce((n, a) => n + a.count, 0);

  const summary: ReportTable = {
    key: 'summary', title: t('summary.title'), note: t('summary.note'),
    columns: [col('item', 'text', 200), col('value', 'figure', 120)],
    rows: [
      [t('summary.due'), coverage.totals.due],
      [t('summary.submitted'), coverage.totals.submitted],
      [t('summary.approved'), coverage.totals.approved],
      [t('summary.published'), coverage.totals.published],
      [t('summary.reviewed'), money.forms],
      [t('summary.budget'), money.budget],
      [t('summary.executed'), money.executed],
      [t('summary.rate'), money.rate],
      [t('summary.highScoreLowExecution', { score: p.highScore, rate: p.lowExecution }), report.highScoreLowExecution.total],
      [t('summary.rechecked'), recheck.overall.drawn],
      [t('summary.flagged'), recheck.overall.flagged],
      [t('summary.raised'), rectification.totals.raised],
      [t('summary.closed'), rectification.totals.closed],
      [t('summary.overdue'), rectification.totals.overdue],
      [t('summary.applied'), applied],
    ],
  };

  const coverageTable: ReportTable = {
    key: 'coverage', title: t('coverage.title'), note: t('coverage.note'),
    columns: [col('department', 'text', 150), col('due', 'count'), col('submitted', 'count'), col('submittedRate', 'percent'), col('approved', 'count'), col('approvedRate', 'percent'), col('published', 'count'), col('publishedRate', 'percent')],
    rows: [...coverage.departments, { ...coverage.totals, unit: { code: '', name: t('total') } }].map((r) => [
      r.unit.name, r.due, r.submitted, r.submittedRate, r.approved, r.approvedRate, r.published, r.publishedRate,
    ]),
  };

  const reviewed = report.grades.reduce((n, g) => n + g.count, 0);
  const grades: ReportTable = {
    key: 'grades', title: t('grades.title'), note: t('grades.note'),
    columns: [col('grade', 'text', 80), col('forms', 'count'), col('share', 'percent'), col('budget', 'money', 90)],
    rows: [...report.grades.map((g) => [gradeWord(g.grade), g.count, g.share, g.budget]), [t('total'), reviewed, reviewed > 0 ? '100.00' : null, money.budget]],
  };

  const projectColumns = [col('rank', 'count', 30), col('unit', 'text', 120), col('project', 'text', 150), col('budget', 'money', 75), col('executed', 'money', 75), col('executionRate', 'percent', 55), col('score', 'points', 45), col('grade', 'text', 40)];
  const projectRow = (r: ReportProject, i: number): ReportCell[] => [i + 1, r.unit, r.project, r.budget, r.executed, r.executionRate, r.score, gradeWord(r.grade)];
  const lowest: ReportTable = {
    key: 'lowest', title: t('lowest.title', { count: p.lowestCount }), note: t('lowest.note'),
    columns: projectColumns, rows: report.lowest.map(projectRow),
  };
  const highScore: ReportTable = {
    key: 'highScoreLowExecution', title: t('highScore.title', { score: p.highScore, rate: p.lowExecution }),
    note: t('highScore.note', { total: report.highScoreLowExecution.total, shown: report.highScoreLowExecution.rows.length }),
    columns: projectColumns, rows: report.highScoreLowExecution.rows.map(projectRow),
  };

  const o = recheck.overall;
  const recheckTable: ReportTable = {
    key: 'recheck', title: t('recheck.title'),
    note: recheck.draw
      ? t('recheck.note', { seed: recheck.draw.seed, drawnAt: recheck.draw.drawnAt.slice(0, 10), population: recheck.draw.population, drawn: o.drawn, threshold: recheck.draw.threshold, draws: recheck.draws })
      : t('recheck.none'),
    columns: [col('unit', 'text', 150), col('drawn', 'count'), col('rechecked', 'count'), col('flagged', 'count'), col('meanGap', 'points'), col('meanAbsoluteGap', 'points'), col('maxGap', 'points')],
    rows: recheck.draw
      ? [...recheck.units.map((u) => ({ name: u.unit.name, s: u as typeof o })), { name: t('total'), s: o }].map(({ name, s }) => [
          name, s.drawn, s.rechecked, s.flagged, points(s.meanGap), points(s.meanAbsoluteGap), points(s.maxGap),
        ])
      : [],
  };

  const rectificationTable: ReportTable = {
    key: 'rectification', title: t('rectification.title'), note: t('rectification.note', { today: report.today }),
    columns: [col('department', 'text', 150), col('raised', 'count'), col('open', 'count'), col('answered', 'count'), col('closed', 'count'), col('overdue', 'count')],
    rows: [...rectification.departments, { unit: { code: '', name: t('total') }, ...rectification.totals }].map((r) => [r.unit.name, r.raised, r.open, r.answered, r.closed, r.overdue]),
  };

  const applications: ReportTable = {
    key: 'applications', title: t('applications.title'), note: t('applications.note'),
    columns: [col('category', 'text', 150), col('forms', 'count'), col('share', 'percent'), col('budget', 'money', 90)],
    rows: [
      ...report.applications.map((a) => [t(`category.${a.category}`), a.count, a.share, a.budget]),
      [t('total'), applied, applied > 0 ? '100.00' : null, sumAmounts(report.applications.map((a) => a.budget))],
    ],
  };

  return [summary, coverageTable, grades, lowest, highScore, recheckTable, rectificationTable, applications];
}

/** The report's title in words. */
export function reportTitle(year: number, lang: Lang): string {
  return format('resultsReport.title', { year }, lang);
}
