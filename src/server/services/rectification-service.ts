/**
 * Rectification items (整改, issue 17): the finance bureau's reviewer, or a department reviewer for
 * the forms of its units, raises an item on a form the unit has sent (on the whole form, one of its
 * indicators, or from a re-check result); the unit's preparer or approver answers with its measures
 * and evidence files (which it may upload to the form, whatever its status, while an item is open:
 * evidence-permission.ts); the reviewer (or that department) accepts it (closed) or sends it back (open
 * again). Overdue is read, not stored: still open after its due date, the bureau's calendar day.
 *
 * Access is checked first in every call (404 for an item whose form the user may not see, 403 for
 * a role that may never act on it, then 409 for a stale version or a step its status does not
 * allow, then 422 for what the request names wrongly). Each change is one transaction with its entry
 * in `followup_audit`, conditional on the item's version.
 */
import {
  isOverdue, rectificationTransition, RECTIFICATION_ACTIONS,
  type RectificationAction, type RectificationFilter, type RectificationStatus,
} from '../../core/followup/rectification.ts';
import { explain } from '../../core/explanation.ts';
import { inBothLanguages, format, type Lang } from '../../core/locale/messages.ts';
import { reaches, EDITABLE, visibleScope, type Actor } from '../../core/workflow/workflow.ts';
import { chinaDate } from '../../core/year/progress.ts';
import type { Page } from '../../storage/paging.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { RectificationChange, RectificationListFilter, RectificationRecord } from '../../storage/repositories/followup-repository.ts';
import type { StoredEvaluation } from '../../storage/repositories/evaluation-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError, forbidden, notFound, type Issue } from '../api-error.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { visibleEvaluation } from './evaluation-service.ts';

/** The most rows one export writes: beyond it, 422 TOO_MANY_ROWS (filter first). */
export const RECTIFICATION_EXPORT_MAX = 50_000;

export interface RaiseRequest {
  problem: string;
  requirement: string;
  dueDate: string;
  indicator?: string | undefined;
  recheckDraw?: string | undefined;
}

export interface RectificationQuery {
  year?: number | undefined;
  unit?: string | undefined;
  status?: RectificationFilter | undefined;
}

type Unit = { unitId: string; unitPath: string };

/**
 * Who may take a step on an item of a unit: raise, accept and send back are the bureau's reviewer's
 * (every unit) and a department reviewer's (its units and itself); answering is the unit's own
 * preparer's and approver's. The admin only reads.
 */
export function mayAct(actor: Actor, action: 'raise' | RectificationAction, unit: Unit): boolean {
  if (action === 'answer') return (actor.role === 'preparer' || actor.role === 'approver') && reaches(actor, unit, 'own');
  if (actor.role === 'reviewer') return true;
  return actor.role === 'department' && reaches(actor, unit, 'subtree');
}

const unitOf = (item: RectificationRecord): Unit => ({ unitId: item.unit.id, unitPath: item.unitPath });
const formUnit = (stored: StoredEvaluation): Unit => ({ unitId: stored.unit.id, unitPath: stored.unitPath });

export class RectificationService {
  constructor(
    private readonly ctx: ServiceContext,
    /** The most rows an export writes (tests lower it). */
    private readonly exportMax = RECTIFICATION_EXPORT_MAX,
  ) {}

  /** The bureau's calendar day now (Asia/Shanghai), YYYY-MM-DD. */
  today(): string {
    return chinaDate(this.ctx.now());
  }

