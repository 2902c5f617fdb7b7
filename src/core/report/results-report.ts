/**
 * The year's results report (年度绩效评价结果报告, issue 17): what a finance bureau hands to its
 * government and people's congress, built from aggregate rows that storage groups in SQL (a
 * province's year is 50,000 forms; nothing here holds one row per form).
 *
 * - Coverage: the year's progress (src/core/year/progress.ts, the same counts as
 *   /api/years/{year}/progress) read as forms due (every form of the year's projects), submitted
 *   (sent to the bureau and not returned: submitted, forwarded, approved, published), approved
 *   (approved or published) and published, by department.
 * - The results — grades, budget and execution, the projects with the lowest execution rate, those
 *   with a high score and a low execution rate — are those of the reviewed forms (approved or
 *   published): the bureau's results, not drafts.
 * - The re-check: the year's latest draw, its gaps by unit (src/core/recheck/gap-report.ts).
 * - Rectification items raised / open / answered / closed / overdue (open after the due day), by
 *   department; the results applied by category.
 * Money is exact (decimal strings in 元); rates are percentages rounded half-up to 2 decimals.
 * Pure: no I/O.
 */
import { exactInteger, exactOf, mulDivAt, unitsText, type ExactDecimal } from '../numbers/exact-decimal.ts';
import type { GapSummary, UnitGap } from '../recheck/gap-report.ts';
import { RESULTS_CATEGORIES, type ResultsCategory } from '../followup/rectification.ts';
import type { Progress, ProgressCounts, ProgressUnit } from '../year/progress.ts';

/** The thresholds and sizes of the report, named so that a bureau may choose its own. */
export interface ReportParameters {
  /** How many projects the table of the lowest execution rates lists. */
  lowestCount: number;
  /** A high score: at least this total (points, a decimal string). */
  highScore: string;
  /** A low execution rate: below this percentage (a decimal string). */
  lowExecution: string;
  /** How many high-score, low-execution projects are listed (all are counted). */
  highScoreLimit: number;
}

export const DEFAULT_REPORT_PARAMETERS: Readonly<ReportParameters> = { lowestCount: 10, highScore: '90', lowExecution: '60', highScoreLimit: 20 };

/** A reviewed form as the report lists it. */
export interface ReportProject {
  unit: string;
  project: string;
  /** 元, exact; null where the form states none. */
  budget: string | null;
  executed: string | null;
  /** Percent with 2 decimals. */
  executionRate: string | null;
  /** Points with 2 decimals. */
  score: string;
  /** The grade's word as stored (zh). */
  grade: string;
}

export interface RectificationCounts {
  raised: number;
  open: number;
  answered: number;
  closed: number;
  /** Of the open: past their due day. */
  overdue: number;
}

/** The aggregate rows the report is made from (storage's GROUP BYs and top-N queries). */
export interface ReportInput {
  year: number;
  /** The bureau's calendar day the report is made on (YYYY-MM-DD). */
  today: string;
  progress: Progress;
  /** Reviewed forms by grade. */
  grades: ReadonlyArray<{ grade: string; count: number; budget: string }>;
  /** Reviewed forms: how many, their budget and spending (元, exact). */
  money: { forms: number; budget: string; executed: string };
  lowest: readonly ReportProject[];
  highScoreLowExecution: { total: number; rows: readonly ReportProject[] };
  recheck: {
    /** The year's latest draw; null when none was made. */
    draw: { seed: string; drawnAt: string; population: number; threshold: number } | null;
    draws: number;
    overall: GapSummary;
    units: readonly UnitGap[];
  };
  /** Per unit (every unit with items), the unit's place in the tree for its department. */
  rectification: ReadonlyArray<{ unit: ProgressUnit } & RectificationCounts>;
  /** The units of `rectification` and their departments (the first id of each path). */
  units: ReadonlyMap<string, ProgressUnit>;
  applications: ReadonlyArray<{ category: ResultsCategory; count: number; budget: string }>;
}

export interface CoverageRow {
  unit: { code: string; name: string };
  due: number;
  submitted: number;
  approved: number;
  published: number;
  /** Percentages of `due`, 2 decimals; null when nothing is due. */
  submittedRate: string | null;
  approvedRate: string | null;
  publishedRate: string | null;
}

