/**
 * After the review (issue 17): rectification items (整改), results applications (结果应用) and their
 * audit log `followup_audit` (migration 2026-12-09-rectification). Thin: who may do what is the
 * services' (rectification-service.ts, results-application-service.ts). Lists are filtered, ordered,
 * paged and counted in SQL; an item is listed only while its form is one the actor may see
 * (visibility.ts, the same scope as the evaluations' lists), so a deleted form's items leave every list.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { RectificationFilter, RectificationStatus, ResultsCategory } from '../../core/followup/rectification.ts';
import { readJson, writeJson } from '../columns.ts';
import { isPostgres } from '../dialect.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';
import type { Tables } from '../tables.ts';
import { visibleEvaluations, type VisibleScope } from '../visibility.ts';

type Person = { username: string; displayName: string };

export interface RectificationRecord {
  id: string;
  evaluationId: string;
  unit: { id: string; name: string };
  /** The unit's path in the tree (whose department may act on the item). */
  unitPath: string;
  year: number;
  projectCode: string;
  project: string;
  indicatorId: string | null;
  indicatorName: string | null;
  recheckDrawId: string | null;
  problem: string;
  requirement: string;
  dueDate: string;
  status: RectificationStatus;
  version: number;
  measures: string | null;
  evidence: string[];
  sendBackReason: string | null;
  raisedBy: Person;
  raisedAt: string;
  answeredBy: Person | null;
  answeredAt: string | null;
  closedBy: Person | null;
  closedAt: string | null;
  updatedAt: string;
}

/** An item as raised (the demo also writes items further on, as history). */
export type NewRectification = Pick<
  RectificationRecord,
  'id' | 'evaluationId' | 'year' | 'projectCode' | 'project' | 'indicatorId' | 'indicatorName' | 'recheckDrawId' | 'problem' | 'requirement' | 'dueDate' | 'raisedAt'
> & {
  unitId: string;
  raisedBy: string;
  status?: RectificationStatus;
  measures?: string | null;
  evidence?: string[];
  sendBackReason?: string | null;
  answeredBy?: string | null;
  answeredAt?: string | null;
  closedBy?: string | null;
  closedAt?: string | null;
  version?: number;
};

/** A step on an item: the new status and what it sets; the update is conditional on `version`. */
export interface RectificationChange {
  status: RectificationStatus;
  measures?: string;
  evidence?: string[];
  sendBackReason?: string | null;
  answeredBy?: string;
  answeredAt?: string;
  closedBy?: string;
  closedAt?: string;
  at: string;
}

export interface RectificationListFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: RectificationFilter | undefined;
  /** The bureau's calendar day (YYYY-MM-DD): `overdue` is open with a due date before it. */
  today: string;
}

export interface ResultsApplicationRecord {
  evaluationId: string;
  year: number;
  category: ResultsCategory;
  text: string;
  version: number;
  recordedBy: Person;
  recordedAt: string;
}

export interface NewFollowupAudit {
  subject: 'rectification' | 'results-application';
  subjectId: string;
  evaluationId: string;
  at: string;
  userId: string;
  action: string;
  comment: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface FollowupAuditRecord {
  id: number;
  at: string;
  user: Person;
  action: string;
  comment: string | null;
  changes: Record<string, unknown>;
}

/** The project of a form, as items are matched to next year's form: by 项目代码 where both have one, else by 项目名称. */
export interface ProjectKey {
  unitId: string;
  year: number;
  projectCode: string;
  project: string;
}

export class FollowupRepository {
  constructor(private readonly db: Db) {}

