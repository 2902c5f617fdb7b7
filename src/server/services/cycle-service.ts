/**
 * The cycle's targets (绩效目标申报) and monitoring (绩效运行监控) documents (issue 16): reading
 * what the user may see, creating, saving (the checks run and come back), the workflow of
 * core/workflow/cycle-workflow.ts with frozen versions, the audit log, and the self-evaluation
 * made from approved targets. As evaluations: every mutation checks access first, then works in
 * one transaction that writes its audit entry; a stale version is 409 VERSION_CONFLICT.
 */
import { checkMonitoringAgainstTargets } from '../../core/checks/approved-targets.ts';
import { checkMonitoring } from '../../core/checks/monitoring.ts';
import { findingJson } from '../../core/checks/report-json.ts';
import { hasErrors } from '../../core/checks/run-checks.ts';
import { checkTargets } from '../../core/checks/targets-document.ts';
import type { Finding } from '../../core/checks/finding.ts';
import { indicatorIds } from '../../core/lineage/indicator-ids.ts';
import { inBothLanguages, type Lang } from '../../core/locale/messages.ts';
import { contentHash } from '../../core/model/content-hash.ts';
import type { Indicator } from '../../core/model/evaluation.ts';
import type { Monitoring } from '../../core/model/monitoring.ts';
import type { Targets } from '../../core/model/targets.ts';
import type { Template } from '../../core/templates/template.ts';
import {
  allowedCycleActions, canCreateCycle, cycleAwaiting, canSeeCycle, cycleRule, cyclePermission, cycleScope,
  type CycleKind, type CycleStatus, type CycleSubject, type CycleTransition,
} from '../../core/workflow/cycle-workflow.ts';
import { fieldChanges } from '../../core/workflow/field-changes.ts';
import { nameIndicators } from '../../core/workflow/named-changes.ts';
import { createEvaluationFromTargets } from '../../core/year/evaluation-from-targets.ts';
import { monitoringAsOf } from '../../core/year/monitoring-date.ts';
import { createMonitoringFromTargets } from '../../core/year/monitoring-from-targets.ts';
import { summarizeMonitoring } from '../../core/year/monitoring-summary.ts';
import type { Page } from '../../storage/paging.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { CycleColumns, CycleFilter, CycleFreezingAction, CycleVersion, StoredCycleDocument } from '../../storage/repositories/cycle-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError, forbidden, notFound } from '../api-error.ts';
import { errorBody } from '../error-handler.ts';
import { validateMonitoring, validateTargets } from '../../core/model/validate.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import type { EvaluationService } from './evaluation-service.ts';

export type CycleDocument = Targets | Monitoring;
type Stored<D> = StoredCycleDocument<D>;

/**
 * What the checks say of a document of the unit: a targets declaration's weights; a monitoring's
 * spending and indicators and, when the unit's targets of the project have an approved version,
 * its indicator table against them (TARGET_CHANGED, INDICATOR_REMOVED, INDICATOR_ADDED).
 */
export async function cycleChecks(repos: Repositories, kind: CycleKind, document: CycleDocument, template: Template, unitId: string): Promise<Finding[]> {
  if (kind === 'targets') return checkTargets(document as Targets, template);
  const monitoring = document as Monitoring;
  const own = checkMonitoring(monitoring, template);
  const approved = await approvedTargetsOfProject(repos, unitId, monitoring.year, monitoring.project.code?.trim() ?? '', monitoring.project.name);
  return approved ? [...own, ...checkMonitoringAgainstTargets(monitoring, approved.document)] : own;
}

/**
 * The unit's targets of the project in the year, when they have an approved version: found by
 * 项目代码, else by the project's name (one live document of that name only).
 */
export async function approvedTargetsOfProject(repos: Repositories, unitId: string, year: number, code: string, name: string): Promise<{ id: string; document: Targets } | null> {
  const byName = async () => {
    const named = await repos.cycle.findByName('targets', unitId, year, name.trim());
    return named.length === 1 ? named[0] : undefined;
  };
  const found = (code !== '' ? await repos.cycle.findProject('targets', unitId, year, code, name) : undefined) ?? (await byName());
  const approved = found ? await repos.cycle.latestApproved<Targets>(found.id) : undefined;
  return found && approved ? { id: found.id, document: approved.document } : null;
}