  async raise(user: User, evaluationId: string, request: RaiseRequest) {
    const actor = actorOf(user);
    const id = crypto.randomUUID();
    await inTransaction(this.ctx.db, async (repos) => {
      const stored = await visibleEvaluation(repos, actor, evaluationId);
      if (!mayAct(actor, 'raise', formUnit(stored))) throw forbidden();
      await this.requireRaisable(repos, stored);
      const issues: Issue[] = [];
      const indicator = request.indicator === undefined ? null : stored.document.indicators.find((i) => i.id === request.indicator);
      if (indicator === undefined) issues.push({ path: 'indicator', message: explain('rectification.unknownIndicator', { indicator: request.indicator! }) });
      if (request.recheckDraw !== undefined && !(await repos.followup.drawHas(request.recheckDraw, evaluationId))) {
        issues.push({ path: 'recheckDraw', message: explain('rectification.notInDraw', { draw: request.recheckDraw }) });
      }
      const today = this.today();
      if (request.dueDate < today) issues.push({ path: 'dueDate', message: explain('rectification.duePast', { dueDate: request.dueDate, today }) });
      if (issues.length > 0) throw invalid(issues);
      const at = this.ctx.now().toISOString();
      const item = {
        id, evaluationId, unitId: stored.unit.id, year: stored.year, projectCode: stored.document.project.code ?? '', project: stored.project,
        indicatorId: indicator?.id ?? null, indicatorName: indicator ? indicator.name : null, recheckDrawId: request.recheckDraw ?? null,
        problem: request.problem, requirement: request.requirement, dueDate: request.dueDate, raisedBy: user.id, raisedAt: at,
      };
      await repos.followup.insertRectification(item);
      await repos.followup.appendAudit({
        subject: 'rectification', subjectId: id, evaluationId, at, userId: user.id, action: 'raise', comment: null,
        changes: {
          status: { from: null, to: 'open' }, problem: { from: null, to: item.problem }, requirement: { from: null, to: item.requirement },
          dueDate: { from: null, to: item.dueDate }, indicator: { from: null, to: item.indicatorId }, recheckDraw: { from: null, to: item.recheckDrawId },
        },
      });
    });
    return this.get(user, id);
  }

  /** The form's items, the unclosed items of the same project's earlier forms, and whether the user may raise one. */
  async forForm(user: User, evaluationId: string) {
    const actor = actorOf(user);
    const repos = repositories(this.ctx.db);
    const stored = await visibleEvaluation(repos, actor, evaluationId);
    const items = await repos.followup.ofEvaluation(evaluationId);
    const earlier = await repos.followup.earlierOpen({ unitId: stored.unit.id, year: stored.year, projectCode: stored.document.project.code ?? '', project: stored.project });
    const mayRaise = mayAct(actor, 'raise', formUnit(stored)) && (await this.raisable(repos, stored)) === null;
    return { items: await this.views(repos, actor, items), earlier: await this.views(repos, actor, earlier), mayRaise };
  }

  /** One page of what the user may see, filtered; by due date, then id. */
  async list(user: User, query: RectificationQuery, page: Page) {
    const actor = actorOf(user);
    const scope = visibleScope(actor);
    if (scope.nothing) return { items: [], total: 0, ...page };
    const repos = repositories(this.ctx.db);
    const filter = this.filter(query);
    const items = await repos.followup.list(scope, filter, page);
    return { items: await this.views(repos, actor, items), total: await repos.followup.count(scope, filter), ...page };
  }

  /** Every item of the list (no paging) for the export, at most `exportMax` (else 422 TOO_MANY_ROWS, nothing read). */
  async exportRows(user: User, query: RectificationQuery) {
    const actor = actorOf(user);
    const scope = visibleScope(actor);
    const today = this.today();
    if (scope.nothing) return { today, items: [] };
    const repos = repositories(this.ctx.db);
    const filter = this.filter(query);
    const total = await repos.followup.count(scope, filter);
    if (total > this.exportMax) throw new ApiError(422, 'TOO_MANY_ROWS', { params: { total, max: this.exportMax } });
    return { today, items: await this.views(repos, actor, await repos.followup.list(scope, filter)) };
  }

  async get(user: User, id: string) {
    const actor = actorOf(user);
    const repos = repositories(this.ctx.db);
    const item = await this.visibleItem(repos, actor, id);
    return (await this.views(repos, actor, [item]))[0]!;
  }

