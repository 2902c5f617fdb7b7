/** The audit log: who did what to an evaluation, when, why, and which fields changed. */
import type { FieldChange } from '../../core/workflow/field-changes.ts';
import { readJson, writeJson } from '../columns.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';

export interface AuditEntry {
  id: number;
  at: string;
  user: { username: string; displayName: string };
  action: string;
  comment: string | null;
  changes: FieldChange[];
}

export interface NewAuditEntry {
  evaluationId: string;
  at: string;
  userId: string;
  action: string;
  comment: string | null;
  changes: FieldChange[];
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.insertInto('audit_log').values(auditRow(entry)).execute();
  }

  /** Many entries in multi-row INSERTs (generated and bulk-loaded data). */
  async appendMany(entries: readonly NewAuditEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 1000) {
      await this.db.insertInto('audit_log').values(entries.slice(i, i + 1000).map(auditRow)).execute();
    }
  }

  /** Oldest first; the serial id orders entries written within the same millisecond. All of them, or one page. */
  async list(evaluationId: string, page?: Page): Promise<AuditEntry[]> {
    const rows = await paged(
      this.db
        .selectFrom('audit_log')
        .innerJoin('users', 'users.id', 'audit_log.user_id')
        .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.comment', 'audit_log.changes', 'users.username', 'users.display_name'])
        .where('audit_log.evaluation_id', '=', evaluationId)
        .orderBy('audit_log.id'),
      page,
    ).execute();
    return rows.map(auditEntryOf);
  }
}

/** An audit row as the API gives it (the evaluations' log and the cycle documents' log have one shape). */
export function auditEntryOf(r: { id: number | string; at: string; username: string; display_name: string; action: string; comment: string | null; changes: unknown }): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    user: { username: r.username, displayName: r.display_name },
    action: r.action,
    comment: r.comment,
    changes: readJson<FieldChange[]>(r.changes),
  };
}

export function countOf(db: Db, evaluationId: string): Promise<number> {
  return count(db.selectFrom('audit_log').where('evaluation_id', '=', evaluationId));
}

/** The row of an entry (also written by EvaluationRepository.updateWithAudit, in the statement of the change). */
export const auditRow = (entry: NewAuditEntry) => ({
  evaluation_id: entry.evaluationId,
  at: entry.at,
  user_id: entry.userId,
  action: entry.action,
  comment: entry.comment,
  changes: writeJson(entry.changes),
});
