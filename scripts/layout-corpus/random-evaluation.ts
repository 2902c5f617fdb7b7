/**
 * Random valid evaluations of a template for the layout corpus (issue 15): the synthetic demo forms
 * (src/demo) with every text of random length — names, units, targets, rules, remarks and a goal
 * that may wrap over a dozen lines — 1–30 indicators, 元 or 万元, several funding rows and blank
 * optional fields. Totals and grade agree with the indicators; the result passes validateEvaluation.
 */
import type { Evaluation, FundingRow, Indicator } from '../../src/core/model/evaluation.ts';
import { validateEvaluation } from '../../src/core/model/validate.ts';
import { amountText } from '../../src/core/numbers/read-number.ts';
import { fenOf, hundredthsText, mulDivRound, pointsHundredths, pointsOf } from '../../src/core/numbers/hundredths.ts';
import { executionFigures, executionScore } from '../../src/core/scoring/execution.ts';
import { computeEvaluation } from '../../src/core/scoring/compute.ts';
import type { Template } from '../../src/core/templates/template.ts';
import { syntheticEvaluation, syntheticUnitName, type Random } from '../../src/demo/synthetic-evaluations.ts';
import * as words from '../../src/demo/synthetic-words.ts';

/** Phrases that random texts are strung from, with digits and the punctuation forms carry. */
const PHRASES = [
  ...words.GOALS, ...words.ACHIEVEMENTS, ...words.PROBLEMS, ...words.IMPROVEMENTS, ...words.DEDUCTION_REMARKS,
  '按照市区两级工作要求', '完成第3批次设备更新（含12台）', '覆盖全区15个街镇', '资金拨付率达到100%',
  '组织开展专项检查2次', '健全“一网通办”服务机制', '落实《实施方案》各项任务', '服务对象满意度≥90%',
  '年内完成验收、审计和归档', '推进数字化转型；提升治理效能', '新增服务点位8个/年',
];

/** A text of about `length` characters, whole phrases joined as prose. */
export function randomText(random: Random, length: number): string {
  let text = '';
  while (text.length < length) text += (text === '' ? '' : '，') + random.pick(PHRASES).replace(/[。]$/u, '');
  return `${text.slice(0, Math.max(1, length)).replace(/[，；、（“《]+$/u, '')}${random.next() < 0.5 ? '。' : ''}`;
}

/** Short most of the time, sometimes long: offices write both. */
function textLength(random: Random, short: [number, number], long: [number, number]): number {
  return random.next() < 0.7 ? random.int(...short) : random.int(...long);
}

function maybeBlank(random: Random, chance: number, text: string): string | undefined {
  return random.next() < chance ? undefined : text;
}

/** `total` half points cut into `count` positive parts. */
function splitHalfPoints(random: Random, total: number, count: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(random.int(1, total - 1));
  const marks = [0, ...[...cuts].sort((a, b) => a - b), total];
  return marks.slice(1).map((m, i) => m - marks[i]!);
}

function rewordIndicator(random: Random, indicator: Indicator, national: boolean): Indicator {
  const out: Indicator = { ...indicator };
  if (random.next() < 0.4) out.name = randomText(random, textLength(random, [4, 14], [15, 60])).replace(/。$/u, '');
  if (random.next() < 0.4) out.target = randomText(random, textLength(random, [3, 12], [13, 80]));
  if (national && random.next() < 0.3) out.actual = randomText(random, textLength(random, [3, 12], [13, 60]));
  if (!national && random.next() < 0.5) out.rule = randomText(random, textLength(random, [8, 30], [31, 200]));
  out.remark = random.next() < 0.5 ? '' : randomText(random, textLength(random, [4, 20], [21, 120]));
  return out;
}

/** How many of `count` indicators each block gets: one each while they last, the rest at random. */
function blockCounts(random: Random, blocks: number, count: number): number[] {
  const counts = Array.from({ length: blocks }, (_, i) => (i < count ? 1 : 0));
  for (let left = count - blocks; left > 0; left--) counts[random.int(0, blocks - 1)]!++;
  return counts;
}

/**
 * `count` indicators in the order the form prints them: each block (cap) of the template gets some,
 * their weights add up to the block's points in half points, each score at most its weight.
 */
function indicators(random: Random, template: Template, count: number, identity: { name: string; budgetUnit: string; year: number }): Indicator[] {
  const pool: Indicator[] = [];
  while (pool.length < count * 3) pool.push(...syntheticEvaluation(random, template, identity).indicators);
  const national = template.execution.scored;
  const counts = blockCounts(random, template.caps.length, count);
  return template.caps.flatMap((cap, b) => {
    const n = Math.min(counts[b]!, cap.points * 2);
    if (n === 0) return [];
    const fromBlock = pool.filter((i) => cap.categories.includes(i.category ?? ''));
    const weights = splitHalfPoints(random, cap.points * 2, n);
    return weights.map((half) => {
      const weight = half / 2;
      const score = random.next() < 0.6 ? weight : random.int(0, half) / 2;
      return { ...rewordIndicator(random, random.pick(fromBlock), national), weight, score };
    });
  });
}