export interface ResultsReport {
  year: number;
  today: string;
  parameters: ReportParameters;
  coverage: { totals: CoverageRow; departments: CoverageRow[] };
  /** In the templates' order of grade words (优 良 中 差), then any other word stored. */
  grades: Array<{ grade: string; count: number; share: string | null; budget: string }>;
  money: { forms: number; budget: string; executed: string; rate: string | null };
  lowest: ReportProject[];
  highScoreLowExecution: { total: number; rows: ReportProject[] };
  recheck: ReportInput['recheck'];
  rectification: { totals: RectificationCounts; departments: Array<{ unit: { code: string; name: string } } & RectificationCounts> };
  /** Every category, in RESULTS_CATEGORIES order, zero where none. */
  applications: Array<{ category: ResultsCategory; count: number; share: string | null; budget: string }>;
}

/** part × 100 ÷ whole as a percentage with 2 decimals (half-up); null when whole is 0. */
export function percentOf(part: ExactDecimal | number, whole: ExactDecimal | number): string | null {
  const p = typeof part === 'number' ? exactInteger(part) : part;
  const w = typeof whole === 'number' ? exactInteger(whole) : whole;
  if (w.units === 0n) return null;
  return unitsText(mulDivAt(p, exactInteger(100), w, 2), 2);
}

/** The sum of exact amounts (元 strings), exactly, with 2 decimals. */
export function sumAmounts(amounts: readonly string[]): string {
  let fen = 0n;
  for (const a of amounts) fen += mulDivAt(exactOf(a)!, exactInteger(1), exactInteger(1), 2);
  return unitsText(fen, 2);
}

/** Coverage read from a unit's progress counts. */
function coverageOf(unit: { code: string; name: string }, c: ProgressCounts): CoverageRow {
  const submitted = c.submitted + c.forwarded + c.approved + c.published;
  const approved = c.approved + c.published;
  return {
    unit, due: c.total, submitted, approved, published: c.published,
    submittedRate: percentOf(submitted, c.total), approvedRate: percentOf(approved, c.total), publishedRate: percentOf(c.published, c.total),
  };
}

const zeroCounts = (): RectificationCounts => ({ raised: 0, open: 0, answered: 0, closed: 0, overdue: 0 });

function addCounts(into: RectificationCounts, from: RectificationCounts): void {
  into.raised += from.raised;
  into.open += from.open;
  into.answered += from.answered;
  into.closed += from.closed;
  into.overdue += from.overdue;
}

const byCode = (a: { unit: { code: string } }, b: { unit: { code: string } }) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0);

/** `gradeOrder`: the templates' grade words (zh, as stored), best first. */
export function resultsReport(input: ReportInput, gradeOrder: readonly string[], parameters: ReportParameters = DEFAULT_REPORT_PARAMETERS): ResultsReport {
  const named = (u: ProgressUnit) => ({ code: u.code, name: u.name });
  const coverage = {
    totals: coverageOf({ code: '', name: '' }, input.progress.totals),
    departments: input.progress.departments.map((d) => coverageOf(named(d.unit), d.counts)),
  };

  const reviewed = input.grades.reduce((n, g) => n + g.count, 0);
  const rank = (grade: string) => {
    const i = gradeOrder.indexOf(grade);
    return i < 0 ? gradeOrder.length : i;
  };
  const grades = [...input.grades]
    .sort((a, b) => rank(a.grade) - rank(b.grade) || (a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : 0))
    .map((g) => ({ grade: g.grade, count: g.count, share: percentOf(g.count, reviewed), budget: g.budget }));

  const departments = new Map<string, { unit: { code: string; name: string } } & RectificationCounts>();
  const totals = zeroCounts();
  for (const row of input.rectification) {
    const departmentId = row.unit.path.split('/')[1] ?? row.unit.id;
    const department = input.units.get(departmentId) ?? row.unit;
    let entry = departments.get(department.id);
    if (!entry) departments.set(department.id, (entry = { unit: named(department), ...zeroCounts() }));
    addCounts(entry, row);
    addCounts(totals, row);
  }

  const applied = input.applications.reduce((n, a) => n + a.count, 0);
  const applications = RESULTS_CATEGORIES.map((category) => {
    const row = input.applications.find((a) => a.category === category);
    return { category, count: row?.count ?? 0, share: percentOf(row?.count ?? 0, applied), budget: row?.budget ?? '0.00' };
  });

  return {
    year: input.year,
    today: input.today,
    parameters: { ...parameters },
    coverage,
    grades,
    money: { ...input.money, rate: percentOf(exactOf(input.money.executed)!, exactOf(input.money.budget)!) },
    lowest: [...input.lowest],
    highScoreLowExecution: { total: input.highScoreLowExecution.total, rows: [...input.highScoreLowExecution.rows] },
    recheck: input.recheck,
    rectification: { totals, departments: [...departments.values()].sort(byCode) },
    applications,
  };
}
