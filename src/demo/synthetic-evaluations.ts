/**
 * Realistic synthetic self-evaluations, deterministic for a seed: both templates, every grade,
 * indicator tables that fill the template's caps, consistent totals, rates and execution
 * scores, remarks where points were lost. For demos, load tests and benchmarks. Pure: no I/O.
 */
import type { Evaluation, Indicator } from '../core/model/evaluation.ts';
import { hundredthsText, mulDivRound, pointsHundredths, pointsOf } from '../core/numbers/hundredths.ts';
import { amountText } from '../core/numbers/read-number.ts';
import { executionFigures, executionScore } from '../core/scoring/execution.ts';
import { computeEvaluation } from '../core/scoring/compute.ts';
import type { Template } from '../core/templates/template.ts';
import * as words from './synthetic-words.ts';

export interface SyntheticOptions {
  units: number;
  projectsPerUnit: number;
  years: readonly [number, number];
  seed: number;
}

/** mulberry32: a small, fast, well-mixed 32-bit generator; enough for test data. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof randomSource>;

export function syntheticUnitName(index: number): string {
  const city = words.CITIES[index % words.CITIES.length]!;
  const district = words.DISTRICTS[Math.floor(index / words.CITIES.length) % words.DISTRICTS.length]!;
  const office = words.OFFICES[Math.floor(index / (words.CITIES.length * words.DISTRICTS.length)) % words.OFFICES.length]!;
  const round = Math.floor(index / (words.CITIES.length * words.DISTRICTS.length * words.OFFICES.length));
  return `${city}${district}区${office}${round > 0 ? `第${round + 1}分部` : ''}`;
}

/** Every evaluation of the options, unit by unit, year by year. */
export function* syntheticEvaluations(options: SyntheticOptions, templates: readonly Template[]): Generator<Evaluation> {
  for (let unit = 0; unit < options.units; unit++) {
    const random = randomSource(options.seed * 7919 + unit);
    const budgetUnit = syntheticUnitName(unit);
    for (let project = 0; project < options.projectsPerUnit; project++) {
      const template = templates[(unit + project) % templates.length]!;
      const name = `${random.pick(words.PROJECT_STEMS)}${random.pick(words.PROJECT_SUFFIXES)}${project + 1 > words.PROJECT_STEMS.length ? project + 1 : ''}`;
      for (let year = options.years[0]; year <= options.years[1]; year++) {
        yield syntheticEvaluation(random, template, { budgetUnit, name, year });
      }
    }
  }
}

interface Identity {
  budgetUnit: string;
  name: string;
  year: number;
}

export function syntheticEvaluation(random: Random, template: Template, identity: Identity): Evaluation {
  // In fen; the rate in tenths of a percent.
  const budget = random.int(50, 5000) * 100_000;
  const rateTenths = random.next() < 0.8 ? random.int(850, 1000) : random.int(400, 849);
  const executed = mulDivRound(budget, rateTenths, 1000);
  const indicators = template.caps.flatMap((cap) => blockIndicators(random, template, cap.categories[0]!, cap.points));
  deduct(random, indicators, pickDeduction(random));
  const evaluation: Evaluation = {
    schema: 'jixiao/evaluation@1',
    template: template.id,
    year: identity.year,
    project: project(random, template, identity, budget, executed),
    annualGoal: random.pick(words.GOALS),
    indicators,
  };
  return finish(random, template, evaluation);
}

/** budget and executed in fen. */
function project(random: Random, template: Template, identity: Identity, budget: number, executed: number): Evaluation['project'] {
  const common = {
    name: identity.name,
    budgetUnit: identity.budgetUnit,
    department: random.pick(words.DEPARTMENTS),
    budgetCurrentYear: amountText(budget),
    executed: amountText(executed),
    executionRate: hundredthsText(mulDivRound(executed, 10_000, budget)),
  };
  return template.execution.scored
    ? { ...common, budgetInitial: amountText(budget), amountUnit: template.amountUnit }
    : { ...common, recurring: random.next() < 0.7, budgetPreviousYear: amountText(random.int(50, 5000) * 100_000) };
}

/** Weights of a block: `count` whole points that add up to its cap. */
function split(random: Random, cap: number, count: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(random.int(1, cap - 1));
  const marks = [0, ...[...cuts].sort((a, b) => a - b), cap];
  return marks.slice(1).map((m, i) => m - marks[i]!);
}

