/**
 * Evaluations: reading what the user may see, creating, editing, the workflow's transitions and
 * copying to the next year. Every mutation checks access first, then works in one transaction and
 * writes its audit entry in the same transaction.
 */
import { evaluate, hasErrors } from '../../core/checks/run-checks.ts';
import { findingJson } from '../../core/checks/report-json.ts';
import { inBothLanguages, type Lang } from '../../core/locale/messages.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { contentHash } from '../../core/model/content-hash.ts';
import { manifestHash, manifestOf } from '../../core/evidence/manifest.ts';
import { fieldChanges } from '../../core/workflow/field-changes.ts';
import { nameIndicators } from '../../core/workflow/named-changes.ts';
import { withIndicatorIds } from '../../core/lineage/indicator-ids.ts';
import { nextYearDraft } from '../../core/workflow/next-year.ts';
import { normalizeWords } from '../../core/lineage/lineage-key.ts';
import {
  allowedActions, awaiting, canCreate, canSee, permission, TRANSITIONS, visibleScope,
  type Action, type Actor, type Status, type Subject, type TransitionAction,
} from '../../core/workflow/workflow.ts';
import type { Page } from '../../storage/paging.ts';
import { countOf as auditCount } from '../../storage/repositories/audit-repository.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import { GroupCommit } from '../../storage/group-commit.ts';
import { columnsOf } from '../../storage/evaluation-columns.ts';
import type { EvaluationFilter, StoredEvaluation } from '../../storage/repositories/evaluation-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError, forbidden, notFound } from '../api-error.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { BoundedWork } from './bounded-work.ts';
import { approvedTargetsOf } from './cycle-service.ts';
import { evaluationView, publicEvaluationView, summaryView, type Summary } from './evaluation-views.ts';

/**
 * The public list is anyone's to ask for: its pages are computed at most four at a time, equal
 * requests share one computation, and a page is kept 5 seconds. A crowd of anonymous readers then
 * costs a few queries, and the people at work keep the database. This process forgets its pages
 * when a form is published, deleted or restored; another process behind the balancer shows the
 * change within the 5 seconds.
 */
const PUBLIC_LIST = { concurrency: 4, queue: 200, ttlMs: 5_000, entries: 1000 };

export class EvaluationService {
  private readonly publicList = new BoundedWork<{ items: Summary[]; total: number; limit: number; offset: number }>(PUBLIC_LIST);
  /** The public list's total per filter, kept as its pages are: every page of a filter shares one count. */
  private readonly publicTotals = new BoundedWork<number>(PUBLIC_LIST);
  /** Saves (PUT of a whole form) arriving together are committed together: one transaction, one fsync (issue 18). */
  private readonly saves: GroupCommit;

  constructor(private readonly ctx: ServiceContext) {
    this.saves = new GroupCommit(ctx.db);
  }

  /** One page of what the user may see (the public: published forms), and how many there are in all. */
  async list(user: User | null, filter: EvaluationFilter, page: Page, needsMyAction = false) {
    const repos = repositories(this.ctx.db);
    const scope = visibleScope(actorOf(user));
    if (user !== null && needsMyAction) {
      // The inbox: what waits for this user's role (the core's rule), within what it may see.
      const waiting = awaiting(actorOf(user));
      if (waiting === null) return { items: [], total: 0, ...page };
      filter = { ...filter, awaiting: waiting };
    }
    const items = async () => (await repos.evaluations.list(scope, filter, page)).map(summaryView);
    if (user !== null) return { items: await items(), total: await repos.evaluations.count(scope, filter), ...page };
    const key = JSON.stringify([filter.year, filter.unitId]);
    return this.publicList.get(`${key}${page.limit},${page.offset}`, async () => ({
      items: await items(), total: await this.publicTotals.get(key, () => repos.evaluations.count(scope, filter)), ...page,
    }));
  }

  async get(user: User | null, id: string, lang: Lang) {
    const actor = actorOf(user);
    const repos = repositories(this.ctx.db);
    const stored = await this.visible(repos, actor, id);
    if (user === null) return publicEvaluationView(stored, evaluate(stored.document, this.template(stored.document)), lang);
    // Made from targets (issue 16): checked against their newest approved version too.
    const approved = await approvedTargetsOf(repos, id);
    const report = evaluate(stored.document, this.template(stored.document), approved?.targets);
    return { ...evaluationView(stored, report, allowedActions(actor, subject(stored)), lang), approvedTargets: approved ? { id: approved.id, version: approved.version } : null };
  }

