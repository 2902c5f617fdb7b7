/**
 * The tables as Kysely sees them. Times are ISO 8601 UTC strings in both databases (one format,
 * comparable as text); money is whole fen (分) in integer columns, so sums in SQL are exact on
 * SQLite as on PostgreSQL; points and rates are NUMERIC (decimal strings from PostgreSQL, numbers
 * from SQLite: the repositories give one shape).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Role, Status } from '../core/workflow/workflow.ts';
import type { CycleTables } from './cycle-tables.ts';
import type { FollowupTables } from './followup-tables.ts';

/** JSON columns: jsonb on PostgreSQL (parsed by the driver), text on SQLite (parsed by the repository). */
export type JsonColumn = ColumnType<unknown, string, string>;

/** NUMERIC: a decimal string from PostgreSQL, a number from SQLite. */
export type NumericColumn = ColumnType<string | number, string | number, string | number>;

export interface UnitTable {
  id: string;
  /** 单位代码, the budget system's code (unique). */
  code: string;
  name: string;
  /** null: directly under the finance bureau (a 主管部门). */
  parent_id: string | null;
  /** `/rootId/…/id/`: the ids from the top of the tree down to this unit. */
  path: string;
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 after a one-time password was given: every route but the password change answers 403 until it is changed. */
  must_change_password: ColumnType<number, number | undefined, number>;
  password_changed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionTable {
  /** The SHA-256 of the cookie's token: a copy of the table gives no one a session. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  /** The absolute end (12 hours after login). */
  expires_at: string;
  /** Refreshed as the session is used (at most once a minute): the idle timeout counts from here. */
  last_seen_at: string;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  address: string;
  at: string;
}

export interface EvaluationTable {
  id: string;
  unit_id: string;
  year: number;
  project: string;
  template: string;
  status: Status;
  version: number;
  /** The computed total and grade (what the checks say it is, not what the form states). */
  score: NumericColumn;
  grade: string;
  execution_rate: NumericColumn | null;
  budget_fen: number | null;
  executed_fen: number | null;
  return_reason: string | null;
  /** The whole `jixiao/evaluation@1` object. */
  document: JsonColumn;
  created_at: string;
  updated_at: string;
  /** Soft delete: set, the form is in no list and only the admin reads it (until restored). */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A frozen copy of an evaluation at submit or approve; rows are only inserted (triggers refuse the rest). */
export interface EvaluationVersionTable {
  evaluation_id: string;
  number: number;
  action: 'submit' | 'approve';
  /** The status the action led to. */
  status: Status;
  document: JsonColumn;
  /** SHA-256 hex of the document's canonical JSON (src/core/model/content-hash.ts). */
  content_hash: string;
  frozen_by: string;
  frozen_at: string;
  /** The evidence files at the freeze (core/evidence/manifest.ts) and their hash; null in versions frozen before evidence existed. */
  evidence: ColumnType<unknown, string | null | undefined, never>;
  evidence_hash: ColumnType<string | null, string | null | undefined, never>;
}

/** An evidence file (佐证材料) of an evaluation or of one of its indicators; its contents are in the evidence store. */
export interface EvidenceFileTable {
  id: string;
  evaluation_id: string;
  /** The indicator's lineage id; null: the file belongs to the whole form. */
  indicator_id: string | null;
  file_name: string;
  /** Told from the bytes (core/evidence/file-type.ts). */
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: string;
  public: ColumnType<number, number | undefined, number>;
  public_by: ColumnType<string | null, string | null | undefined, string | null>;
  public_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The database evidence store's contents. */
export interface EvidenceBlobTable {
  key: string;
  bytes: Uint8Array;
}

export interface AuditLogTable {
  id: Generated<number>;
  evaluation_id: string;
  at: string;
  user_id: string;
  action: string;
  comment: string | null;
  changes: JsonColumn;
}

/** A year's settings (a year without a row has the defaults: no department tier, no deadline). */
export interface YearTable {
  year: number;
  /** 1: submitted forms go to the unit's department before the finance bureau. */
  department_review: number;
  /** 填报截止日期, an ISO date. */
  deadline: string | null;
  /** 监控时点 (migration 2026-12-08): "07-31" or a full date of the year; null, the template's default. */
  monitoring_as_of: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
  updated_by: string | null;
}

/** A project of the year's list from the budget system, and the evaluation made for it. */
export interface ProjectTable {
  id: string;
  year: number;
  unit_id: string;
  /** 项目代码; '' when the list had none (then the name identifies it within the unit). */
  code: string;
  name: string;
  budget_fen: number | null;
  previous_budget_fen: number | null;
  department: string;
  /** 是否经常性项目: 1, 0, or null when the list left it blank. */
  recurring: number | null;
  template: string;
  evaluation_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A security event: a login, a password or account change, a download of a non-public document. */
export interface SecurityEventTable {
  id: Generated<number>;
  at: string;
  action: string;
  user_id: string | null;
  username: string | null;
  address: string | null;
  subject_user_id: string | null;
  detail: JsonColumn;
}

export interface RecheckDrawTable {
  id: string;
  year: number;
  seed: string;
  parameters: JsonColumn;
  strata: JsonColumn;
  population: number;
  drawn_by: string;
  drawn_at: string;
}

export interface RecheckItemTable {
  draw_id: string;
  evaluation_id: string;
  position: number;
  evaluation_version: number;
}

export interface RecheckScoreTable {
  draw_id: string;
  evaluation_id: string;
  indicator: number;
  score: NumericColumn;
  reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface RecheckAuditTable {
  id: Generated<number>;
  draw_id: string;
  evaluation_id: string | null;
  at: string;
  user_id: string;
  action: string;
  comment: string | null;
  changes: JsonColumn;
}

/** The re-check's tables (migration 2026-11-27-rechecks). */
export type RecheckTables = {
  recheck_draws: RecheckDrawTable;
  recheck_items: RecheckItemTable;
  recheck_scores: RecheckScoreTable;
  recheck_audit: RecheckAuditTable;
};

export interface Tables extends RecheckTables, CycleTables, FollowupTables {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  evaluations: EvaluationTable;
  evaluation_versions: EvaluationVersionTable;
  audit_log: AuditLogTable;
  years: YearTable;
  projects: ProjectTable;
  security_events: SecurityEventTable;
  evidence_files: EvidenceFileTable;
  evidence_blobs: EvidenceBlobTable;
}
