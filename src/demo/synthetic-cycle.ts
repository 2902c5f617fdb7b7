/**
 * A synthetic project's year before its self-evaluation (PRODUCT.md, "The cycle"; issue 16): the
 * approved targets its evaluation was made from, and its mid-year monitoring as of the template's
 * date (7月31日). Deterministic for a seed, made from the synthetic province's evaluations
 * (synthetic-evaluations.ts) so that the three documents of one project agree: the targets are the
 * evaluation's indicator table (category, name, target, weight, rule) with ids the evaluation
 * keeps, as createEvaluationFromTargets keeps them.
 *
 * The monitoring has a realistic spread, decided first and returned as the `intent` so that tests
 * can hold the checks to it: most projects on track, some spending behind the time progress, a few
 * with indicators off track (most with the causes analysed, some without), a likelihood now and
 * then at odds with the expected value, rarely an expected overspend. Figures keep clear of the
 * rules' boundaries (2 points from the lag margin), so what is intended is what the checks find.
 * Pure: no I/O.
 */
import { executionLagMargin, timeProgress } from '../core/checks/monitoring.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import { DEVIATION_CAUSES, MONITORING_SCHEMA_ID, type DeviationCause, type Monitoring, type MonitoringFundingRow, type MonitoringIndicator } from '../core/model/monitoring.ts';
import { TARGETS_SCHEMA_ID, type TargetIndicator, type Targets } from '../core/model/targets.ts';
import { fenOf, mulDivRound } from '../core/numbers/hundredths.ts';
import { amountText } from '../core/numbers/read-number.ts';
import type { Template } from '../core/templates/template.ts';
import * as words from './synthetic-cycle-words.ts';
import { randomSource, syntheticEvaluations, type Random, type SyntheticOptions } from './synthetic-evaluations.ts';

/** What the generator meant the monitoring to show; the checks must find exactly this. */
export interface MonitoringIntent {
  /** Spending more than the margin behind the time progress (MONITOR_EXECUTION_LAG). */
  spendingBehind: boolean;
  /** Expected year-end execution above the budget (MONITOR_EXPECTED_OVERSPEND). */
  overspend: boolean;
  /** Indicators whose expected year-end value misses the target, a cause given. */
  offTrackWithCause: number;
  /** … and with no cause given (MONITOR_OFF_TRACK, one each). */
  offTrackWithoutCause: number;
  /** Indicators marked 完全不可能. */
  impossible: number;
  /** One off-track indicator marked 确定能 (MONITOR_LIKELIHOOD). */
  likelihoodContradicts: boolean;
}

export interface SyntheticCycle {
  /** The synthetic evaluation, each indicator with the id its approved target has. */
  evaluation: Evaluation;
  targets: Targets;
  monitoring: Monitoring;
  intent: MonitoringIntent;
}

/** The monitoring layout's default as-of date (templates/template.ts), for templates without a monitoring layout. */
const DEFAULT_AS_OF = '07-31';

/** The generator of the cycle of the province's `index`-th evaluation: apart from the evaluations' own, so they stay as they were. */
export function cycleRandom(seed: number, index: number): Random {
  return randomSource((Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index, 0x85ebca6b)) >>> 0);
}

/** The province's evaluations (syntheticEvaluations, the same options) each with its targets and monitoring. */
export function* syntheticCycles(options: SyntheticOptions, templates: readonly Template[]): Generator<SyntheticCycle> {
  let index = 0;
  for (const evaluation of syntheticEvaluations(options, templates)) {
    const template = templates.find((t) => t.id === evaluation.template)!;
    yield syntheticCycle(cycleRandom(options.seed, index++), evaluation, template);
  }
}

export function syntheticCycle(random: Random, source: Evaluation, template: Template): SyntheticCycle {
  const evaluation: Evaluation = { ...source, indicators: source.indicators.map((indicator) => ({ id: syntheticId(random), ...indicator })) };
  const targets = targetsOf(evaluation);
  const intent = pickIntent(random, targets.indicators);
  return { evaluation, targets, monitoring: monitoringOf(random, targets, template, intent), intent };
}