  /** The stored evaluation, for exports; 404 unless the user may see it. */
  async document(user: User | null, id: string): Promise<StoredEvaluation> {
    return this.visible(repositories(this.ctx.db), actorOf(user), id);
  }

  async create(user: User, evaluation: Evaluation): Promise<{ id: string }> {
    const actor = actorOf(user);
    if (!canCreate(actor)) throw forbidden();
    return this.insertDraft(user, actor.unitId!, evaluation, 'create');
  }

  /**
   * A save, acknowledged once committed. It shares its transaction with the saves around it
   * (GroupCommit), keeping its own answer: a stale version is 409 for it alone.
   */
  async update(user: User, id: string, version: number, evaluation: Evaluation): Promise<{ version: number }> {
    const actor = actorOf(user);
    return this.saves.run(async (repos) => {
      const stored = await this.visible(repos, actor, id);
      // A frozen (submitted, approved, published) form is not editable: 403, as for other roles.
      if (permission(actor, 'edit', subject(stored)) !== 'allowed') throw forbidden();
      if (stored.version !== version) throw conflict(stored);
      evaluation = withIndicatorIds(evaluation, stored.document, () => crypto.randomUUID()); // lineage: ids kept or given
      const template = this.knownTemplate(evaluation);
      const changes = fieldChanges(stored.document, evaluation);
      if (changes.length === 0) return { version: stored.version };
      const at = this.now();
      const next = await repos.evaluations.updateWithAudit(
        id, version, { document: evaluation, columns: columnsOf(evaluation, template), at },
        { evaluationId: id, at, userId: user.id, action: 'edit', comment: null, changes: nameIndicators(changes, stored.document, evaluation) },
      );
      if (next === null) throw conflict(await this.visible(repos, actor, id));
      return { version: next };
    });
  }

  /**
   * A step of the workflow on the version the actor was looking at: when the form has changed since
   * (an edit, another transition), 409 VERSION_CONFLICT with the current version, document and status,
   * so that nothing is submitted, returned or approved unseen. The check and the step are one
   * transaction, and the update itself is conditional on the version (no race).
   */
  async transition(user: User, id: string, action: TransitionAction, comment: string | undefined, seenVersion: number, lang: Lang): Promise<{ status: Status; version: number }> {
    const actor = actorOf(user);
    const rule = TRANSITIONS[action];
    return inTransaction(this.ctx.db, async (repos) => {
      const stored = await this.visible(repos, actor, id);
      const allowed = permission(actor, action, subject(stored));
      if (allowed === 'forbidden') throw forbidden();
      if (stored.version !== seenVersion) throw conflict(stored);
      if (allowed === 'wrongStatus') {
        throw new ApiError(409, 'INVALID_TRANSITION', { params: { status: statusWord(stored.status), action: actionWord(action) } });
      }
      const reason = comment?.trim() ? comment.trim() : null;
      if (rule.reasonRequired && reason === null) throw new ApiError(422, 'REASON_REQUIRED');
      if (rule.checksMustPass) {
        // An evaluation made from targets does not leave the unit while it departs from the approved ones (TARGET_CHANGED …).
        const approved = action === 'submit' ? await approvedTargetsOf(repos, id) : undefined;
        const { findings } = evaluate(stored.document, this.template(stored.document), approved?.targets);
        if (hasErrors(findings)) {
          throw new ApiError(422, 'CHECK_ERRORS', {
            params: { errors: findings.filter((f) => f.severity === 'error').length },
            extra: { findings: findings.map((f) => findingJson(f, lang)) },
          });
        }
      }
      const at = this.now();
      // The reviewer's reasons stay with the form until it is returned again or approved.
      const returnReason = action === 'return' ? reason : action === 'approve' ? null : undefined;
      const version = await repos.evaluations.update(id, seenVersion, {
        status: rule.to,
        ...(returnReason !== undefined ? { returnReason } : {}),
        at,
      });
      if (version === null) throw conflict(await this.visible(repos, actor, id));
      // The row lock the update took makes the version numbering safe against a concurrent transition.
      await freezeVersion(repos, { evaluationId: id, action, status: rule.to, document: stored.document, userId: user.id, at });
      await repos.audit.append({
        evaluationId: id, at, userId: user.id, action, comment: reason,
        changes: [{ path: 'status', from: stored.status, to: rule.to }],
      });
      // Published or withdrawn: the public list this process keeps is out of date either way.
      if (rule.to === 'published' || stored.status === 'published') this.forgetPublicPages();
      return { status: rule.to, version };
    });
  }

