/**
 * The follow-up of a synthetic province's latest year (issue 17), for `jixiao gen`: rectification
 * items raised on some of the forms the bureau reviewed (and on some returned ones), in a spread of
 * statuses — open (some past their due day), answered, closed — and the results applications the
 * bureau recorded, their category following the form's grade. Deterministic for a random source.
 */
import type { RectificationStatus, ResultsCategory } from '../core/followup/rectification.ts';
import type { Status } from '../core/workflow/workflow.ts';
import type { Random } from './synthetic-evaluations.ts';

const PROBLEMS: ReadonlyArray<readonly [string, string]> = [
  ['预算执行率偏低，资金沉淀', '分析执行滞后原因，制定支出计划并按月报送执行进度'],
  ['绩效指标未细化量化，目标值无法考核', '按项目实施内容细化数量、质量、时效指标并设定可考核的目标值'],
  ['扣分指标未说明偏差原因', '逐项说明扣分原因，提出改进措施'],
  ['满意度调查缺少样本与方法说明', '补充调查方案、样本量和问卷，留存调查记录'],
  ['自评分高于复核分，自评偏松', '对照评分标准重新自评，完善自评工作底稿'],
  ['部分支出与项目内容关联不紧密', '清理与项目无关的支出，规范资金使用范围'],
];

const MEASURES = ['已制定整改方案，调整支出进度并按月跟踪', '已修订绩效目标表，细化量化指标', '已补充佐证材料并说明偏差原因'];

export interface SyntheticRectification {
  problem: string;
  requirement: string;
  status: RectificationStatus;
  raisedAt: string;
  dueDate: string;
  measures: string | null;
  answeredAt: string | null;
  closedAt: string | null;
}

export interface SyntheticApplication {
  category: ResultsCategory;
  text: string;
  recordedAt: string;
}

const APPLICATION_TEXT: Record<ResultsCategory, string> = {
  keep: '评价结果良好，下年度预算按原规模安排',
  increase: '绩效优秀且需求增长，下年度适当增加预算',
  reduce: '执行偏慢、效益一般，下年度压减预算',
  stop: '绩效较差，项目已完成阶段目标，下年度不再安排',
  'rectify-first': '整改到位后再安排下年度预算',
  other: '结合部门预算审核统筹考虑',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A day of `year` from a day number 0…364 (months of 30 days, simple and valid). */
function dayOf(year: number, n: number): string {
  const month = Math.min(12, Math.floor(n / 30) + 1);
  return `${year}-${pad(month)}-${pad((n % 28) + 1)}`;
}

/**
 * What follows one form of the latest year (`year`, evaluated during year + 1): about a third of the
 * reviewed forms and a fifth of the returned ones get a rectification item (some two), and about
 * 60 % of the reviewed forms a results application whose category follows the grade.
 */
export function syntheticFollowup(random: Random, form: { year: number; status: Status; grade: string }): { items: SyntheticRectification[]; application: SyntheticApplication | null } {
  const reviewed = form.status === 'approved' || form.status === 'published';
  const chance = reviewed ? 0.33 : form.status === 'returned' ? 0.2 : 0;
  const items: SyntheticRectification[] = [];
  const evaluated = form.year + 1;
  if (random.next() < chance) {
    const count = random.next() < 0.15 ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const [problem, requirement] = PROBLEMS[Math.floor(random.next() * PROBLEMS.length)]!;
      const raised = 90 + Math.floor(random.next() * 120);
      const due = raised + 30 + Math.floor(random.next() * 240);
      const dueDate = due < 360 ? dayOf(evaluated, due) : dayOf(evaluated + 1, due - 360);
      const r = random.next();
      const status: RectificationStatus = r < 0.4 ? 'open' : r < 0.6 ? 'answered' : 'closed';
      const answered = status === 'open' ? null : `${dayOf(evaluated, Math.min(359, raised + 20))}T03:00:00.000Z`;
      items.push({
        problem, requirement, status, dueDate, raisedAt: `${dayOf(evaluated, raised)}T02:00:00.000Z`,
        measures: status === 'open' ? null : MEASURES[Math.floor(random.next() * MEASURES.length)]!,
        answeredAt: answered,
        closedAt: status === 'closed' ? `${dayOf(evaluated, Math.min(359, raised + 35))}T04:00:00.000Z` : null,
      });
    }
  }
  let application: SyntheticApplication | null = null;
  if (reviewed && random.next() < 0.6) {
    const r = random.next();
    const byGrade: Record<string, ResultsCategory> = { 优: r < 0.7 ? 'keep' : 'increase', 优秀: r < 0.7 ? 'keep' : 'increase', 良: r < 0.8 ? 'keep' : 'other', 良好: r < 0.8 ? 'keep' : 'other', 中: r < 0.6 ? 'reduce' : 'rectify-first', 合格: r < 0.6 ? 'reduce' : 'rectify-first', 差: r < 0.5 ? 'stop' : 'reduce', 不合格: r < 0.5 ? 'stop' : 'reduce' };
    const category = byGrade[form.grade] ?? (r < 0.5 ? 'rectify-first' : 'reduce');
    application = { category, text: APPLICATION_TEXT[category], recordedAt: `${dayOf(evaluated, 200 + Math.floor(random.next() * 100))}T06:00:00.000Z` };
  }
  return { items, application };
}
