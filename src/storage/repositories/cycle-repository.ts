/**
 * The cycle's targets and monitoring documents (migration 2026-12-07-cycle-documents): the live
 * document with its status and version, its frozen versions, its audit log, and the link from a
 * self-evaluation made from targets to them. Writes carry the version they expect, as evaluations' do.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { FieldChange } from '../../core/workflow/field-changes.ts';
import type { CycleAwaiting, CycleKind, CycleScope, CycleStatus } from '../../core/workflow/cycle-workflow.ts';
import type { MonitoringSummary } from '../../core/year/monitoring-summary.ts';
import { readJson, writeJson } from '../columns.ts';
import { monitoringColumnValues } from '../monitoring-columns.ts';
import { isPostgres } from '../dialect.ts';
import { startingWith } from '../like.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';
import type { Tables } from '../tables.ts';
import { auditEntryOf, type AuditEntry } from './audit-repository.ts';
import type { Unit } from './unit-repository.ts';

export interface CycleSummary {
  id: string;
  kind: CycleKind;
  unit: Unit;
  year: number;
  projectCode: string;
  project: string;
  template: string;
  status: CycleStatus;
  version: number;
  returnReason: string | null;
  adjustmentReason: string | null;
  contentHash: string;
  updatedAt: string;
}

export interface StoredCycleDocument<D = unknown> extends CycleSummary {
  unitPath: string;
  /** Soft-deleted (a draft its preparer deleted): kept with its audit log, in no list, found by no project. */
  deletedAt: string | null;
  departmentReview: boolean;
  document: D;
}

export interface CycleFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: CycleStatus | undefined;
  /** 项目代码: one project's document (the project's targets beside its monitoring and evaluation). */
  projectCode?: string | undefined;
  /** Only what waits for the actor (cycle-workflow.ts's cycleAwaiting), the year's department tier read from its settings. */
  awaiting?: CycleAwaiting | undefined;
}

export type CycleFreezingAction = 'submit' | 'approve' | 'accept';

export interface CycleVersion<D = unknown> {
  number: number;
  action: CycleFreezingAction;
  status: CycleStatus;
  contentHash: string;
  reason: string | null;
  frozenBy: { username: string; displayName: string };
  frozenAt: string;
  document: D;
}

export interface CycleColumns {
  year: number;
  projectCode: string;
  project: string;
  template: string;
  contentHash: string;
  /** A monitoring's summary, kept as columns for the dashboard's monitoring view; left as stored when not given. */
  summary?: MonitoringSummary | null;
}

export interface CycleChange {
  status?: CycleStatus;
  returnReason?: string | null;
  adjustmentReason?: string | null;
  columns?: CycleColumns;
  document?: unknown;
  /** A soft deletion (audit `delete`). */
  deleted?: boolean;
  userId: string;
  at: string;
}

/** A stored row in a given status (generated data). */
export interface NewCycleRow {
  id: string;
  kind: CycleKind;
  unitId: string;
  status: CycleStatus;
  version: number;
  returnReason?: string | null;
  columns: CycleColumns;
  document: unknown;
  userId: string;
  at: string;
  updatedAt?: string;
}

export interface NewCycleVersion {
  documentId: string;
  action: CycleFreezingAction;
  status: CycleStatus;
  document: unknown;
  contentHash: string;
  reason: string | null;
  userId: string;
  at: string;
}

/** Rows per multi-row INSERT: under SQLite's 32,766 bound parameters with the widest row (about 30 columns). */
const INSERT_BATCH = 500;

const versionRow = (v: NewCycleVersion & { number: number }) => ({
  document_id: v.documentId, number: v.number, action: v.action, status: v.status, document: writeJson(v.document), content_hash: v.contentHash,
  reason: v.reason, frozen_by: v.userId, frozen_at: v.at,
});

const auditRow = (e: { documentId: string; at: string; userId: string; action: string; comment: string | null; changes: FieldChange[] }) => ({
  document_id: e.documentId, at: e.at, user_id: e.userId, action: e.action, comment: e.comment, changes: writeJson(e.changes),
});

const SUMMARY_COLUMNS = [
  'cycle_documents.id',
  'cycle_documents.kind',
  'cycle_documents.unit_id',
  'units.name as unit_name',
  'units.path as unit_path',
  'cycle_documents.year',
  'cycle_documents.project_code',
  'cycle_documents.project',
  'cycle_documents.template',
  'cycle_documents.status',
  'cycle_documents.version',
  'cycle_documents.return_reason',
  'cycle_documents.adjustment_reason',
  'cycle_documents.content_hash',
  'cycle_documents.updated_at',
] as const;

export class CycleRepository {
  constructor(private readonly db: Db) {}

