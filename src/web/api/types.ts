/** The shapes of docs/api.md, as the UI reads them. */
import type { Evaluation } from '../../core/model/evaluation.ts';

export type Role = 'preparer' | 'approver' | 'reviewer' | 'admin';
export type Status = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export type Action = 'edit' | 'submit' | 'return' | 'approve' | 'publish' | 'copy' | 'delete' | 'restore';
export type Transition = 'submit' | 'return' | 'approve' | 'publish';
export const STATUSES: readonly Status[] = ['draft', 'submitted', 'returned', 'approved', 'published'];

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