  /**
   * A draft for the next year, once: a second copy of the same project (a double click, a second
   * tab) is refused with 409 ALREADY_COPIED naming the form that exists. The check and the insert
   * are one transaction holding the source's row, so two copies at once cannot both pass.
   */
  async copyToNextYear(user: User, id: string): Promise<{ id: string }> {
    const actor = actorOf(user);
    return inTransaction(this.ctx.db, async (repos) => {
      await repos.evaluations.lock(id);
      const source = await this.visible(repos, actor, id);
      if (permission(actor, 'copy', subject(source)) !== 'allowed') throw forbidden();
      const existing = await existingCopy(repos, source);
      if (existing) {
        throw new ApiError(409, 'ALREADY_COPIED', {
          params: { year: existing.year, project: existing.project },
          extra: { existing },
        });
      }
      return this.insertDraftIn(repos, user, source.unit.id, nextYearDraft(source.document), 'copy', { path: 'copiedFrom', to: source.id });
    });
  }

  /**
   * Soft delete: the form leaves every list, count and public page, and answers 404 to all but the
   * admin; its versions and audit log stay. The version check makes a delete that races a
   * transition lose (409) rather than hide a form that was just submitted.
   */
  async remove(user: User, id: string): Promise<void> {
    await this.setDeleted(user, id, 'delete');
  }

  /** The admin brings a deleted form back as it was (same status, versions and log). */
  async restore(user: User, id: string): Promise<{ version: number }> {
    return this.setDeleted(user, id, 'restore');
  }

  /** The deleted forms (admin only), newest deletion first, one page at a time. */
  async deleted(user: User, page: Page) {
    if (user.role !== 'admin') throw forbidden();
    const repos = repositories(this.ctx.db);
    const records = await repos.evaluations.listDeleted(page);
    return { items: records.map((r) => ({ ...summaryView(r), deletedAt: r.deletedAt, deletedBy: r.deletedBy })), total: await repos.evaluations.countDeleted(), ...page };
  }

  private async setDeleted(user: User, id: string, action: 'delete' | 'restore'): Promise<{ version: number }> {
    const actor = actorOf(user);
    return inTransaction(this.ctx.db, async (repos) => {
      const stored = await this.visible(repos, actor, id);
      const allowed = permission(actor, action, subject(stored));
      if (allowed === 'forbidden') throw forbidden();
      if (allowed === 'wrongStatus') {
        if (action === 'restore') throw new ApiError(409, 'NOT_DELETED');
        if (stored.deletedAt !== null) throw new ApiError(409, 'ALREADY_DELETED');
        throw new ApiError(409, 'INVALID_TRANSITION', { params: { status: statusWord(stored.status), action: actionWord(action) } });
      }
      const at = this.now();
      const version = await repos.evaluations.update(id, stored.version, { deletion: action === 'delete' ? { at, userId: user.id } : null, at });
      if (version === null) throw conflict(await this.visible(repos, actor, id));
      await repos.audit.append({
        evaluationId: id, at, userId: user.id, action, comment: null,
        changes: [{ path: 'deleted', from: action === 'restore', to: action === 'delete' }],
      });
      if (stored.status === 'published') this.forgetPublicPages();
      return { version };
    });
  }

  private forgetPublicPages(): void {
    this.publicList.clear();
    this.publicTotals.clear();
  }

  /** The form's audit log, oldest first, one page at a time. */
  async audit(user: User, id: string, page: Page) {
    const repos = repositories(this.ctx.db);
    await this.visible(repos, actorOf(user), id);
    const items = (await repos.audit.list(id, page)).map(({ id: entryId, at, user: by, action, comment, changes }) => ({ id: entryId, at, user: by, action, comment, changes }));
    return { items, total: await auditCount(this.ctx.db, id), ...page };
  }

  private async insertDraft(user: User, unitId: string, evaluation: Evaluation, action: 'create' | 'copy'): Promise<{ id: string }> {
    return inTransaction(this.ctx.db, (repos) => this.insertDraftIn(repos, user, unitId, evaluation, action));
  }