/** An amount in fen split into `parts` positive amounts. */
function splitFen(random: Random, fen: number, parts: number): number[] {
  const shares = Array.from({ length: parts }, () => random.int(1, 100));
  const sum = shares.reduce((a, b) => a + b, 0);
  const amounts = shares.map((s) => Math.floor((fen * s) / sum));
  amounts[0]! += fen - amounts.reduce((a, b) => a + b, 0);
  return amounts;
}

/** The national form's funding rows: the total and some of 当年财政拨款 / 上年结转资金 / 其他资金. */
function fundingRows(random: Random, project: Evaluation['project']): FundingRow[] {
  const sources = ['其中：当年财政拨款', '上年结转资金', '其他资金'].filter(() => random.next() < 0.6);
  const total: FundingRow = { source: '年度资金总额', initial: project.budgetInitial, adjusted: project.budgetCurrentYear, executed: project.executed };
  if (sources.length === 0) return [total];
  const columns = (['initial', 'adjusted', 'executed'] as const).map((key) => splitFen(random, fenOf(project[key === 'initial' ? 'budgetInitial' : key === 'adjusted' ? 'budgetCurrentYear' : 'executed'])!, sources.length));
  return [total, ...sources.map((source, i) => ({ source, initial: amountText(columns[0]![i]!), adjusted: amountText(columns[1]![i]!), executed: amountText(columns[2]![i]!) }))];
}

/** Amounts in fen that print exactly in 元 and in 万元; sometimes whole 万元, sometimes to the fen. */
function randomFen(random: Random): number {
  return random.next() < 0.5 ? random.int(1, 9000) * 1_000_000 : random.int(100_000, 900_000_000);
}

function amounts(random: Random, project: Evaluation['project'], national: boolean): void {
  const budget = randomFen(random);
  const executed = random.next() < 0.1 ? 0 : mulDivRound(budget, random.int(400, 1000), 1000);
  project.budgetCurrentYear = amountText(budget);
  project.executed = amountText(executed);
  project.executionRate = hundredthsText(mulDivRound(executed, 10_000, budget));
  if (national) project.budgetInitial = amountText(random.next() < 0.7 ? budget : randomFen(random));
  else project.budgetPreviousYear = amountText(randomFen(random));
}

export function randomEvaluation(random: Random, template: Template, index: number): Evaluation {
  const national = template.execution.scored;
  const identity = { name: '', budgetUnit: syntheticUnitName(random.int(0, 500)), year: random.int(2019, 2025) };
  const evaluation = syntheticEvaluation(random, template, identity);
  const project = evaluation.project;
  project.name = randomText(random, textLength(random, [6, 20], [21, 70])).replace(/。$/u, '') + `${index}`;
  project.budgetUnit = random.next() < 0.6 ? identity.budgetUnit : randomText(random, textLength(random, [6, 20], [21, 50])).replace(/。$/u, '');
  const department = maybeBlank(random, 0.2, random.next() < 0.6 ? random.pick(words.DEPARTMENTS.filter(Boolean)) : randomText(random, random.int(4, 30)).replace(/。$/u, ''));
  if (department === undefined) delete project.department;
  else project.department = department;
  amounts(random, project, national);
  // The Shanghai form's labels say （元）: only the national form prints its unit, so only it may print 万元.
  if (national) project.amountUnit = random.next() < 0.5 ? '元' : '万元';
  else delete project.amountUnit;
  evaluation.indicators = indicators(random, template, random.next() < 0.15 ? random.int(1, 4) : random.int(5, 30), identity);
  evaluation.annualGoal = randomText(random, textLength(random, [20, 120], [121, 700]));
  if (national) {
    evaluation.funding = fundingRows(random, project);
    evaluation.actualOutcome = randomText(random, textLength(random, [20, 120], [121, 500]));
    const weight = template.execution.weight;
    evaluation.execution = { weight, score: pointsOf(executionScore(executionFigures(project)!.rate, pointsHundredths(weight))) };
  } else {
    for (const key of ['achievements', 'problems', 'improvements'] as const) {
      const text = maybeBlank(random, 0.15, randomText(random, textLength(random, [10, 80], [81, 400])));
      if (text === undefined) delete evaluation[key];
      else evaluation[key] = text;
    }
  }
  const computed = computeEvaluation(evaluation, template);
  evaluation.totals = { weight: computed.weight, score: computed.score };
  evaluation.grade = computed.grade.label.zh;
  const checked = validateEvaluation(evaluation);
  if (!checked.ok) throw new Error(`generated an invalid evaluation: ${JSON.stringify(checked.problems)}`);
  return evaluation;
}