  async insertRectification(item: NewRectification): Promise<void> {
    await this.db
      .insertInto('rectification_items')
      .values({
        id: item.id, evaluation_id: item.evaluationId, unit_id: item.unitId, year: item.year, project_code: item.projectCode, project: item.project,
        indicator_id: item.indicatorId, indicator_name: item.indicatorName, recheck_draw_id: item.recheckDrawId, problem: item.problem,
        requirement: item.requirement, due_date: item.dueDate, status: item.status ?? 'open', version: item.version ?? 1, measures: item.measures ?? null,
        evidence: writeJson(item.evidence ?? []), send_back_reason: item.sendBackReason ?? null, raised_by: item.raisedBy, raised_at: item.raisedAt,
        answered_by: item.answeredBy ?? null, answered_at: item.answeredAt ?? null, closed_by: item.closedBy ?? null, closed_at: item.closedAt ?? null,
        updated_at: item.closedAt ?? item.answeredAt ?? item.raisedAt,
      })
      .execute();
  }

  async getRectification(id: string): Promise<RectificationRecord | undefined> {
    const row = await this.items().where('rectification_items.id', '=', id).executeTakeFirst();
    return row && toRectification(row);
  }

  /** Holds the item's row until the transaction ends (PostgreSQL; SQLite writes one transaction at a time). */
  async lockRectification(id: string): Promise<void> {
    if (isPostgres(this.db)) await sql`select id from rectification_items where id = ${id} for update`.execute(this.db);
  }

