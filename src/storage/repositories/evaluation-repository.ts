/**
 * Evaluations: the whole `jixiao/evaluation@1` document, plus the columns that lists, the dashboard
 * and the public pages filter, sort and sum on (derived from the document by the service).
 * Writes carry the version they expect; a concurrent writer makes them update nothing.
 */
import { sql } from 'kysely';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Scope, Status } from '../../core/workflow/workflow.ts';
import { decimalText, fenToYuan, pointsNumber, readJson, writeJson } from '../columns.ts';
import { isPostgres } from '../dialect.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';
import { PreparedQuery } from '../prepared-query.ts';
import { visibleEvaluations, type EvaluationFilter } from '../visibility.ts';
import { auditRow, type NewAuditEntry } from './audit-repository.ts';
import type { Unit } from './unit-repository.ts';

/** The columns kept beside the document. */
export interface EvaluationColumns {
  year: number;
  project: string;
  template: string;
  score: number;
  grade: string;
  executionRate: string | null;
  budgetFen: number | null;
  executedFen: number | null;
}

/** What a list or the dashboard's table shows of an evaluation. */
export interface EvaluationSummary {
  id: string;
  unit: Unit;
  year: number;
  project: string;
  template: string;
  status: Status;
  version: number;
  score: number;
  grade: string;
  executionRate: string | null;
  budget: string | null;
  updatedAt: string;
}

export interface EvaluationRecord extends EvaluationSummary {
  executed: string | null;
  returnReason: string | null;
  /** Soft delete: when, or null. Deleted forms are in no list; `get` still reads them (for the admin). */
  deletedAt: string | null;
  /** The unit's path in the tree (whose department may see the form). */
  unitPath: string;
}

/** A deleted form as the admin's list shows it: who deleted it and when. */
export interface DeletedEvaluationRecord extends EvaluationRecord {
  deletedAt: string;
  deletedBy: { username: string; displayName: string } | null;
}

export interface StoredEvaluation extends EvaluationRecord {
  document: Evaluation;
  /** The year's setting: submitted forms go to the unit's department first. */
  departmentReview: boolean;
}

export type { EvaluationFilter } from '../visibility.ts';

export interface EvaluationChange {
  status?: Status;
  returnReason?: string | null;
  columns?: EvaluationColumns;
  document?: Evaluation;
  /** Soft delete (who, when) or restore (null). */
  deletion?: { at: string; userId: string } | null;
  at: string;
}

export interface NewEvaluationRow {
  id: string;
  unitId: string;
  status: Status;
  version?: number;
  returnReason?: string | null;
  columns: EvaluationColumns;
  document: Evaluation;
  at: string;
  updatedAt?: string;
}

/** Rows per INSERT: 16 parameters a row stays far below SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_BATCH = 500;

const RECORD_COLUMNS = [
  'evaluations.id',
  'evaluations.unit_id',
  'units.name as unit_name',
  'evaluations.year',
  'evaluations.project',
  'evaluations.template',
  'evaluations.status',
  'evaluations.version',
  'evaluations.score',
  'evaluations.grade',
  'evaluations.execution_rate',
  'evaluations.budget_fen',
  'evaluations.executed_fen',
  'evaluations.return_reason',
  'evaluations.updated_at',
  'evaluations.deleted_at',
  'units.path as unit_path',
] as const;

/** What a save changes: the document, the columns derived from it, and when. */
export type DocumentChange = Required<Pick<EvaluationChange, 'document' | 'columns' | 'at'>>;

const COLUMN_NAMES = ['year', 'project', 'template', 'score', 'grade', 'execution_rate', 'budget_fen', 'executed_fen'] as const;
const AUDIT_NAMES = ['evaluation_id', 'at', 'user_id', 'action', 'comment', 'changes'] as const;
type AuditName = (typeof AUDIT_NAMES)[number];
const prefixed = (row: Record<AuditName, unknown>) => Object.fromEntries(AUDIT_NAMES.map((name) => [`audit_${name}`, row[name]])) as Record<`audit_${AuditName}`, unknown>;

/** An evaluation with its record's columns and its year's setting, by id (every read of one form, every save). */
const GET_BY_ID = new PreparedQuery(['id'], (db, p) => db
  .selectFrom('evaluations')
  .innerJoin('units', 'units.id', 'evaluations.unit_id')
  .leftJoin('years', 'years.year', 'evaluations.year')
  .select([...RECORD_COLUMNS, 'evaluations.document', 'years.department_review'])
  .where('evaluations.id', '=', p.id));

const SAVED_NAMES = ['id', 'expectedVersion', 'version', 'at', 'document', ...COLUMN_NAMES] as const;

/** The guarded UPDATE of a save: applies only at the expected version. */
const saveDocument = (db: Db, p: Record<(typeof SAVED_NAMES)[number], any>) => db
  .updateTable('evaluations')
  .set({
    version: p.version, updated_at: p.at, document: p.document,
    year: p.year, project: p.project, template: p.template, score: p.score, grade: p.grade,
    execution_rate: p.execution_rate, budget_fen: p.budget_fen, executed_fen: p.executed_fen,
  })
  .where('id', '=', p.id)
  .where('version', '=', p.expectedVersion);

