/**
 * Seeded random targets and monitoring documents that a template's layout can hold in full:
 * only the fields its form prints (no ids, no unprinted 评分规则), long goals and targets that
 * wrap, many indicators over several pages, amounts to the fen, several funding rows, every cause
 * of deviation and every likelihood. The same seed gives the same document.
 */
import { DEVIATION_CAUSES, LIKELIHOODS, MONITORING_SCHEMA_ID, type Monitoring } from '../../src/core/model/monitoring.ts';
import { TARGETS_SCHEMA_ID, type Targets } from '../../src/core/model/targets.ts';
import type { DocumentLayout, Template } from '../../src/core/templates/template.ts';
import { randomSource, type Random } from '../../src/demo/synthetic-evaluations.ts';

const PHRASES = [
  '完成年度计划任务', '服务对象覆盖率', '按期完成', '提升公共服务水平', '群众满意度', '设备完好率', '培训人次',
  '资金使用合规', '项目验收合格率', '信息系统正常运行', '开展专项检查', '建立长效机制', '（含区级配套）', '第3季度',
  '≥95%', '=100%', '≤30天', '不低于上年', '2,000人次', 'ISO9001', '《管理办法》',
];

function text(random: Random, minPhrases: number, maxPhrases: number): string {
  const n = random.int(minPhrases, maxPhrases);
  const parts = Array.from({ length: n }, () => random.pick(PHRASES));
  // Never two phrases run together: a run of Latin letters and signs wider than its cell is broken
  // mid-run, and a PDF cannot say whether a space stood at the break (the reader puts one there).
  return parts.join(random.pick(['，', '；', '、'])) + random.pick(['。', '', '']);
}

function amount(random: Random, maxYuan = 50_000_000): string {
  const fen = random.int(0, maxYuan * 100);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function printed(layout: DocumentLayout, field: string): boolean {
  return layout.columns.some((c) => c.field === field && c.printed !== false);
}

function projectOf(random: Random, layout: DocumentLayout, skip: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const project: Record<string, unknown> = { name: `${text(random, 1, 3)}项目` };
  for (const key of Object.keys(layout.fieldLabels)) {
    if (!key.startsWith('project.') || key === 'project.name' || skip.has(key)) continue;
    const field = key.slice('project.'.length);
    if (field === 'recurring') project[field] = random.next() < 0.5;
    else if (/^(budget(Current|Previous)Year|budgetInitial|executedToDate|expectedYearEnd)$/u.test(field)) project[field] = amount(random);
    else project[field] = `上海市${random.pick(['普陀区', '静安区', '徐汇区'])}${random.pick(['体育局', '教育局', '民政局', '服务中心'])}`;
  }
  return project;
}

/** Indicators in blocks of the template's categories, each with its 二级指标 where the layout prints one. */
function indicatorHeads(random: Random, template: Template, layout: DocumentLayout, count: number) {
  const heads: { category: string; subcategory?: string }[] = [];
  while (heads.length < count) {
    const category = random.pick(template.categories);
    for (let k = random.int(1, 6); k > 0 && heads.length < count; k--) {
      const subcategory = printed(layout, 'subcategory') && category.subcategories.length > 0 ? random.pick(category.subcategories) : undefined;
      heads.push({ category: category.key, ...(subcategory ? { subcategory } : {}) });
    }
  }
  return heads;
}

function fundingSources(random: Random, layout: DocumentLayout): string[] {
  const words = layout.fundingRows.map((key) => layout.fieldLabels[key]!.zh);
  return Array.from({ length: random.int(1, 5) }, (_, i) => words[i] ?? `其中：${text(random, 1, 2)}`);
}

export function randomTargets(seed: number, template: Template): Targets {
  const random = randomSource(seed);
  const layout = template.documents!.targets!;
  const hasFunding = layout.fieldLabels['form.fundingHeading'] !== undefined && random.next() < 0.8;
  const project = projectOf(random, layout);
  if (hasFunding && random.next() < 0.5) project.amountUnit = '万元';
  return {
    schema: TARGETS_SCHEMA_ID,
    template: template.id,
    year: random.int(2019, 2030),
    project: project as Targets['project'],
    ...(hasFunding ? { funding: fundingSources(random, layout).map((source) => ({ source, budget: amount(random) })) } : {}),
    annualGoal: text(random, 1, 40),
    indicators: indicatorHeads(random, template, layout, random.int(1, 45)).map((head) => ({
      ...head,
      name: text(random, 1, 4),
      target: text(random, 1, 8),
      weight: random.int(0, 10000) / 100,
      ...(printed(layout, 'rule') ? { rule: text(random, 1, 10) } : {}),
    })),
  };
}

const SPENDING = new Set(['project.budgetCurrentYear', 'project.executedToDate', 'project.expectedYearEnd']);

export function randomMonitoring(seed: number, template: Template): Monitoring {
  const random = randomSource(seed);
  const layout = template.documents!.monitoring!;
  const year = random.int(2019, 2030);
  const hasFunding = random.next() < 0.75;
  const project = projectOf(random, layout, hasFunding ? SPENDING : new Set());
  if (hasFunding && random.next() < 0.5) project.amountUnit = '万元';
  const month = random.int(1, 12);
  return {
    schema: MONITORING_SCHEMA_ID,
    template: template.id,
    year,
    asOf: `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    project: project as Monitoring['project'],
    ...(hasFunding
      ? { funding: fundingSources(random, layout).map((source) => ({ source, budget: amount(random), executedToDate: amount(random), expectedYearEnd: amount(random) })) }
      : {}),
    annualGoal: text(random, 1, 30),
    progressSummary: text(random, 1, 30),
    indicators: indicatorHeads(random, template, layout, random.int(1, 40)).map((head) => ({
      ...head,
      name: text(random, 1, 4),
      target: text(random, 1, 6),
      progress: text(random, 1, 6),
      expectedYearEnd: text(random, 1, 4),
      deviationCauses: DEVIATION_CAUSES.filter(() => random.next() < 0.3),
      likelihood: random.pick(LIKELIHOODS),
      ...(random.next() < 0.5 ? { remark: text(random, 1, 5) } : {}),
    })),
  };
}