function blockIndicators(random: Random, template: Template, category: string, cap: number): Indicator[] {
  const count = Math.min(cap, random.int(2, 6));
  return split(random, cap, count).map((weight) => indicatorOf(random, template, category, weight));
}

function indicatorOf(random: Random, template: Template, category: string, weight: number): Indicator {
  const national = template.execution.scored;
  const base = (fields: Partial<Indicator> & { name: string; target: string; actual: string; subcategory: string }): Indicator => ({
    category,
    ...(national ? { subcategory: fields.subcategory } : {}),
    name: fields.name,
    target: fields.target,
    ...(national ? { actual: fields.actual } : {}),
    weight,
    ...(national ? {} : { rule: `${fields.name}达到${fields.target.replace(/^[^\d]*/u, '') || fields.target}，得满分` }),
    score: weight,
    remark: '',
  });
  if (category === 'satisfaction') {
    const s = random.pick(words.SATISFACTION_WORDS);
    return base({ name: s.name, target: s.target, actual: s.target.startsWith('≥') ? `${random.int(90, 99)}%` : '满意', subcategory: '服务对象满意度指标' });
  }
  if (category === 'effect' && random.next() < 0.4) {
    const q = random.pick(words.QUALITATIVE_EFFECTS);
    return base({ name: q.name, target: q.target, actual: q.target, subcategory: q.subcategory });
  }
  const w = category === 'effect' ? random.pick(words.EFFECT_WORDS) : random.pick(random.next() < 0.15 ? words.COST_WORDS : words.OUTPUT_WORDS);
  if (w.unit === '%') return base({ name: w.name, target: `≥${random.int(80, 98)}%`, actual: `${random.int(95, 100)}%`, subcategory: w.subcategory });
  if (w.subcategory === '成本指标') {
    const cap = random.int(5, 80);
    return base({ name: w.name, target: `≤${cap}${w.unit}`, actual: `${random.int(Math.ceil(cap / 2), cap)}${w.unit}`, subcategory: w.subcategory });
  }
  const target = random.int(2, 200);
  return base({ name: w.name, target: `≥${target}${w.unit}`, actual: `${target + random.int(0, Math.ceil(target / 10))}${w.unit}`, subcategory: w.subcategory });
}

/** Points lost in all: most forms lose a few, some many, so that every grade occurs. */
function pickDeduction(random: Random): number {
  const r = random.next();
  if (r < 0.55) return random.int(0, 8);
  if (r < 0.8) return random.int(9, 22);
  if (r < 0.93) return random.int(23, 35);
  return random.int(36, 60);
}

function deduct(random: Random, indicators: Indicator[], points: number): void {
  let left = points * 2; // in half points
  for (let tries = 0; left > 0 && tries < 500; tries++) {
    const indicator = random.pick(indicators);
    const room = Math.round((indicator.score ?? 0) * 2);
    if (room === 0) continue;
    const take = Math.min(room, left, random.int(1, 6));
    indicator.score = (room - take) / 2;
    indicator.remark = random.pick(words.DEDUCTION_REMARKS);
    left -= take;
  }
}

/** Execution score, totals, grade and narratives that agree with the indicators. */
function finish(random: Random, template: Template, evaluation: Evaluation): Evaluation {
  if (template.execution.scored) {
    const weight = template.execution.weight;
    const figures = executionFigures(evaluation.project)!;
    evaluation.execution = { weight, score: pointsOf(executionScore(figures.rate, pointsHundredths(weight))) };
    const amount = evaluation.project.budgetCurrentYear!;
    evaluation.funding = [{ source: '年度资金总额', initial: amount, adjusted: amount, executed: evaluation.project.executed! }];
    evaluation.actualOutcome = random.pick(words.ACHIEVEMENTS);
  }
  const computed = computeEvaluation(evaluation, template);
  evaluation.totals = { weight: computed.weight, score: computed.score };
  evaluation.grade = computed.grade.label.zh;
  if (template.narratives.length > 0) {
    const rate = computed.exact.execution?.rate;
    const lost = computed.indicatorScore < computed.indicatorWeight || (rate !== undefined && rate < pointsHundredths(template.scoring.problemsRequiredBelowRate));
    evaluation.achievements = random.pick(words.ACHIEVEMENTS);
    evaluation.problems = lost ? random.pick(words.PROBLEMS) : '无';
    evaluation.improvements = lost ? random.pick(words.IMPROVEMENTS) : '无';
    evaluation.evaluatedOn = `${evaluation.year + 1}-03-${String(random.int(1, 28)).padStart(2, '0')}`;
  }
  return evaluation;
}
