/**
 * The demo's follow-up (issue 17): a few rectification items on the demo's sent forms, at every
 * point of their workflow — one closed, one answered and waiting for the bureau, one sent back and
 * overdue, one just raised by the department — with the history that got them there (raised,
 * answered, sent back, accepted, dated before the demo's clock), and the bureau's results
 * application of the published form. Written through the repository, as the history is.
 */
import type { Evaluation } from '../core/model/evaluation.ts';
import { chinaDate } from '../core/year/progress.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NewRectification } from '../storage/repositories/followup-repository.ts';

export interface DemoForm {
  id: string;
  unitId: string;
  year: number;
  status: string;
  document: Evaluation;
}

const DAY = 24 * 60 * 60 * 1000;

export async function loadDemoFollowup(
  repos: Repositories,
  options: { forms: readonly DemoForm[]; userOf: (username: string) => string; now: Date },
): Promise<void> {
  const published = options.forms.find((f) => f.status === 'published');
  const sent = options.forms.find((f) => f.status === 'submitted');
  if (!published || !sent) return;
  const time = (days: number) => new Date(options.now.getTime() + days * DAY).toISOString();
  const day = (days: number) => chinaDate(new Date(options.now.getTime() + days * DAY));
  const [reviewer, department] = [options.userOf('reviewer'), options.userOf('department')];

  const item = (form: DemoForm, indicator: number | null, fields: Omit<NewRectification, 'id' | 'evaluationId' | 'unitId' | 'year' | 'projectCode' | 'project' | 'indicatorId' | 'indicatorName' | 'recheckDrawId'>): NewRectification => {
    const chosen = indicator === null ? undefined : form.document.indicators[indicator];
    return {
      id: crypto.randomUUID(), evaluationId: form.id, unitId: form.unitId, year: form.year, projectCode: form.document.project.code ?? '',
      project: form.document.project.name, indicatorId: chosen?.id ?? null, indicatorName: chosen?.name ?? null, recheckDrawId: null, ...fields,
    };
  };
  const unitUser = (form: DemoForm, role: 'preparer' | 'approver') => options.userOf(form === published ? role : `${role}2`);

  const closed = item(published, 0, {
    problem: '产出数量指标目标值低于上年实际完成值，目标设置偏低', requirement: '按上年实际和本年预算重新测算目标值，并在下年度绩效目标中体现',
    dueDate: day(-30), raisedBy: reviewer, raisedAt: time(-60), status: 'closed', version: 3,
    measures: '已按上年实际完成值重新测算，下年度目标值调高至上年实际水平', answeredBy: unitUser(published, 'preparer'), answeredAt: time(-40),
    closedBy: reviewer, closedAt: time(-35),
  });
  const answered = item(published, null, {
    problem: '预算执行率偏低，未说明原因', requirement: '说明资金结余原因，提出加快执行的措施',
    dueDate: day(10), raisedBy: reviewer, raisedAt: time(-20), status: 'answered', version: 2,
    measures: '结余系采购节约所致；已调整支付计划，按月跟踪执行进度', answeredBy: unitUser(published, 'approver'), answeredAt: time(-3),
  });
  const overdue = item(published, 1, {
    problem: '满意度指标无调查佐证', requirement: '补充满意度调查问卷及统计结果',
    dueDate: day(-5), raisedBy: reviewer, raisedAt: time(-45), status: 'open', version: 3,
    measures: '将于下季度开展满意度调查', answeredBy: unitUser(published, 'preparer'), answeredAt: time(-25),
    sendBackReason: '请提供已完成的调查结果，而非计划',
  });
  const fresh = item(sent, 2, {
    problem: '指标扣分未说明原因', requirement: '逐项说明扣分原因及改进措施',
    dueDate: day(30), raisedBy: department, raisedAt: time(-1),
  });
  for (const i of [closed, answered, overdue, fresh]) await repos.followup.insertRectification(i);

  const audit = (i: NewRectification, at: string, userId: string, action: string, comment: string | null, changes: Record<string, { from: unknown; to: unknown }>) =>
    repos.followup.appendAudit({ subject: 'rectification', subjectId: i.id, evaluationId: i.evaluationId, at, userId, action, comment, changes });
  const raised = (i: NewRectification) =>
    audit(i, i.raisedAt, i.raisedBy, 'raise', null, { status: { from: null, to: 'open' }, problem: { from: null, to: i.problem }, requirement: { from: null, to: i.requirement }, dueDate: { from: null, to: i.dueDate } });
  const answer = (i: NewRectification) => audit(i, i.answeredAt!, i.answeredBy!, 'answer', null, { status: { from: 'open', to: 'answered' }, measures: { from: null, to: i.measures }, evidence: { from: [], to: [] } });
  for (const i of [closed, answered, overdue, fresh]) await raised(i);
  for (const i of [closed, answered, overdue]) await answer(i);
  await audit(closed, closed.closedAt!, reviewer, 'accept', null, { status: { from: 'answered', to: 'closed' } });
  await audit(overdue, time(-20), reviewer, 'send-back', overdue.sendBackReason!, { status: { from: 'answered', to: 'open' }, sendBackReason: { from: null, to: overdue.sendBackReason } });

  const text = '自评得分较高，但预算执行率偏低且满意度缺少佐证：下年度预算按执行情况适当压减，整改完成后再行安排';
  await repos.followup.putResultsApplication({ evaluationId: published.id, unitId: published.unitId, year: published.year, category: 'reduce', text, userId: reviewer, at: time(-2) }, null);
  await repos.followup.appendAudit({
    subject: 'results-application', subjectId: published.id, evaluationId: published.id, at: time(-2), userId: reviewer, action: 'record', comment: null,
    changes: { category: { from: null, to: 'reduce' }, text: { from: null, to: text } },
  });
}