  async insert(row: { id: string; kind: CycleKind; unitId: string; columns: CycleColumns; document: unknown; userId: string; at: string }): Promise<void> {
    await this.insertMany([{ ...row, status: 'draft', version: 1 }]);
  }

  /** Rows in their status (generated data, `jixiao gen`), in multi-row INSERTs. */
  async insertMany(rows: readonly NewCycleRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const values = rows.slice(i, i + INSERT_BATCH).map((row) => ({
        id: row.id,
        kind: row.kind,
        unit_id: row.unitId,
        ...columnValues(row.columns),
        status: row.status,
        version: row.version,
        return_reason: row.returnReason ?? null,
        adjustment_reason: null,
        document: writeJson(row.document),
        created_by: row.userId,
        created_at: row.at,
        updated_by: row.userId,
        updated_at: row.updatedAt ?? row.at,
      }));
      await this.db.insertInto('cycle_documents').values(values).execute();
    }
  }

  /** Frozen versions numbered by the caller (generated data). */
  async freezeMany(versions: ReadonlyArray<NewCycleVersion & { number: number }>): Promise<void> {
    for (let i = 0; i < versions.length; i += INSERT_BATCH) {
      await this.db.insertInto('cycle_document_versions').values(versions.slice(i, i + INSERT_BATCH).map(versionRow)).execute();
    }
  }

  async appendAuditMany(entries: ReadonlyArray<{ documentId: string; at: string; userId: string; action: string; comment: string | null; changes: FieldChange[] }>): Promise<void> {
    for (let i = 0; i < entries.length; i += INSERT_BATCH) {
      await this.db.insertInto('cycle_audit_log').values(entries.slice(i, i + INSERT_BATCH).map(auditRow)).execute();
    }
  }

  async linkMany(links: ReadonlyArray<{ evaluationId: string; targetsId: string; userId: string; at: string }>): Promise<void> {
    for (let i = 0; i < links.length; i += INSERT_BATCH) {
      const values = links.slice(i, i + INSERT_BATCH).map((l) => ({ evaluation_id: l.evaluationId, targets_id: l.targetsId, linked_by: l.userId, linked_at: l.at }));
      await this.db.insertInto('evaluation_targets').values(values).execute();
    }
  }

  async get<D>(id: string): Promise<StoredCycleDocument<D> | undefined> {
    const row = await this.db
      .selectFrom('cycle_documents')
      .innerJoin('units', 'units.id', 'cycle_documents.unit_id')
      .leftJoin('years', 'years.year', 'cycle_documents.year')
      .select([...SUMMARY_COLUMNS, 'cycle_documents.document', 'cycle_documents.deleted_at', 'years.department_review'])
      .where('cycle_documents.id', '=', id)
      .executeTakeFirst();
    return row && {
      ...toSummary(row), unitPath: row.unit_path, deletedAt: row.deleted_at, departmentReview: Number(row.department_review ?? 0) === 1, document: readJson<D>(row.document),
    };
  }

  /**
   * The unit's live document of this kind for the project of the year: by code where both have one,
   * else by name (the official layouts print no 项目代码, so a form read back from its PDF or XLSX
   * names the project only by its name and must still find the document it was exported from).
   */
  async findProject(kind: CycleKind, unitId: string, year: number, projectCode: string, project: string): Promise<{ id: string } | undefined> {
    return this.db
      .selectFrom('cycle_documents')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('kind', '=', kind)
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .where((eb) => {
        const byName = eb('project', '=', project);
        if (projectCode === '') return byName;
        return eb.or([eb('project_code', '=', projectCode), eb.and([eb('project_code', '=', ''), byName])]);
      })
      .executeTakeFirst();
  }

  /** The unit's documents of this kind for a project of the year by its name, whatever their code (the set-up's fallback). */
  async findByName(kind: CycleKind, unitId: string, year: number, project: string): Promise<Array<{ id: string }>> {
    return this.db.selectFrom('cycle_documents').select('id').where('deleted_at', 'is', null).where('kind', '=', kind).where('unit_id', '=', unitId).where('year', '=', year).where('project', '=', project).execute();
  }

  /** What the actor may see of a kind, by year (newest first), project and id. */
  async list(kind: CycleKind, scope: CycleScope, filter: CycleFilter, page: Page): Promise<CycleSummary[]> {
    if (scope.nothing) return [];
    const rows = await paged(
      this.db
        .selectFrom('cycle_documents')
        .innerJoin('units', 'units.id', 'cycle_documents.unit_id')
        .select(SUMMARY_COLUMNS)
        .where((eb) => visibleCycle(eb, kind, scope, filter))
        .orderBy('cycle_documents.year', 'desc')
        .orderBy('cycle_documents.project')
        .orderBy('cycle_documents.id'),
      page,
    ).execute();
    return rows.map(toSummary);
  }

  async count(kind: CycleKind, scope: CycleScope, filter: CycleFilter): Promise<number> {
    if (scope.nothing) return 0;
    return count(this.db.selectFrom('cycle_documents').where((eb) => visibleCycle(eb, kind, scope, filter)));
  }

  /** Holds the row until the transaction ends (PostgreSQL; SQLite's transactions already run one at a time). */
  async lock(id: string): Promise<void> {
    if (!isPostgres(this.db)) return;
    await this.db.selectFrom('cycle_documents').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** Applies the change if the document is still at `expectedVersion`; the new version, or null when it was not. */
  async update(id: string, expectedVersion: number, change: CycleChange): Promise<number | null> {
    const result = await this.db
      .updateTable('cycle_documents')
      .set({
        version: expectedVersion + 1,
        updated_at: change.at,
        updated_by: change.userId,
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.returnReason !== undefined ? { return_reason: change.returnReason } : {}),
        ...(change.adjustmentReason !== undefined ? { adjustment_reason: change.adjustmentReason } : {}),
        ...(change.columns ? columnValues(change.columns) : {}),
        ...(change.document !== undefined ? { document: writeJson(change.document) } : {}),
        ...(change.deleted ? { deleted_at: change.at, deleted_by: change.userId } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? expectedVersion + 1 : null;
  }

  async freeze(version: NewCycleVersion): Promise<number> {
    const last = await this.db
      .selectFrom('cycle_document_versions')
      .select((eb) => eb.fn.max<number | null>('number').as('last'))
      .where('document_id', '=', version.documentId)
      .executeTakeFirst();
    const number = Number(last?.last ?? 0) + 1;
    await this.db.insertInto('cycle_document_versions').values(versionRow({ ...version, number })).execute();
    return number;
  }

  /** Every frozen version, oldest first. */
  async versions<D>(documentId: string): Promise<Array<CycleVersion<D>>> {
    const rows = await this.selectVersions().where('cycle_document_versions.document_id', '=', documentId).orderBy('cycle_document_versions.number').execute();
    return rows.map((r) => toVersion<D>(r));
  }

  async version<D>(documentId: string, number: number): Promise<CycleVersion<D> | undefined> {
    const row = await this.selectVersions()
      .where('cycle_document_versions.document_id', '=', documentId)
      .where('cycle_document_versions.number', '=', number)
      .executeTakeFirst();
    return row && toVersion<D>(row);
  }

  /** The newest approved version (targets): what a self-evaluation is made from and checked against. */
  async latestApproved<D>(documentId: string): Promise<CycleVersion<D> | undefined> {
    const row = await this.selectVersions()
      .where('cycle_document_versions.document_id', '=', documentId)
      .where('cycle_document_versions.action', '=', 'approve')
      .orderBy('cycle_document_versions.number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toVersion<D>(row);
  }

  async hasApproved(documentIds: readonly string[]): Promise<Set<string>> {
    if (documentIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('cycle_document_versions')
      .select('document_id')
      .distinct()
      .where('document_id', 'in', [...documentIds])
      .where('action', '=', 'approve')
      .execute();
    return new Set(rows.map((r) => r.document_id));
  }

  async appendAudit(entry: { documentId: string; at: string; userId: string; action: string; comment: string | null; changes: FieldChange[] }): Promise<void> {
    await this.db.insertInto('cycle_audit_log').values(auditRow(entry)).execute();
  }

  /** Oldest first. */
  async audit(documentId: string, page: Page): Promise<AuditEntry[]> {
    const rows = await paged(
      this.db
        .selectFrom('cycle_audit_log')
        .innerJoin('users', 'users.id', 'cycle_audit_log.user_id')
        .select(['cycle_audit_log.id', 'cycle_audit_log.at', 'cycle_audit_log.action', 'cycle_audit_log.comment', 'cycle_audit_log.changes', 'users.username', 'users.display_name'])
        .where('cycle_audit_log.document_id', '=', documentId)
        .orderBy('cycle_audit_log.id'),
      page,
    ).execute();
    return rows.map(auditEntryOf);
  }

  async auditCount(documentId: string): Promise<number> {
    return count(this.db.selectFrom('cycle_audit_log').where('document_id', '=', documentId));
  }

  async link(evaluationId: string, targetsId: string, userId: string, at: string): Promise<void> {
    await this.db.insertInto('evaluation_targets').values({ evaluation_id: evaluationId, targets_id: targetsId, linked_by: userId, linked_at: at }).execute();
  }

  /** The targets a self-evaluation was made from, if any. */
  async targetsOf(evaluationId: string): Promise<string | null> {
    const row = await this.db.selectFrom('evaluation_targets').select('targets_id').where('evaluation_id', '=', evaluationId).executeTakeFirst();
    return row?.targets_id ?? null;
  }

  /** The live (not deleted) self-evaluation made from the targets, if any. */
  async evaluationOf(targetsId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('evaluation_targets')
      .innerJoin('evaluations', 'evaluations.id', 'evaluation_targets.evaluation_id')
      .select('evaluations.id')
      .where('evaluation_targets.targets_id', '=', targetsId)
      .where('evaluations.deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  private selectVersions() {
    return this.db
      .selectFrom('cycle_document_versions')
      .innerJoin('users', 'users.id', 'cycle_document_versions.frozen_by')
      .select([
        'cycle_document_versions.number',
        'cycle_document_versions.action',
        'cycle_document_versions.status',
        'cycle_document_versions.document',
        'cycle_document_versions.content_hash',
        'cycle_document_versions.reason',
        'cycle_document_versions.frozen_at',
        'users.username',
        'users.display_name',
      ]);
  }
}

/** What the actor may see of a kind under the filter (lists, counts, the dashboard's monitoring view). */
export function visibleCycle(eb: ExpressionBuilder<Tables, 'cycle_documents'>, kind: CycleKind, scope: Exclude<CycleScope, { nothing: true }>, filter: CycleFilter): Expression<SqlBool> {
  const conditions: Array<Expression<SqlBool>> = [eb('cycle_documents.kind', '=', kind), eb('cycle_documents.deleted_at', 'is', null)];
  if (scope.unitId !== null) conditions.push(eb('cycle_documents.unit_id', '=', scope.unitId));
  if (scope.subtreePath !== null) {
    const below = eb.selectFrom('units as subtree').select('subtree.id').where(startingWith('subtree.path', scope.subtreePath));
    conditions.push(eb('cycle_documents.unit_id', 'in', below));
  }
  if (scope.statuses !== null) conditions.push(eb('cycle_documents.status', 'in', [...scope.statuses]));
  if (filter.year !== undefined) conditions.push(eb('cycle_documents.year', '=', filter.year));
  if (filter.unitId !== undefined) conditions.push(eb('cycle_documents.unit_id', '=', filter.unitId));
  if (filter.status !== undefined) conditions.push(eb('cycle_documents.status', '=', filter.status));
  if (filter.projectCode !== undefined) conditions.push(eb('cycle_documents.project_code', '=', filter.projectCode));
  if (filter.awaiting) {
    const { always, withDepartment, withoutDepartment } = filter.awaiting;
    const tiered = () => eb.selectFrom('years').select('years.year').where('years.department_review', '=', 1);
    const branches: Array<Expression<SqlBool>> = [];
    if (always.length > 0) branches.push(eb('cycle_documents.status', 'in', always));
    if (withDepartment.length > 0) branches.push(eb.and([eb('cycle_documents.status', 'in', withDepartment), eb('cycle_documents.year', 'in', tiered())]));
    if (withoutDepartment.length > 0) branches.push(eb.and([eb('cycle_documents.status', 'in', withoutDepartment), eb('cycle_documents.year', 'not in', tiered())]));
    conditions.push(eb.or(branches));
  }
  return eb.and(conditions);
}

function columnValues(c: CycleColumns) {
  return {
    year: c.year, project_code: c.projectCode, project: c.project, template: c.template, content_hash: c.contentHash,
    ...(c.summary !== undefined ? monitoringColumnValues(c.summary) : {}),
  };
}

function toSummary(r: {
  id: string; kind: CycleKind; unit_id: string; unit_name: string; year: number; project_code: string; project: string; template: string; status: CycleStatus;
  version: number; return_reason: string | null; adjustment_reason: string | null; content_hash: string; updated_at: string;
}): CycleSummary {
  return {
    id: r.id, kind: r.kind, unit: { id: r.unit_id, name: r.unit_name }, year: Number(r.year), projectCode: r.project_code, project: r.project, template: r.template,
    status: r.status, version: Number(r.version), returnReason: r.return_reason, adjustmentReason: r.adjustment_reason, contentHash: r.content_hash, updatedAt: r.updated_at,
  };
}

function toVersion<D>(r: {
  number: number; action: CycleFreezingAction; status: CycleStatus; document: unknown; content_hash: string; reason: string | null; frozen_at: string; username: string; display_name: string;
}): CycleVersion<D> {
  return {
    number: Number(r.number), action: r.action, status: r.status, contentHash: r.content_hash, reason: r.reason,
    frozenBy: { username: r.username, displayName: r.display_name }, frozenAt: r.frozen_at, document: readJson<D>(r.document),
  };
}