/** What became of one document of an import (POST /api/import/cycle). */
interface ImportedDocument {
  index: number;
  status: number;
  id: string | null;
  findings: Array<ReturnType<typeof findingJson>>;
  error: ReturnType<typeof errorBody>['error'] | null;
  existing: { id: string } | null;
}

export class CycleService<D extends CycleDocument> {
  constructor(
    private readonly ctx: ServiceContext,
    readonly kind: CycleKind,
    private readonly evaluations: EvaluationService,
  ) {}

  /** One page of what the user may see, newest year first, then by project. */
  async list(user: User, filter: CycleFilter, page: Page, needsMyAction = false) {
    const repos = repositories(this.ctx.db);
    const scope = cycleScope(actorOf(user), this.kind);
    if (needsMyAction) {
      // The inbox (待我处理): what waits for this user's role, within what it may see.
      const awaiting = cycleAwaiting(actorOf(user), this.kind);
      if (awaiting === null) return { items: [], total: 0, ...page };
      filter = { ...filter, awaiting };
    }
    const items = await repos.cycle.list(this.kind, scope, filter, page);
    const approved = this.kind === 'targets' ? await repos.cycle.hasApproved(items.map((i) => i.id)) : new Set<string>();
    return {
      items: items.map(({ id, unit, year, projectCode, project, template, status, version, updatedAt }) => ({
        id, unit, year, projectCode, project, template, status, version, updatedAt, approved: approved.has(id),
      })),
      total: await repos.cycle.count(this.kind, scope, filter),
      ...page,
    };
  }

  async get(user: User, id: string, lang: Lang) {
    const repos = repositories(this.ctx.db);
    const stored = await this.visible(repos, user, id);
    const approved = this.kind === 'targets' ? await repos.cycle.latestApproved(id) : undefined;
    const subject = subjectOf(stored, approved !== undefined);
    return {
      id: stored.id,
      version: stored.version,
      status: stored.status,
      unit: stored.unit,
      [this.kind]: stored.document,
      findings: (await cycleChecks(repos, this.kind, stored.document, this.template(stored.document), stored.unit.id)).map((f) => findingJson(f, lang)),
      allowedActions: allowedCycleActions(actorOf(user), subject),
      returnReason: stored.returnReason,
      adjustmentReason: stored.adjustmentReason,
      contentHash: stored.contentHash,
      approvedVersion: approved?.number ?? null,
      evaluationId: this.kind === 'targets' ? await repos.cycle.evaluationOf(id) : null,
    };
  }

  async create(user: User, document: D, lang: Lang) {
    const actor = actorOf(user);
    if (!canCreateCycle(actor)) throw forbidden();
    const template = this.knownTemplate(document);
    const columns = this.columnsOf(document, template);
    return this.oncePerProject(actor.unitId!, columns, null, () => inTransaction(this.ctx.db, async (repos) => {
      await this.refuseSecond(repos, actor.unitId!, columns, null);
      const id = await this.insertDraftIn(repos, user, actor.unitId!, document, null);
      return { id, version: 1, findings: (await cycleChecks(repos, this.kind, document, template, actor.unitId!)).map((f) => findingJson(f, lang)) };
    }));
  }

  /**
   * The documents of an import saved as drafts of the preparer's unit, each on its own (its own
   * transaction): one that fails the format, or whose project the unit already has (409
   * ALREADY_EXISTS, naming it), is reported at its index and the others are still saved; nothing
   * saved before is changed.
   */
  async importMany(user: User, documents: readonly unknown[], lang: Lang) {
    if (!canCreateCycle(actorOf(user))) throw forbidden();
    const validate = this.kind === 'targets' ? validateTargets : validateMonitoring;
    const results: ImportedDocument[] = [];
    for (const [index, data] of documents.entries()) {
      const none = { index, id: null, findings: [], error: null, existing: null };
      const validated = validate(data, ['documents', index]);
      try {
        if (!validated.ok) throw new ApiError(400, 'VALIDATION', { issues: validated.problems });
        const created = await this.create(user, validated.value as D, lang);
        results.push({ ...none, status: 201, id: created.id, findings: created.findings });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const { error: body, existing } = errorBody(error, lang) as { error: ReturnType<typeof errorBody>['error']; existing?: { id: string } };
        results.push({ ...none, status: error.status, error: body, existing: existing ?? null });
      }
    }
    return { created: results.filter((r) => r.status === 201).length, results };
  }