  /**
   * A new draft of the unit, in the caller's transaction; `origin` is what it was made from (a copy:
   * `copiedFrom` the evaluation; made from targets: `targetsFrom` them), in its audit entry.
   */
  async insertDraftIn(repos: Repositories, user: User, unitId: string, evaluation: Evaluation, action: 'create' | 'copy', origin?: { path: 'copiedFrom' | 'targetsFrom'; to: string }): Promise<{ id: string }> {
    evaluation = withIndicatorIds(evaluation, undefined, () => crypto.randomUUID()); // lineage: every indicator an id
    const template = this.knownTemplate(evaluation);
    const id = crypto.randomUUID();
    const at = this.now();
    await repos.evaluations.insert({ id, unitId, status: 'draft', columns: columnsOf(evaluation, template), document: evaluation, at });
    // A new form's changes are its creation; a copy names the evaluation it came from.
    await repos.audit.append({
      evaluationId: id, at, userId: user.id, action, comment: null,
      changes: origin ? [{ path: origin.path, from: null, to: origin.to }] : [],
    });
    return { id };
  }

  private visible(repos: Repositories, actor: Actor, id: string): Promise<StoredEvaluation> {
    return visibleEvaluation(repos, actor, id);
  }

  private knownTemplate(evaluation: Evaluation): Template {
    const template = this.ctx.templates.get(evaluation.template);
    if (!template) {
      throw new ApiError(400, 'UNKNOWN_TEMPLATE', {
        params: { template: evaluation.template },
        issues: [{ path: 'evaluation.template', message: `unknown template "${evaluation.template}" (known: ${this.ctx.templates.ids().join(', ')})` }],
      });
    }
    return template;
  }

  private template(evaluation: Evaluation): Template {
    const template = this.ctx.templates.get(evaluation.template);
    if (!template) throw new Error(`stored evaluation of unknown template "${evaluation.template}"`);
    return template;
  }

  private now(): string {
    return this.ctx.now().toISOString();
  }
}

/**
 * Submit and approve freeze the document as it is now, numbered after the last frozen version,
 * with its content hash; other actions freeze nothing. Call it in the transition's transaction.
 */
export async function freezeVersion(
  repos: Repositories,
  transition: { evaluationId: string; action: TransitionAction; status: Status; document: Evaluation; userId: string; at: string },
): Promise<void> {
  const { evaluationId, action, status, document, userId, at } = transition;
  if (action !== 'submit' && action !== 'approve') return;
  const number = (await repos.versions.lastNumber(evaluationId)) + 1;
  // The evidence files attached now are frozen with it, by name, hash and size (issue 14).
  const evidence = manifestOf(await repos.evidence.list(evaluationId));
  await repos.versions.insert({ evaluationId, number, action, status, document, contentHash: contentHash(document), userId, at, evidence, evidenceHash: manifestHash(evidence) });
}

/** The evaluation if the actor may see it (a deleted one: the admin only); otherwise 404, whether or not it exists. */
export async function visibleEvaluation(repos: Repositories, actor: Actor, id: string): Promise<StoredEvaluation> {
  const stored = await repos.evaluations.get(id);
  if (!stored || !canSee(actor, subject(stored))) throw notFound();
  return stored;
}

const subject = (stored: StoredEvaluation): Subject => ({
  unitId: stored.unit.id, unitPath: stored.unitPath, status: stored.status, deleted: stored.deletedAt !== null, departmentReview: stored.departmentReview,
});

function conflict(current: StoredEvaluation): ApiError {
  return new ApiError(409, 'VERSION_CONFLICT', {
    params: { version: current.version },
    extra: { version: current.version, evaluation: current.document, status: current.status },
  });
}

/** Audit actions that make a form a copy of another (`copiedFrom`): a copy to next year, and the year's set-up carrying a form over. */
const COPYING = new Set(['copy', 'setup']);

/**
 * The unit's live form of the year after that is this one's copy: named as this project (normalised
 * as the previous-year lookup compares names), or, renamed since, copied from this very form.
 */
async function existingCopy(repos: Repositories, source: StoredEvaluation): Promise<{ id: string; year: number; project: string } | null> {
  const nextYear = source.year + 1;
  const candidates = await repos.evaluations.candidates(nextYear, [source.unit.id]);
  const name = normalizeWords(source.project);
  const byName = candidates.find((c) => normalizeWords(c.project) === name);
  if (byName) return { id: byName.id, year: nextYear, project: byName.project };
  for (const candidate of candidates) {
    const entries = await repos.audit.list(candidate.id, { limit: 5, offset: 0 });
    const from = entries.find((e) => COPYING.has(e.action))?.changes.find((c) => c.path === 'copiedFrom')?.to;
    if (from === source.id) return { id: candidate.id, year: nextYear, project: candidate.project };
  }
  return null;
}

/** Words in the message; rendered later in the request's language, so both are given as a label. */
const statusWord = (status: Status) => inBothLanguages(`status.${status}`);
const actionWord = (action: Action) => inBothLanguages(`action.${action}`);