  /** Sets the step's fields when the item is still at `version`; the new version, or null when it was not. */
  async updateRectification(id: string, version: number, change: RectificationChange): Promise<number | null> {
    const result = await this.db
      .updateTable('rectification_items')
      .set({
        status: change.status,
        version: version + 1,
        updated_at: change.at,
        ...(change.measures !== undefined ? { measures: change.measures } : {}),
        ...(change.evidence !== undefined ? { evidence: writeJson(change.evidence) } : {}),
        ...(change.sendBackReason !== undefined ? { send_back_reason: change.sendBackReason } : {}),
        ...(change.answeredBy !== undefined ? { answered_by: change.answeredBy, answered_at: change.answeredAt ?? change.at } : {}),
        ...(change.closedBy !== undefined ? { closed_by: change.closedBy, closed_at: change.closedAt ?? change.at } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? version + 1 : null;
  }

  /** The form's items, in the order they were raised. */
  async ofEvaluation(evaluationId: string): Promise<RectificationRecord[]> {
    const rows = await this.items().where('rectification_items.evaluation_id', '=', evaluationId).orderBy('rectification_items.raised_at').orderBy('rectification_items.id').execute();
    return rows.map(toRectification);
  }

  /**
   * The items the same project's forms of earlier years left unclosed (same unit; by 项目代码 where
   * both have one, else by 项目名称, as cycle-repository's findProject matches), on forms not deleted.
   */
  async earlierOpen(key: ProjectKey): Promise<RectificationRecord[]> {
    const rows = await this.items()
      .where('rectification_items.unit_id', '=', key.unitId)
      .where('rectification_items.year', '<', key.year)
      .where('rectification_items.status', '!=', 'closed')
      .where('evaluations.deleted_at', 'is', null)
      .where((eb) => {
        const byName = eb('rectification_items.project', '=', key.project);
        if (key.projectCode === '') return byName;
        return eb.or([eb('rectification_items.project_code', '=', key.projectCode), eb.and([eb('rectification_items.project_code', '=', ''), byName])]);
      })
      .orderBy('rectification_items.year', 'desc')
      .orderBy('rectification_items.due_date')
      .orderBy('rectification_items.id')
      .execute();
    return rows.map(toRectification);
  }

  /** What the scope may see, filtered, by due date then id: one page, or all (the export). */
  async list(scope: VisibleScope, filter: RectificationListFilter, page?: Page): Promise<RectificationRecord[]> {
    const query = this.items()
      .where((eb) => listCondition(eb as never, scope, filter))
      .orderBy('rectification_items.due_date')
      .orderBy('rectification_items.id');
    return (await paged(query, page).execute()).map(toRectification);
  }

  async count(scope: VisibleScope, filter: RectificationListFilter): Promise<number> {
    return count(
      this.db
        .selectFrom('rectification_items')
        .innerJoin('evaluations', 'evaluations.id', 'rectification_items.evaluation_id')
        .where((eb) => listCondition(eb as never, scope, filter)),
    );
  }

  /** The names of the evidence files among `ids` (removed or not: an answer keeps naming what it cited): id → file name. */
  async evidenceNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('evidence_files').select(['id', 'file_name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.file_name]));
  }

  /** Whether the form has a rectification item open (raised and not answered, or sent back): its unit may then add evidence. */
  async hasOpenRectification(evaluationId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('rectification_items').select('id')
      .where('evaluation_id', '=', evaluationId).where('status', '=', 'open')
      .limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The form's items whose answer (current, or sent back) cites the evidence file. */
  async citing(evaluationId: string, fileId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('rectification_items').select(['id', 'evidence']).where('evaluation_id', '=', evaluationId).orderBy('raised_at').orderBy('id').execute();
    return rows.filter((r) => readJson<string[]>(r.evidence).includes(fileId)).map((r) => r.id);
  }

  /** Whether the form was ever submitted (a frozen `submit` version): a draft or returned form that never was is still the unit's alone. */
  async everSubmitted(evaluationId: string): Promise<boolean> {
    const row = await this.db.selectFrom('evaluation_versions').select('number').where('evaluation_id', '=', evaluationId).where('action', '=', 'submit').executeTakeFirst();
    return row !== undefined;
  }

  /** Whether the re-check draw drew the form. */
  async drawHas(drawId: string, evaluationId: string): Promise<boolean> {
    const row = await this.db.selectFrom('recheck_items').select('position').where('draw_id', '=', drawId).where('evaluation_id', '=', evaluationId).executeTakeFirst();
    return row !== undefined;
  }

  async getResultsApplication(evaluationId: string): Promise<ResultsApplicationRecord | undefined> {
    const row = await this.db
      .selectFrom('results_applications')
      .innerJoin('users', 'users.id', 'results_applications.recorded_by')
      .select(['results_applications.evaluation_id', 'results_applications.year', 'results_applications.category', 'results_applications.text', 'results_applications.version', 'results_applications.recorded_at', 'users.username', 'users.display_name'])
      .where('results_applications.evaluation_id', '=', evaluationId)
      .executeTakeFirst();
    return row && {
      evaluationId: row.evaluation_id, year: Number(row.year), category: row.category, text: row.text, version: Number(row.version),
      recordedBy: { username: row.username, displayName: row.display_name }, recordedAt: row.recorded_at,
    };
  }

  /** Writes the record: a new one at version 1, or the one at `version` (null when it is no longer there). */
  async putResultsApplication(record: { evaluationId: string; unitId: string; year: number; category: ResultsCategory; text: string; userId: string; at: string }, version: number | null): Promise<number | null> {
    if (version === null) {
      await this.db
        .insertInto('results_applications')
        .values({ evaluation_id: record.evaluationId, unit_id: record.unitId, year: record.year, category: record.category, text: record.text, version: 1, recorded_by: record.userId, recorded_at: record.at })
        .execute();
      return 1;
    }
    const result = await this.db
      .updateTable('results_applications')
      .set({ category: record.category, text: record.text, version: version + 1, recorded_by: record.userId, recorded_at: record.at })
      .where('evaluation_id', '=', record.evaluationId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? version + 1 : null;
  }

  async appendAudit(entry: NewFollowupAudit): Promise<void> {
    await this.db
      .insertInto('followup_audit')
      .values({
        subject: entry.subject, subject_id: entry.subjectId, evaluation_id: entry.evaluationId, at: entry.at, user_id: entry.userId,
        action: entry.action, comment: entry.comment, changes: writeJson(entry.changes),
      })
      .execute();
  }

  /** The subject's entries, oldest first: all, or one page. */
  async audit(subject: NewFollowupAudit['subject'], subjectId: string, page?: Page): Promise<FollowupAuditRecord[]> {
    const rows = await paged(
      this.db
        .selectFrom('followup_audit')
        .innerJoin('users', 'users.id', 'followup_audit.user_id')
        .select(['followup_audit.id', 'followup_audit.at', 'followup_audit.action', 'followup_audit.comment', 'followup_audit.changes', 'users.username', 'users.display_name'])
        .where('followup_audit.subject', '=', subject)
        .where('followup_audit.subject_id', '=', subjectId)
        .orderBy('followup_audit.id'),
      page,
    ).execute();
    return rows.map((r) => ({
      id: Number(r.id), at: r.at, user: { username: r.username, displayName: r.display_name }, action: r.action, comment: r.comment,
      changes: readJson<Record<string, unknown>>(r.changes),
    }));
  }

  async auditCount(subject: NewFollowupAudit['subject'], subjectId: string): Promise<number> {
    return count(this.db.selectFrom('followup_audit').where('subject', '=', subject).where('subject_id', '=', subjectId));
  }

  private items() {
    return this.db
      .selectFrom('rectification_items')
      .innerJoin('evaluations', 'evaluations.id', 'rectification_items.evaluation_id')
      .innerJoin('units', 'units.id', 'rectification_items.unit_id')
      .innerJoin('users as raiser', 'raiser.id', 'rectification_items.raised_by')
      .leftJoin('users as answerer', 'answerer.id', 'rectification_items.answered_by')
      .leftJoin('users as closer', 'closer.id', 'rectification_items.closed_by')
      .selectAll('rectification_items')
      .select([
        'units.name as unit_name', 'units.path as unit_path',
        'raiser.username as raiser_username', 'raiser.display_name as raiser_name',
        'answerer.username as answerer_username', 'answerer.display_name as answerer_name',
        'closer.username as closer_username', 'closer.display_name as closer_name',
      ]);
  }
}

function listCondition(eb: ExpressionBuilder<Tables, 'rectification_items' | 'evaluations'>, scope: VisibleScope, filter: RectificationListFilter): Expression<SqlBool> {
  const conditions: Array<Expression<SqlBool>> = [visibleEvaluations(eb as never, scope, {})];
  if (filter.year !== undefined) conditions.push(eb('rectification_items.year', '=', filter.year));
  if (filter.unitId !== undefined) conditions.push(eb('rectification_items.unit_id', '=', filter.unitId));
  if (filter.status === 'overdue') conditions.push(eb.and([eb('rectification_items.status', '=', 'open'), eb('rectification_items.due_date', '<', filter.today)]));
  else if (filter.status !== undefined) conditions.push(eb('rectification_items.status', '=', filter.status));
  return eb.and(conditions);
}

const person = (username: string | null, displayName: string | null): Person | null => (username === null ? null : { username, displayName: displayName ?? username });

function toRectification(r: {
  id: string; evaluation_id: string; unit_id: string; year: number; project_code: string; project: string; indicator_id: string | null; indicator_name: string | null;
  recheck_draw_id: string | null; problem: string; requirement: string; due_date: string; status: RectificationStatus; version: number; measures: string | null;
  evidence: unknown; send_back_reason: string | null; raised_at: string; answered_at: string | null; closed_at: string | null; updated_at: string;
  unit_name: string; unit_path: string; raiser_username: string; raiser_name: string; answerer_username: string | null; answerer_name: string | null;
  closer_username: string | null; closer_name: string | null;
}): RectificationRecord {
  return {
    id: r.id, evaluationId: r.evaluation_id, unit: { id: r.unit_id, name: r.unit_name }, unitPath: r.unit_path, year: Number(r.year), projectCode: r.project_code,
    project: r.project, indicatorId: r.indicator_id, indicatorName: r.indicator_name, recheckDrawId: r.recheck_draw_id, problem: r.problem, requirement: r.requirement,
    dueDate: r.due_date, status: r.status, version: Number(r.version), measures: r.measures, evidence: readJson<string[]>(r.evidence), sendBackReason: r.send_back_reason,
    raisedBy: { username: r.raiser_username, displayName: r.raiser_name }, raisedAt: r.raised_at,
    answeredBy: person(r.answerer_username, r.answerer_name), answeredAt: r.answered_at, closedBy: person(r.closer_username, r.closer_name), closedAt: r.closed_at,
    updatedAt: r.updated_at,
  };
}