/** A UUID-shaped id from the generator (deterministic, unlike crypto.randomUUID). */
function syntheticId(random: Random): string {
  const h = Array.from({ length: 4 }, () => Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${(8 + (parseInt(h[16]!, 16) & 3)).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function targetsOf(evaluation: Evaluation): Targets {
  const { name, budgetUnit, department, budgetCurrentYear } = evaluation.project;
  const budget = evaluation.project.budgetCurrentYear!;
  const targets: Targets = {
    schema: TARGETS_SCHEMA_ID,
    template: evaluation.template,
    year: evaluation.year,
    project: { name, budgetUnit, department, budgetCurrentYear },
    annualGoal: evaluation.annualGoal ?? '',
    indicators: evaluation.indicators.map(({ id, category, subcategory, name: indicatorName, target, weight, rule }) => ({
      id, category: category!, ...(subcategory === undefined ? {} : { subcategory }), name: indicatorName, target: target!, weight: weight!,
      ...(rule === undefined ? {} : { rule }),
    })),
  };
  // The national declaration states its funds in rows (年度资金总额, 其中：财政拨款, 其他资金); all of it is appropriation here.
  if (evaluation.funding) {
    targets.funding = [
      { source: words.TOTAL_ROW, budget },
      { source: words.TARGETS_APPROPRIATION_ROW, budget },
      { source: words.OTHER_ROW, budget: '0.00' },
    ];
  }
  return targets;
}

/** "≥120场", "≥90%", "≤35万元": the synthetic forms' numeric targets. Levels and words ("较满意", "健全") are not. */
const NUMERIC = /^(≥|≤)(\d+)(.*)$/u;

function pickIntent(random: Random, indicators: readonly TargetIndicator[]): MonitoringIntent {
  const spendingBehind = random.next() < 0.22;
  const overspend = !spendingBehind && random.next() < 0.025;
  const r = random.next();
  const kind = r < 0.78 ? 'none' : r < 0.92 ? 'withCause' : 'withoutCause';
  const numeric = indicators.filter((i) => NUMERIC.test(i.target)).length;
  const wanted = kind === 'none' ? 0 : Math.min(numeric, random.next() < 0.75 ? 1 : random.next() < 0.8 ? 2 : 3);
  // In a project "without cause" the first is left unexplained, the others as it happens.
  let withoutCause = 0;
  for (let i = 0; i < wanted; i++) if (kind === 'withoutCause' && (i === 0 || random.next() < 0.5)) withoutCause++;
  return {
    spendingBehind,
    overspend,
    offTrackWithCause: wanted - withoutCause,
    offTrackWithoutCause: withoutCause,
    // Counted as indicatorsOf marks them: a quarter of those with a cause.
    impossible: 0,
    likelihoodContradicts: wanted > 0 && random.next() < 0.15,
  };
}

function monitoringOf(random: Random, targets: Targets, template: Template, intent: MonitoringIntent): Monitoring {
  const asOf = `${targets.year}-${template.documents?.monitoring?.defaultAsOf ?? DEFAULT_AS_OF}`;
  const { funding, project } = spending(random, targets, template, asOf, intent);
  const indicators = indicatorsOf(random, targets.indicators, intent);
  const summary = intent.offTrackWithCause + intent.offTrackWithoutCause > 0 ? words.PROGRESS_OFF_TRACK : intent.spendingBehind ? words.PROGRESS_SPENDING_BEHIND : words.PROGRESS_ON_TRACK;
  return {
    schema: MONITORING_SCHEMA_ID,
    template: targets.template,
    year: targets.year,
    asOf,
    project,
    ...(funding ? { funding } : {}),
    annualGoal: targets.annualGoal,
    progressSummary: random.pick(summary),
    indicators,
  };
}

/** Executed to date and expected by year end, per funding row (national) or on the project (Shanghai). */
function spending(random: Random, targets: Targets, template: Template, asOf: string, intent: MonitoringIntent): Pick<Monitoring, 'funding' | 'project'> {
  const budget = fenOf(targets.project.budgetCurrentYear)!;
  const time = timeProgress({ year: targets.year, asOf })!;
  // In hundredths of a percent: the time progress and the lag margin.
  const timeH = mulDivRound(time.elapsed, 10_000, time.days);
  const lagLimit = timeH - Math.round(executionLagMargin(template) * 100);
  const rate = intent.spendingBehind ? random.int(Math.min(500, lagLimit - 200), lagLimit - 200) : random.int(lagLimit + 200, Math.min(9_800, timeH + 3_000));
  const expectedRate = intent.overspend ? random.int(10_100, 10_800) : random.int(Math.max(rate, 9_300), 10_000);
  const line = (fen: number) => ({ executed: mulDivRound(fen, rate, 10_000), expected: mulDivRound(fen, expectedRate, 10_000) });
  const { name, budgetUnit, department, budgetCurrentYear } = targets.project;
  if (!targets.funding) {
    const { executed, expected } = line(budget);
    return { project: { name, budgetUnit, department, budgetCurrentYear, executedToDate: amountText(executed), expectedYearEnd: amountText(expected) } };
  }
  // Some projects have other funds beside the appropriation: a tenth to a third, in whole 元.
  const other = random.next() < 0.25 ? mulDivRound(budget, random.int(10, 30), 10_000) * 100 : 0;
  const parts = [{ source: words.APPROPRIATION_ROW, fen: budget - other }, ...(other > 0 ? [{ source: words.OTHER_ROW, fen: other }] : [])].map((p) => ({ ...p, ...line(p.fen) }));
  const row = (source: string, fen: number, executed: number, expected: number): MonitoringFundingRow => ({
    source, budget: amountText(fen), executedToDate: amountText(executed), expectedYearEnd: amountText(expected),
  });
  const sum = (pick: (p: (typeof parts)[number]) => number) => parts.reduce((a, p) => a + pick(p), 0);
  return {
    project: { name, budgetUnit, department, budgetCurrentYear },
    funding: [row(words.TOTAL_ROW, budget, sum((p) => p.executed), sum((p) => p.expected)), ...parts.map((p) => row(p.source, p.fen, p.executed, p.expected))],
  };
}

function indicatorsOf(random: Random, targets: readonly TargetIndicator[], intent: MonitoringIntent): MonitoringIndicator[] {
  const numeric = targets.flatMap((t, i) => (NUMERIC.test(t.target) ? [i] : []));
  // Which indicators miss, in the order the intent counts them: the ones without a cause first.
  const off: number[] = [];
  while (off.length < intent.offTrackWithCause + intent.offTrackWithoutCause) {
    const i = random.pick(numeric);
    if (!off.includes(i)) off.push(i);
  }
  return targets.map((t, i) => {
    const base = { id: t.id, category: t.category, ...(t.subcategory === undefined ? {} : { subcategory: t.subcategory }), name: t.name, target: t.target };
    const k = off.indexOf(i);
    if (k < 0) {
      const expectedYearEnd = reachingValue(random, t.target);
      return { ...base, progress: progressTo(random, expectedYearEnd), expectedYearEnd, deviationCauses: [], likelihood: random.next() < 0.85 ? 'certain' : 'possible' };
    }
    const withCause = k >= intent.offTrackWithoutCause;
    const expectedYearEnd = missingValue(random, t.target);
    let likelihood: MonitoringIndicator['likelihood'] = withCause && random.next() < 0.25 ? 'impossible' : 'possible';
    if (k === 0 && intent.likelihoodContradicts) likelihood = 'certain';
    if (likelihood === 'impossible') intent.impossible++;
    const remark = random.pick(words.OFF_TRACK_REMARKS);
    return {
      ...base,
      progress: progressTo(random, expectedYearEnd),
      expectedYearEnd,
      deviationCauses: withCause ? causes(random) : [],
      likelihood,
      ...(remark === '' ? {} : { remark }),
    };
  });
}

/** One or two causes, in the form's order. */
function causes(random: Random): DeviationCause[] {
  const picked = new Set<DeviationCause>([random.pick(DEVIATION_CAUSES)]);
  if (random.next() < 0.3) picked.add(random.pick(DEVIATION_CAUSES));
  return DEVIATION_CAUSES.filter((c) => picked.has(c));
}

/** An expected year-end value that reaches the target: at or beyond a minimum, at or under a maximum, the level itself. */
function reachingValue(random: Random, target: string): string {
  const m = NUMERIC.exec(target);
  if (!m) return target;
  const [n, unit] = [Number(m[2]), m[3]!];
  if (m[1] === '≤') return `${random.int(Math.ceil(n / 2), n)}${unit}`;
  if (unit === '%') return `${Math.min(100, n + random.int(0, 5))}%`;
  return `${n + random.int(0, Math.ceil(n / 10))}${unit}`;
}

/** An expected year-end value that misses a numeric target: short of a minimum, over a maximum. */
function missingValue(random: Random, target: string): string {
  const m = NUMERIC.exec(target)!;
  const [n, unit] = [Number(m[2]), m[3]!];
  if (m[1] === '≤') return `${n + random.int(1, Math.ceil(n / 2))}${unit}`;
  if (unit === '%') return `${n - random.int(1, Math.min(10, n - 1))}%`;
  return `${Math.floor((n * random.int(60, 95)) / 100)}${unit}`;
}

/** What has been done by the date: part of a count or cost, a rate as it stands, a level's words. */
function progressTo(random: Random, expected: string): string {
  const m = /^(\d+)(.*)$/u.exec(expected);
  if (!m) return random.pick(words.QUALITATIVE_PROGRESS);
  const [n, unit] = [Number(m[1]), m[2]!];
  if (unit === '%') return `${Math.max(0, n - random.int(0, 5))}%`;
  return `${Math.round((n * random.int(40, 70)) / 100)}${unit}`;
}