  async update(user: User, id: string, version: number, document: D, lang: Lang) {
    const actor = actorOf(user);
    const unitId = actor.unitId ?? '';
    return this.oncePerProject(unitId, keyColumnsOf(document), id, () => inTransaction(this.ctx.db, async (repos) => {
      const stored = await this.visible(repos, user, id);
      // Frozen (sent, approved, accepted): not editable, 403 as for other roles; an approved target changes by an adjustment.
      if (cyclePermission(actor, 'edit', subjectOf(stored, false)) !== 'allowed') throw forbidden();
      if (stored.version !== version) throw conflict(this.kind, stored);
      const template = this.knownTemplate(document);
      document = withIds(document, stored.document);
      const findings = (await cycleChecks(repos, this.kind, document, template, stored.unit.id)).map((f) => findingJson(f, lang));
      const changes = fieldChanges(stored.document as never, document as never);
      if (changes.length === 0) return { version: stored.version, findings };
      const columns = this.columnsOf(document, template);
      await this.refuseSecond(repos, stored.unit.id, columns, id);
      const at = this.now();
      const next = await repos.cycle.update(id, version, { document, columns, userId: user.id, at });
      if (next === null) throw conflict(this.kind, await this.visible(repos, user, id));
      await repos.cycle.appendAudit({ documentId: id, at, userId: user.id, action: 'edit', comment: null, changes: nameIndicators(changes, stored.document, document) });
      return { version: next, findings };
    }));
  }

  /**
   * A step of the workflow on the version the actor saw (409 VERSION_CONFLICT otherwise): the
   * check and the step are one transaction, the update conditional on the version.
   */
  async transition(user: User, id: string, action: CycleTransition, comment: string | undefined, seenVersion: number, lang: Lang): Promise<{ status: CycleStatus; version: number }> {
    const actor = actorOf(user);
    const rule = cycleRule(this.kind, action);
    return inTransaction(this.ctx.db, async (repos) => {
      await repos.cycle.lock(id);
      const stored = await this.visible(repos, user, id);
      const approved = this.kind === 'targets' ? await repos.cycle.latestApproved<D>(id) : undefined;
      const allowed = rule ? cyclePermission(actor, action, subjectOf(stored, approved !== undefined)) : 'forbidden';
      if (allowed === 'forbidden' || !rule) throw forbidden();
      if (stored.version !== seenVersion) throw conflict(this.kind, stored);
      // A reject puts the approved version back: none to put back is no adjustment to refuse (the table's rule says as much).
      if (allowed === 'wrongStatus' || (action === 'reject' && !approved)) {
        throw new ApiError(409, 'INVALID_TRANSITION', { params: { status: inBothLanguages(`status.${stored.status}`), action: inBothLanguages(`action.${action}`) } });
      }
      const reason = comment?.trim() ? comment.trim() : null;
      if (rule.reasonRequired && reason === null) throw new ApiError(422, 'REASON_REQUIRED');
      if (rule.checksMustPass) {
        const findings = await cycleChecks(repos, this.kind, stored.document, this.template(stored.document), stored.unit.id);
        if (hasErrors(findings)) {
          throw new ApiError(422, 'CHECK_ERRORS', {
            params: { errors: findings.filter((f) => f.severity === 'error').length },
            extra: { findings: findings.map((f) => findingJson(f, lang)) },
          });
        }
      }
      const at = this.now();
      // A refused adjustment: the document is the approved version again.
      const restored = action === 'reject' ? approved!.document : undefined;
      const version = await repos.cycle.update(id, seenVersion, {
        status: rule.to,
        userId: user.id,
        at,
        ...(action === 'return' || action === 'reject' ? { returnReason: reason } : {}),
        ...(action === 'approve' || action === 'accept' ? { returnReason: null } : {}),
        ...(action === 'adjust' ? { adjustmentReason: reason, returnReason: null } : {}),
        ...(action === 'approve' || action === 'reject' ? { adjustmentReason: null } : {}),
        ...(restored !== undefined ? { document: restored } : {}),
        // The summary again on every step: the view always reads what the document and its template say now.
        columns: this.columnsOf(restored ?? stored.document, this.template(restored ?? stored.document)),
      });
      if (version === null) throw conflict(this.kind, await this.visible(repos, user, id));
      let frozen: number | null = null;
      if (rule.freezes) {
        // The approved version an adjustment made carries the adjustment's reason.
        const adjustment = action === 'approve' ? stored.adjustmentReason : null;
        frozen = await repos.cycle.freeze({
          documentId: id, action: action as CycleFreezingAction, status: rule.to, document: stored.document, contentHash: contentHash(stored.document), reason: adjustment, userId: user.id, at,
        });
      }
      const changes: Array<{ path: string; from: unknown; to: unknown }> = [{ path: 'status', from: stored.status, to: rule.to }];
      if (frozen !== null) changes.push({ path: 'frozenVersion', from: null, to: frozen });
      if (restored !== undefined) changes.push(...nameIndicators(fieldChanges(stored.document as never, restored as never), stored.document, restored));
      await repos.cycle.appendAudit({ documentId: id, at, userId: user.id, action, comment: reason, changes });
      return { status: rule.to, version };
    });
  }

