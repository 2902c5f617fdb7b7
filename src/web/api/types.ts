/** The shapes of docs/api.md, as the UI reads them. */
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Action, Role, Status } from '../../core/workflow/workflow.ts';
import type { ProgressColumn } from '../../core/year/progress.ts';

// Roles, statuses, actions and the progress columns are the core's: the server answers with exactly these words.
export { ROLES, STATUSES, UNIT_ROLES } from '../../core/workflow/workflow.ts';
export type { Action, Role, Status, TransitionAction as Transition } from '../../core/workflow/workflow.ts';
export { PROGRESS_COLUMNS } from '../../core/year/progress.ts';

export interface Unit {
  id: string | number;
  name: string;
}

export interface User {
  id: string | number;
  username: string;
  displayName: string;
  role: Role;
  unit: Unit | null;
  /** A one-time password was given: nothing else works until the user chooses a password. */
  mustChangePassword: boolean;
}

/** POST /api/login, GET /api/me, POST /api/me/password. */
export interface SessionAnswer {
  csrfToken: string;
  user: User;
}

/** A page of a list: `total` rows on all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A unit of the tree: `parentId` null is a 主管部门, directly under the finance bureau; `children` counts the units directly below. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
  children: number;
}

export interface UserRecord extends User {
  unitCode: string | null;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string | null;
}

/** POST /api/users: the one-time password is shown this once. */
export interface CreatedUser {
  user: UserRecord;
  oneTimePassword: string;
}

/** POST /api/units/import. */
export interface UnitImport {
  created: number;
  updated: number;
  unchanged: number;
  ignoredColumns: string[];
}

export interface YearSettings {
  year: number;
  departmentReview: boolean;
  /** 填报截止日期, `YYYY-MM-DD`. */
  deadline: string | null;
}

/** POST /api/years/:year/projects (`dryRun`: what would happen, nothing written). */
export interface ProjectImport {
  year: number;
  dryRun: boolean;
  created: number;
  carriedOver: number;
  updated: number;
  unchanged: number;
  ignoredColumns: string[];
  notices: { row: number; column: string; message: string }[];
}

export type ProgressCounts = Record<ProgressColumn, number>;
export interface ProgressUnit {
  id: string;
  code: string;
  name: string;
}

/** GET /api/years/:year/progress. */
export interface Progress {
  year: number;
  deadline: string | null;
  pastDeadline: boolean;
  totals: ProgressCounts;
  departments: { unit: ProgressUnit; counts: ProgressCounts; units: { unit: ProgressUnit; counts: ProgressCounts }[] }[];
}

export interface ServerFinding {
  code: string;
  severity: 'error' | 'warning';
  path: string;
  message: string;
  messages?: { zh: string; en: string };
}

/** `jixiao check --json`'s computed part; only what the UI shows is typed. */
export interface ServerComputed {
  weight: number;
  score: number;
  grade: string | { label: { zh: string; en: string } };
  executionRate: string | null;
  executionScore: number | null;
}

export interface Summary {
  id: string | number;
  year: number;
  unit: Unit;
  project: string;
  template: string;
  status: Status;
  version: number;
  score: number | null;
  grade: string | null;
  executionRate: string | null;
  budget: string | null;
  updatedAt: string;
}

export interface EvaluationDetail {
  id: string | number;
  version: number;
  status: Status;
  unit: Unit;
  evaluation: Evaluation;
  computed: ServerComputed;
  findings: ServerFinding[];
  allowedActions: Action[];
  returnReason: string | null;
}

export interface PublicEvaluation {
  id: string | number;
  unit: Unit;
  evaluation: Evaluation;
  computed: ServerComputed;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  user: { username: string; displayName: string };
  action: string;
  comment: string | null;
  changes: FieldChange[];
}

/** A field-level change; one inside an indicator names it. */
export interface FieldChange {
  path: string;
  from: unknown;
  to: unknown;
  indicator?: { index: number; name: string };
}

export interface VersionSummary {
  number: number;
  action: 'submit' | 'approve';
  status: Status;
  contentHash: string;
  frozenBy: { username: string; displayName: string };
  frozenAt: string;
  intact: boolean;
  sameAs: number | null;
}

export interface VersionDiff {
  from: { number: number | 'current'; status: Status; contentHash: string; frozenAt: string | null };
  to: { number: number | 'current'; status: Status; contentHash: string; frozenAt: string | null };
  changes: FieldChange[];
}

export interface DeletedSummary extends Summary {
  deletedAt: string;
  deletedBy: { username: string; displayName: string } | null;
}

export interface ImportDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  location: string;
  path: string;
  message: string;
}

export interface ImportPreview {
  forms: { evaluation: Evaluation; computed: ServerComputed; findings: ServerFinding[]; start?: unknown }[];
  diagnostics: ImportDiagnostic[];
}

/** The server names a unit by `{id, name}`; a plain name is read too. */
export type UnitRef = Unit | string;
export function unitName(unit: UnitRef): string {
  return typeof unit === 'string' ? unit : unit.name;
}

/** GET /api/dashboard: the year at a glance (small at any size: the table is paged apart). */
export interface Dashboard {
  year: number | null;
  total: number;
  byStatus: Partial<Record<Status, number>>;
  byGrade: { grade: string; count: number }[];
  totals: { budget: string; executed: string };
  /** Execution rate against score as cells `bin` wide; `rate`/`score` are a cell's lower bounds. */
  scatter: { bin: number; cells: ScatterCell[] };
  unitCount: number;
  /** The units with the largest budgets, largest first. */
  budgetByUnit: { unit: UnitRef; budget: string | number; executed: string | number }[];
}

export interface ScatterCell {
  rate: number;
  score: number;
  count: number;
  highScoreLowExecution: number;
}

export const DASHBOARD_SORTS = ['project', 'unit', 'status', 'budget', 'executionRate', 'score', 'grade', 'updatedAt'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/** GET /api/dashboard/table: one page of the year's table. */
export interface DashboardTable {
  year: number | null;
  total: number;
  limit: number;
  offset: number;
  items: Summary[];
}

/** The actions of GET /api/admin/security-events, as the server names them (docs/api.md). */
export const SECURITY_ACTIONS = [
  'login.succeeded', 'login.failed', 'logout', 'password.changed', 'password.reset',
  'user.created', 'user.disabled', 'user.enabled', 'user.roleChanged', 'user.unitChanged', 'download',
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

export interface SecurityPerson {
  id: string;
  username: string;
  displayName: string;
}

/** One security event: who acted (null: nobody logged in), the username typed at a login, from where, about whom. */
export interface SecurityEvent {
  id: number;
  at: string;
  action: SecurityAction;
  user: SecurityPerson | null;
  username: string | null;
  address: string | null;
  subject: SecurityPerson | null;
  /** `reason` of a failed login, `from`/`to` of a role or unit change, `what` of a download and what it was of. */
  detail: Record<string, unknown>;
}