  /** The item's audit log, oldest first, one page at a time. */
  async audit(user: User, id: string, page: Page) {
    const repos = repositories(this.ctx.db);
    await this.visibleItem(repos, actorOf(user), id);
    const items = (await repos.followup.audit('rectification', id, page)).map(({ at, user: by, action, comment, changes }) => ({ at, user: by, action, comment, changes }));
    return { items, total: await repos.followup.auditCount('rectification', id), ...page };
  }

  /** The unit's measures and the evidence files (of the same form) they cite: open → answered. */
  async answer(user: User, id: string, body: { measures: string; evidence: string[]; version?: number | undefined }) {
    return this.step(user, id, 'answer', body.version, async (repos, item, at) => {
      // The form's evidence takes turns with this answer: a file is not removed between being found here and being cited.
      await repos.evidence.lockEvaluation(item.evaluationId);
      const issues: Issue[] = [];
      for (const [i, fileId] of body.evidence.entries()) {
        const file = await repos.evidence.get(item.evaluationId, fileId);
        if (!file || file.deletedAt !== null) issues.push({ path: `evidence[${i}]`, message: explain('rectification.unknownEvidence', { evidence: fileId }) });
      }
      if (issues.length > 0) throw invalid(issues);
      const evidence = [...new Set(body.evidence)];
      return {
        change: { status: 'answered', measures: body.measures, evidence, answeredBy: user.id, answeredAt: at, at },
        comment: null,
        changes: { measures: { from: item.measures, to: body.measures }, evidence: { from: item.evidence, to: evidence } },
      };
    });
  }

  /** The reviewer (or the unit's department) accepts the answer: answered → closed. */
  async accept(user: User, id: string, body: { comment?: string | undefined; version?: number | undefined }) {
    return this.step(user, id, 'accept', body.version, async (_repos, _item, at) => ({
      change: { status: 'closed', closedBy: user.id, closedAt: at, at },
      comment: body.comment?.trim() ? body.comment.trim() : null,
      changes: {},
    }));
  }

  /** The reviewer (or the unit's department) sends the answer back with a reason: answered → open. */
  async sendBack(user: User, id: string, body: { reason: string; version?: number | undefined }) {
    return this.step(user, id, 'send-back', body.version, async (_repos, item, at) => ({
      change: { status: 'open', sendBackReason: body.reason, at },
      comment: body.reason,
      changes: { sendBackReason: { from: item.sendBackReason, to: body.reason } },
    }));
  }

  /**
   * A step of the item's workflow: 404 unseen, 403 a role that may not take it on this unit, 409
   * RECTIFICATION_CONFLICT on a stale version, 409 RECTIFICATION_STATUS from the wrong status; then
   * `work` validates and says what changes, written conditional on the version with its audit entry.
   */
  private async step(
    user: User, id: string, action: RectificationAction, seenVersion: number | undefined,
    work: (repos: Repositories, item: RectificationRecord, at: string) => Promise<{ change: RectificationChange; comment: string | null; changes: Record<string, { from: unknown; to: unknown }> }>,
  ) {
    const actor = actorOf(user);
    await inTransaction(this.ctx.db, async (repos) => {
      await repos.followup.lockRectification(id);
      const item = await this.visibleItem(repos, actor, id);
      if (!mayAct(actor, action, unitOf(item))) throw forbidden();
      if (seenVersion !== undefined && seenVersion !== item.version) throw conflict(item);
      const to = rectificationTransition(item.status, action);
      if (to === null) throw new ApiError(409, 'RECTIFICATION_STATUS', { params: { status: statusWord(item.status), action: inBothLanguages(`rectification.action.${action}`) } });
      const at = this.ctx.now().toISOString();
      const { change, comment, changes } = await work(repos, item, at);
      const version = await repos.followup.updateRectification(id, item.version, change);
      if (version === null) throw conflict((await repos.followup.getRectification(id))!);
      await repos.followup.appendAudit({
        subject: 'rectification', subjectId: id, evaluationId: item.evaluationId, at, userId: user.id, action, comment,
        changes: { status: { from: item.status, to }, ...changes },
      });
    });
    return this.get(user, id);
  }

