/** The tables of rectification and results application (migration 2026-12-09-rectification). */
import type { Generated } from 'kysely';
import type { RectificationStatus, ResultsCategory } from '../core/followup/rectification.ts';
import type { JsonColumn } from './tables.ts';

export interface RectificationItemTable {
  id: string;
  evaluation_id: string;
  unit_id: string;
  year: number;
  /** 项目代码, '' when the form has none. */
  project_code: string;
  project: string;
  indicator_id: string | null;
  indicator_name: string | null;
  recheck_draw_id: string | null;
  problem: string;
  requirement: string;
  /** YYYY-MM-DD. */
  due_date: string;
  status: RectificationStatus;
  version: number;
  measures: string | null;
  /** The evidence file ids the answer cites (a JSON array of strings). */
  evidence: JsonColumn;
  send_back_reason: string | null;
  raised_by: string;
  raised_at: string;
  answered_by: string | null;
  answered_at: string | null;
  closed_by: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface ResultsApplicationTable {
  evaluation_id: string;
  unit_id: string;
  year: number;
  category: ResultsCategory;
  text: string;
  version: number;
  recorded_by: string;
  recorded_at: string;
}

export interface FollowupAuditTable {
  id: Generated<number>;
  subject: 'rectification' | 'results-application';
  subject_id: string;
  evaluation_id: string;
  at: string;
  user_id: string;
  action: string;
  comment: string | null;
  changes: JsonColumn;
}

export type FollowupTables = {
  rectification_items: RectificationItemTable;
  results_applications: ResultsApplicationTable;
  followup_audit: FollowupAuditTable;
};