  /** The frozen versions, oldest first, each hash checked again. */
  async versions(user: User, id: string) {
    const repos = repositories(this.ctx.db);
    await this.visible(repos, user, id);
    return (await repos.cycle.versions<D>(id)).map((v) => ({ ...versionSummary(v), intact: contentHash(v.document) === v.contentHash }));
  }

  async version(user: User, id: string, number: number) {
    const repos = repositories(this.ctx.db);
    await this.visible(repos, user, id);
    const v = await repos.cycle.version<D>(id, number);
    if (!v) throw new ApiError(404, 'VERSION_NOT_FOUND', { params: { number } });
    const recomputedHash = contentHash(v.document);
    return { ...versionSummary(v), recomputedHash, intact: recomputedHash === v.contentHash, [this.kind]: v.document };
  }

  async audit(user: User, id: string, page: Page) {
    const repos = repositories(this.ctx.db);
    await this.visible(repos, user, id);
    return { items: await repos.cycle.audit(id, page), total: await repos.cycle.auditCount(id), ...page };
  }

  /**
   * "Create from targets": the unit's year-end self-evaluation made from the newest approved
   * version (indicator ids kept) and linked to the targets, so its checks compare it with them.
   * Once: a second is 409 ALREADY_CREATED naming the one that exists (the targets' row is held).
   */
  async createEvaluation(user: User, id: string): Promise<{ id: string }> {
    const actor = actorOf(user);
    return inTransaction(this.ctx.db, async (repos) => {
      await repos.cycle.lock(id);
      const stored = await this.visible(repos, user, id);
      const approved = await repos.cycle.latestApproved<Targets>(id);
      const allowed = cyclePermission(actor, 'createEvaluation', subjectOf(stored, approved !== undefined));
      if (allowed === 'forbidden') throw forbidden();
      if (allowed === 'wrongStatus' || !approved) throw notApproved('evaluation');
      const existing = await repos.cycle.evaluationOf(id);
      if (existing) throw alreadyCreated('evaluation', existing);
      const evaluation = createEvaluationFromTargets(approved.document, this.template(approved.document));
      const created = await this.evaluations.insertDraftIn(repos, user, stored.unit.id, evaluation, 'create', { path: 'targetsFrom', to: id });
      await repos.cycle.link(created.id, id, user.id, this.now());
      await repos.cycle.appendAudit({ documentId: id, at: this.now(), userId: user.id, action: 'createEvaluation', comment: null, changes: [{ path: 'evaluation', from: null, to: created.id }] });
      return created;
    });
  }

  /**
   * "Monitoring from targets": the unit's mid-year monitoring draft of the project made from the
   * newest approved version (indicator ids, targets and the funding rows' budgets kept), as of the
   * year's monitoring date (the bureau's setting, else the template's 07-31). Once per project and
   * year: a monitoring there already is 409 ALREADY_CREATED naming it.
   */
  async createMonitoring(user: User, id: string, monitoring: CycleService<Monitoring>, lang: Lang): Promise<{ id: string; version: number; findings: unknown[] }> {
    try {
      return await this.makeMonitoring(user, id, monitoring, lang);
    } catch (error) {
      // A monitoring of the project created at the same moment (POST /api/monitoring): the unique index stopped this one.
      if (!isUniqueViolation(error)) throw error;
      return this.makeMonitoring(user, id, monitoring, lang);
    }
  }