  /** The item, if the user may see its form; 404 otherwise, whether or not it exists. */
  private async visibleItem(repos: Repositories, actor: Actor, id: string): Promise<RectificationRecord> {
    const item = await repos.followup.getRectification(id);
    if (!item) throw notFound();
    await visibleEvaluation(repos, actor, item.evaluationId);
    return item;
  }

  private async requireRaisable(repos: Repositories, stored: StoredEvaluation): Promise<void> {
    const refusal = await this.raisable(repos, stored);
    if (refusal !== null) throw new ApiError(409, refusal);
  }

  /** Why no item may be raised on the form (deleted; a draft or returned form never submitted), or null. */
  private async raisable(repos: Repositories, stored: StoredEvaluation): Promise<'FORM_DELETED' | 'FORM_NOT_SUBMITTED' | null> {
    if (stored.deletedAt !== null) return 'FORM_DELETED';
    if (EDITABLE.includes(stored.status) && !(await repos.followup.everSubmitted(stored.id))) return 'FORM_NOT_SUBMITTED';
    return null;
  }

  private filter(query: RectificationQuery): RectificationListFilter {
    return { year: query.year, unitId: query.unit, status: query.status, today: this.today() };
  }

  private async views(repos: Repositories, actor: Actor, items: readonly RectificationRecord[]) {
    const names = await repos.followup.evidenceNames(items.flatMap((i) => i.evidence));
    const today = this.today();
    return items.map((item) => rectificationView(item, names, today, actor));
  }
}

export function rectificationView(item: RectificationRecord, evidenceNames: ReadonlyMap<string, string>, today: string, actor: Actor) {
  return {
    id: item.id,
    evaluationId: item.evaluationId,
    year: item.year,
    unit: item.unit,
    project: item.project,
    projectCode: item.projectCode === '' ? null : item.projectCode,
    indicator: item.indicatorId === null ? null : { id: item.indicatorId, name: item.indicatorName ?? '' },
    recheckDraw: item.recheckDrawId,
    problem: item.problem,
    requirement: item.requirement,
    dueDate: item.dueDate,
    status: item.status,
    overdue: isOverdue(item.status, item.dueDate, today),
    measures: item.measures,
    evidence: item.evidence.map((id) => ({ id, fileName: evidenceNames.get(id) ?? '' })),
    sendBackReason: item.sendBackReason,
    raisedBy: item.raisedBy,
    raisedAt: item.raisedAt,
    answeredBy: item.answeredBy,
    answeredAt: item.answeredAt,
    closedBy: item.closedBy,
    closedAt: item.closedAt,
    version: item.version,
    allowedActions: RECTIFICATION_ACTIONS.filter((action) => rectificationTransition(item.status, action) !== null && mayAct(actor, action, unitOf(item))),
  };
}

export type RectificationView = ReturnType<typeof rectificationView>;

const statusWord = (status: RectificationStatus) => inBothLanguages(`rectification.status.${status}`);

/** 422 naming every wrong field (in `issues` and in the message). */
function invalid(issues: Issue[]): ApiError {
  return new ApiError(422, 'RECTIFICATION_INVALID', { params: { fields: issues.map((i) => i.path).join(', ') }, issues });
}

function conflict(item: RectificationRecord): ApiError {
  return new ApiError(409, 'RECTIFICATION_CONFLICT', { params: { version: item.version }, extra: { version: item.version, status: item.status } });
}

/** A status label in the request's language (the export). */
export const rectificationStatusLabel = (status: RectificationStatus, lang: Lang) => format(`rectification.status.${status}`, {}, lang);
