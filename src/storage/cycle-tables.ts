/** The tables of the cycle's targets and monitoring documents (migration 2026-12-07-cycle-documents). */
import type { ColumnType, Generated } from 'kysely';
import type { CycleKind, CycleStatus } from '../core/workflow/cycle-workflow.ts';
import type { MonitoringColumnValues } from './monitoring-columns.ts';
import type { JsonColumn } from './tables.ts';

/** A monitoring's summary (migration 2026-12-08-monitoring-summary): null on targets rows. */
type MonitoringColumns = { [K in keyof MonitoringColumnValues]: ColumnType<MonitoringColumnValues[K], MonitoringColumnValues[K] | undefined, MonitoringColumnValues[K]> };

export interface CycleDocumentTable extends MonitoringColumns {
  id: string;
  kind: CycleKind;
  unit_id: string;
  year: number;
  /** 项目代码, '' when the document has none. */
  project_code: string;
  project: string;
  template: string;
  status: CycleStatus;
  version: number;
  return_reason: string | null;
  /** The unit's reason while an adjustment of approved targets is under way; null otherwise. */
  adjustment_reason: string | null;
  /** The whole `jixiao/targets@1` or `jixiao/monitoring@1` object. */
  document: JsonColumn;
  content_hash: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  /** Soft deletion (migration 2026-12-08): a deleted draft is in no list and answers 404. */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A frozen copy at submit, approve or accept; rows are only inserted (triggers refuse the rest). */
export interface CycleDocumentVersionTable {
  document_id: string;
  number: number;
  action: 'submit' | 'approve' | 'accept';
  status: CycleStatus;
  document: JsonColumn;
  content_hash: string;
  /** An approved adjustment's reason. */
  reason: ColumnType<string | null, string | null | undefined, never>;
  frozen_by: string;
  frozen_at: string;
}

export interface CycleAuditLogTable {
  id: Generated<number>;
  document_id: string;
  at: string;
  user_id: string;
  action: string;
  comment: string | null;
  changes: JsonColumn;
}

/** A self-evaluation made from targets: its checks use their newest approved version. */
export interface EvaluationTargetsTable {
  evaluation_id: string;
  targets_id: string;
  linked_by: string;
  linked_at: string;
}

export type CycleTables = {
  cycle_documents: CycleDocumentTable;
  cycle_document_versions: CycleDocumentVersionTable;
  cycle_audit_log: CycleAuditLogTable;
  evaluation_targets: EvaluationTargetsTable;
};