const SAVE_DOCUMENT = new PreparedQuery(SAVED_NAMES, saveDocument);
const INSERT_AUDIT = new PreparedQuery(AUDIT_NAMES, (db, p) => db.insertInto('audit_log').values(p));
/** The save and its audit entry in one statement (PostgreSQL); the entry's evaluation is the row the UPDATE returned. */
const SAVE_DOCUMENT_WITH_AUDIT = new PreparedQuery([...SAVED_NAMES, 'audit_at', 'audit_user_id', 'audit_action', 'audit_comment', 'audit_changes'], (db, p) => db
  .with('saved', () => saveDocument(db, p).returning('evaluations.id'))
  .insertInto('audit_log')
  .columns(['evaluation_id', 'at', 'user_id', 'action', 'comment', 'changes'])
  .expression((eb) => eb.selectFrom('saved').select([
    'saved.id',
    sql<string>`${p.audit_at}::text`.as('at'),
    sql<string>`${p.audit_user_id}::text`.as('user_id'),
    sql<string>`${p.audit_action}::text`.as('action'),
    sql<string | null>`${p.audit_comment}::text`.as('comment'),
    sql<string>`${p.audit_changes}::jsonb`.as('changes'),
  ])));

export class EvaluationRepository {
  constructor(private readonly db: Db) {}

  async insert(row: { id: string; unitId: string; status: Status; columns: EvaluationColumns; document: Evaluation; at: string }): Promise<void> {
    await this.db
      .insertInto('evaluations')
      .values({
        id: row.id,
        unit_id: row.unitId,
        status: row.status,
        version: 1,
        ...columnValues(row.columns),
        return_reason: null,
        document: writeJson(row.document),
        created_at: row.at,
        updated_at: row.at,
      })
      .execute();
  }