  private async makeMonitoring(user: User, id: string, monitoring: CycleService<Monitoring>, lang: Lang): Promise<{ id: string; version: number; findings: unknown[] }> {
    const actor = actorOf(user);
    return inTransaction(this.ctx.db, async (repos) => {
      await repos.cycle.lock(id);
      const stored = await this.visible(repos, user, id);
      const approved = await repos.cycle.latestApproved<Targets>(id);
      const allowed = cyclePermission(actor, 'createMonitoring', subjectOf(stored, approved !== undefined));
      if (allowed === 'forbidden') throw forbidden();
      if (allowed === 'wrongStatus' || !approved) throw notApproved('monitoring');
      const targets = approved.document;
      const template = this.template(targets);
      const setting = (await repos.years.get(targets.year)).monitoringAsOf;
      const document = createMonitoringFromTargets(targets, monitoringAsOf(targets.year, setting, template.documents?.monitoring?.defaultAsOf));
      const columns = keyColumnsOf(document);
      const existing = await repos.cycle.findProject('monitoring', stored.unit.id, columns.year, columns.projectCode, columns.project);
      if (existing) throw alreadyCreated('monitoring', existing.id);
      const created = await monitoring.insertDraftIn(repos, user, stored.unit.id, document, { path: 'targetsFrom', to: id });
      await repos.cycle.appendAudit({ documentId: id, at: this.now(), userId: user.id, action: 'createMonitoring', comment: null, changes: [{ path: 'monitoring', from: null, to: created }] });
      return { id: created, version: 1, findings: (await cycleChecks(repos, 'monitoring', document, template, stored.unit.id)).map((f) => findingJson(f, lang)) };
    });
  }

  /** A draft of the unit, audited as `create` (with where it came from); the caller holds the transaction. */
  async insertDraftIn(repos: Repositories, user: User, unitId: string, document: D, from: { path: string; to: string } | null): Promise<string> {
    document = withIds(document, undefined);
    const id = crypto.randomUUID();
    const at = this.now();
    await repos.cycle.insert({ id, kind: this.kind, unitId, columns: this.columnsOf(document, this.template(document)), document, userId: user.id, at });
    await repos.cycle.appendAudit({ documentId: id, at, userId: user.id, action: 'create', comment: null, changes: from ? [{ path: from.path, from: null, to: from.to }] : [] });
    return id;
  }

  /**
   * The unit's preparer deletes a draft (never sent, so nothing of it is with the bureau). Soft, as
   * evaluations' deletion: the row and its audit log stay (audit `delete`), the document leaves
   * every list and answers 404, and the unit may declare the project again.
   */
  async remove(user: User, id: string): Promise<void> {
    const actor = actorOf(user);
    await inTransaction(this.ctx.db, async (repos) => {
      await repos.cycle.lock(id);
      const stored = await this.visible(repos, user, id);
      const allowed = cyclePermission(actor, 'delete', subjectOf(stored, false));
      if (allowed === 'forbidden') throw forbidden();
      if (allowed === 'wrongStatus') {
        throw new ApiError(409, 'INVALID_TRANSITION', { params: { status: inBothLanguages(`status.${stored.status}`), action: inBothLanguages('action.delete') } });
      }
      const at = this.now();
      const version = await repos.cycle.update(id, stored.version, { deleted: true, userId: user.id, at });
      if (version === null) throw conflict(this.kind, await this.visible(repos, user, id));
      await repos.cycle.appendAudit({ documentId: id, at, userId: user.id, action: 'delete', comment: null, changes: [{ path: 'deleted', from: false, to: true }] });
    });
  }

  private async visible(repos: Repositories, user: User, id: string): Promise<Stored<D>> {
    const stored = await repos.cycle.get<D>(id);
    if (!stored || stored.kind !== this.kind || stored.deletedAt !== null || !canSeeCycle(actorOf(user), subjectOf(stored, false))) throw notFound();
    return stored;
  }

