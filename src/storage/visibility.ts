/**
 * Which evaluations a query may read: what the actor may see (the workflow's scope: one unit, the
 * units below a department, some statuses) and what the query asks for, as one condition. Deleted
 * forms are in no list, count or sum, whoever asks. Every repository that lists evaluations uses it.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Scope, Status } from '../core/workflow/workflow.ts';
import { containing, startingWith } from './like.ts';
import type { Tables } from './tables.ts';

export type VisibleScope = Exclude<Scope, { nothing: true }>;

export interface EvaluationFilter {
  year?: number | undefined;
  /** One status or several. */
  status?: Status | readonly Status[] | undefined;
  unitId?: string | undefined;
  /** Part of the project's name. */
  project?: string | undefined;
}

export function visibleEvaluations(eb: ExpressionBuilder<Tables, 'evaluations'>, scope: VisibleScope, filter: EvaluationFilter): Expression<SqlBool> {
  const conditions: Array<Expression<SqlBool>> = [eb('evaluations.deleted_at', 'is', null)];
  if (scope.unitId !== null) conditions.push(eb('evaluations.unit_id', '=', scope.unitId));
  if (scope.subtreePath !== null) {
    const below = eb.selectFrom('units as subtree').select('subtree.id').where(startingWith('subtree.path', scope.subtreePath));
    conditions.push(eb('evaluations.unit_id', 'in', below));
  }
  if (scope.statuses !== null) conditions.push(eb('evaluations.status', 'in', [...scope.statuses]));
  if (filter.year !== undefined) conditions.push(eb('evaluations.year', '=', filter.year));
  if (typeof filter.status === 'string') conditions.push(eb('evaluations.status', '=', filter.status));
  else if (filter.status !== undefined && filter.status.length > 0) conditions.push(eb('evaluations.status', 'in', [...filter.status]));
  if (filter.unitId !== undefined) conditions.push(eb('evaluations.unit_id', '=', filter.unitId));
  if (filter.project) conditions.push(containing('evaluations.project', filter.project));
  return eb.and(conditions);
}
