/**
 * The tables as Kysely sees them. Times are ISO 8601 UTC strings in both databases (one format,
 * comparable as text); money is whole fen (分) in integer columns, so sums in SQL are exact on
 * SQLite as on PostgreSQL; points and rates are NUMERIC (decimal strings from PostgreSQL, numbers
 * from SQLite: the repositories give one shape).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Role, Status } from '../core/workflow/workflow.ts';

/** JSON columns: jsonb on PostgreSQL (parsed by the driver), text on SQLite (parsed by the repository). */
export type JsonColumn = ColumnType<unknown, string, string>;

/** NUMERIC: a decimal string from PostgreSQL, a number from SQLite. */
export type NumericColumn = ColumnType<string | number, string | number, string | number>;

export interface UnitTable {
  id: string;
  name: string;
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
}

export interface SessionTable {
  /** The SHA-256 of the cookie's token: a copy of the table gives no one a session. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
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

export interface Tables {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  evaluations: EvaluationTable;
  evaluation_versions: EvaluationVersionTable;
  audit_log: AuditLogTable;
}