  /**
   * Many evaluations in multi-row INSERTs (for generated and bulk-loaded data): each row may carry
   * its status, version, return reason and times. Run it in a transaction for all-or-nothing.
   */
  async insertMany(rows: readonly NewEvaluationRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const values = rows.slice(i, i + INSERT_BATCH).map((row) => ({
        id: row.id,
        unit_id: row.unitId,
        status: row.status,
        version: row.version ?? 1,
        ...columnValues(row.columns),
        return_reason: row.returnReason ?? null,
        document: writeJson(row.document),
        created_at: row.at,
        updated_at: row.updatedAt ?? row.at,
      }));
      await this.db.insertInto('evaluations').values(values).execute();
    }
  }

  async get(id: string): Promise<StoredEvaluation | undefined> {
    const [row] = (await GET_BY_ID.execute(this.db, { id })).rows;
    return row && { ...toRecord(row), document: readJson<Evaluation>(row.document), departmentReview: Number(row.department_review ?? 0) === 1 };
  }

  /**
   * What the actor may see under the filter, newest year first, then by project and id (the order
   * of evaluations_list_idx: read, not sorted): all of it, or one page.
   */
  async list(scope: Scope, filter: EvaluationFilter = {}, page?: Page): Promise<EvaluationRecord[]> {
    if (scope.nothing) return [];
    const rows = await paged(
      this.db
        .selectFrom('evaluations')
        .innerJoin('units', 'units.id', 'evaluations.unit_id')
        .select(RECORD_COLUMNS)
        .where((eb) => visibleEvaluations(eb, scope, filter))
        .orderBy('evaluations.year', 'desc')
        .orderBy('evaluations.project')
        .orderBy('evaluations.id'),
      page,
    ).execute();
    return rows.map(toRecord);
  }

  /** How many the list has under the filter (all pages). */
  async count(scope: Scope, filter: EvaluationFilter = {}): Promise<number> {
    if (scope.nothing) return 0;
    return count(this.db.selectFrom('evaluations').where((eb) => visibleEvaluations(eb, scope, filter)));
  }

  /** The live forms of a year of the given units, as candidates for "last year's form" (no documents). */
  async candidates(year: number, unitIds: readonly string[]): Promise<Array<{ id: string; unitId: string; project: string; status: Status; updatedAt: string }>> {
    const found = [];
    const ids = [...new Set(unitIds)];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('evaluations')
        .select(['id', 'unit_id', 'project', 'status', 'updated_at'])
        .where('year', '=', year)
        .where('unit_id', 'in', ids.slice(i, i + 500))
        .where('deleted_at', 'is', null)
        .execute();
      found.push(...rows.map((r) => ({ id: r.id, unitId: r.unit_id, project: r.project, status: r.status, updatedAt: r.updated_at })));
    }
    return found;
  }

  /**
   * Holds the evaluation's row until the transaction ends (PostgreSQL: FOR UPDATE), so that a check
   * followed by a write in the same transaction is not raced by another one doing the same; SQLite's
   * transactions already run one at a time.
   */
  async lock(id: string): Promise<void> {
    if (!isPostgres(this.db)) return;
    await this.db.selectFrom('evaluations').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** Applies the change if the evaluation is still at `expectedVersion`; the new version, or null when it was not. */
  async update(id: string, expectedVersion: number, change: EvaluationChange): Promise<number | null> {
    const result = await this.guardedUpdate(id, expectedVersion, change).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? expectedVersion + 1 : null;
  }

  /**
   * A save (the document and its columns) if the evaluation is still at `expectedVersion` and, only
   * when it applied, the audit entry of it; the new version, or null. On PostgreSQL one statement
   * (the UPDATE in a WITH, the INSERT reading what it returned): one round trip instead of two; on
   * SQLite (no UPDATE in a WITH; a statement costs no round trip) the two in turn. The queries are
   * compiled once (prepared-query.ts): this runs at every save.
   */
  async updateWithAudit(id: string, expectedVersion: number, change: DocumentChange, audit: NewAuditEntry): Promise<number | null> {
    const saved = {
      id, expectedVersion, version: expectedVersion + 1, at: change.at, document: writeJson(change.document), ...columnValues(change.columns),
    };
    const entry = auditRow(audit);
    if (!isPostgres(this.db)) {
      const result = await SAVE_DOCUMENT.execute(this.db, saved);
      if (Number(result.numAffectedRows ?? 0) !== 1) return null;
      await INSERT_AUDIT.execute(this.db, entry);
      return expectedVersion + 1;
    }
    const result = await SAVE_DOCUMENT_WITH_AUDIT.execute(this.db, { ...saved, ...prefixed(entry) });
    return Number(result.numAffectedRows ?? 0) === 1 ? expectedVersion + 1 : null;
  }

  private guardedUpdate(id: string, expectedVersion: number, change: EvaluationChange) {
    return this.db
      .updateTable('evaluations')
      .set({
        version: expectedVersion + 1,
        updated_at: change.at,
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.returnReason !== undefined ? { return_reason: change.returnReason } : {}),
        ...(change.columns ? columnValues(change.columns) : {}),
        ...(change.document ? { document: writeJson(change.document) } : {}),
        ...(change.deletion !== undefined ? { deleted_at: change.deletion?.at ?? null, deleted_by: change.deletion?.userId ?? null } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion);
  }

  /** The deleted forms, most recently deleted first (the admin's page, where they are restored): all, or one page. */
  async listDeleted(page?: Page): Promise<DeletedEvaluationRecord[]> {
    const rows = await paged(
      this.db
        .selectFrom('evaluations')
        .innerJoin('units', 'units.id', 'evaluations.unit_id')
        .leftJoin('users', 'users.id', 'evaluations.deleted_by')
        .select([...RECORD_COLUMNS, 'users.username', 'users.display_name'])
        .where('evaluations.deleted_at', 'is not', null)
        .orderBy('evaluations.deleted_at', 'desc')
        .orderBy('evaluations.id'),
      page,
    ).execute();
    return rows.map((r) => ({
      ...toRecord(r),
      deletedAt: r.deleted_at!,
      deletedBy: r.username === null ? null : { username: r.username, displayName: r.display_name! },
    }));
  }

  async countDeleted(): Promise<number> {
    return count(this.db.selectFrom('evaluations').where('evaluations.deleted_at', 'is not', null));
  }

  /** The latest year the actor has any evaluation of (the dashboard's default year). */
  async latestYear(scope: Scope): Promise<number | null> {
    if (scope.nothing) return null;
    const row = await this.db
      .selectFrom('evaluations')
      .select((eb) => eb.fn.max<number | null>('evaluations.year').as('year'))
      .where((eb) => visibleEvaluations(eb, scope, {}))
      .executeTakeFirst();
    return row?.year ?? null;
  }
}

function columnValues(c: EvaluationColumns) {
  return {
    year: c.year,
    project: c.project,
    template: c.template,
    score: c.score,
    grade: c.grade,
    execution_rate: c.executionRate,
    budget_fen: c.budgetFen,
    executed_fen: c.executedFen,
  };
}

/** The columns of a summary as the database gives them (joined with the unit's name). */
export interface SummaryRow {
  id: string;
  unit_id: string;
  unit_name: string;
  year: number;
  project: string;
  template: string;
  status: Status;
  version: number;
  score: string | number;
  grade: string;
  execution_rate: string | number | null;
  budget_fen: number | null;
  updated_at: string;
}

type RecordRow = SummaryRow & {
  unit_path: string;
  executed_fen: number | null;
  return_reason: string | null;
  deleted_at: string | null;
};

export function toSummary(r: SummaryRow): EvaluationSummary {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    year: Number(r.year),
    project: r.project,
    template: r.template,
    status: r.status,
    version: Number(r.version),
    score: pointsNumber(r.score),
    grade: r.grade,
    executionRate: decimalText(r.execution_rate),
    budget: fenToYuan(r.budget_fen),
    updatedAt: r.updated_at,
  };
}

function toRecord(r: RecordRow): EvaluationRecord {
  return { ...toSummary(r), executed: fenToYuan(r.executed_fen), returnReason: r.return_reason, deletedAt: r.deleted_at, unitPath: r.unit_path };
}