  /**
   * Two writes of one project at once pass refuseSecond together; the database's unique index
   * stops the second, which is answered as refuseSecond would have (409 ALREADY_EXISTS), not 500.
   */
  private async oncePerProject<T>(unitId: string, columns: CycleColumns, self: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.refuseSecond(repositories(this.ctx.db), unitId, columns, self);
      throw error;
    }
  }

  /** One document of a kind per unit, year and project: a second is 409 ALREADY_EXISTS naming the first. */
  private async refuseSecond(repos: Repositories, unitId: string, columns: CycleColumns, self: string | null): Promise<void> {
    const existing = await repos.cycle.findProject(this.kind, unitId, columns.year, columns.projectCode, columns.project);
    if (existing && existing.id !== self) {
      throw new ApiError(409, 'ALREADY_EXISTS', { params: { year: columns.year, project: columns.project }, extra: { existing: { id: existing.id } } });
    }
  }

  /** The row's columns; a monitoring's with its summary (the dashboard's monitoring view sums them). */
  private columnsOf(document: CycleDocument, template: Template): CycleColumns {
    const columns = keyColumnsOf(document);
    return this.kind === 'monitoring' ? { ...columns, summary: summarizeMonitoring(document as Monitoring, template) } : columns;
  }

  private knownTemplate(document: CycleDocument): Template {
    const template = this.ctx.templates.get(document.template);
    if (!template) {
      throw new ApiError(400, 'UNKNOWN_TEMPLATE', {
        params: { template: document.template },
        issues: [{ path: `${this.kind}.template`, message: `unknown template "${document.template}" (known: ${this.ctx.templates.ids().join(', ')})` }],
      });
    }
    return template;
  }

  private template(document: CycleDocument): Template {
    const template = this.ctx.templates.get(document.template);
    if (!template) throw new Error(`stored ${this.kind} of unknown template "${document.template}"`);
    return template;
  }

  private now(): string {
    return this.ctx.now().toISOString();
  }
}

/**
 * The approved targets a self-evaluation answers to: the newest approved version of the targets
 * it was made from, or undefined for an evaluation made otherwise.
 */
export async function approvedTargetsOf(repos: Repositories, evaluationId: string): Promise<{ id: string; version: number; targets: Targets } | undefined> {
  const targetsId = await repos.cycle.targetsOf(evaluationId);
  if (targetsId === null) return undefined;
  const approved = await repos.cycle.latestApproved<Targets>(targetsId);
  return approved && { id: targetsId, version: approved.number, targets: approved.document };
}

/** PostgreSQL's unique_violation, SQLite's UNIQUE constraint. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const subjectOf = (stored: Stored<unknown>, approved: boolean): CycleSubject => ({
  kind: stored.kind, unitId: stored.unit.id, unitPath: stored.unitPath, status: stored.status, departmentReview: stored.departmentReview,
  adjustment: stored.adjustmentReason !== null, approved,
});

/** The project's key and the hash: enough to find a second document of the project. */
function keyColumnsOf(document: CycleDocument): CycleColumns {
  return { year: document.year, projectCode: document.project.code?.trim() ?? '', project: document.project.name, template: document.template, contentHash: contentHash(document) };
}

/** Every indicator an id, kept or matched from the stored document as evaluations' are (lineage). */
function withIds<D extends CycleDocument>(document: D, stored: D | undefined): D {
  const ids = indicatorIds(document.indicators as readonly Indicator[], (stored?.indicators ?? []) as readonly Indicator[], () => crypto.randomUUID());
  if (ids.every((id, i) => id === document.indicators[i]!.id)) return document;
  return { ...document, indicators: document.indicators.map((indicator, i) => ({ ...indicator, id: ids[i]! })) } as D;
}

/** What is made from approved targets, named in both languages in the 409s. */
type MadeFromTargets = 'evaluation' | 'monitoring';
const notApproved = (made: MadeFromTargets) => new ApiError(409, 'NOT_APPROVED', { params: { document: inBothLanguages(`cycle.document.${made}`) } });
const alreadyCreated = (made: MadeFromTargets, existing: string) =>
  new ApiError(409, 'ALREADY_CREATED', { params: { document: inBothLanguages(`cycle.document.${made}`) }, extra: { existing: { id: existing } } });

function conflict(kind: CycleKind, current: Stored<unknown>): ApiError {
  return new ApiError(409, 'VERSION_CONFLICT', {
    params: { version: current.version },
    extra: { version: current.version, [kind]: current.document, status: current.status },
  });
}

const versionSummary = (v: CycleVersion<unknown>) => ({
  number: v.number, action: v.action, status: v.status, contentHash: v.contentHash, reason: v.reason, frozenBy: v.frozenBy, frozenAt: v.frozenAt,
});

