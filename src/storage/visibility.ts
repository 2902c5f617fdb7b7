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
  /**
   * Only what waits for the actor (the core's `awaiting`, the inbox): these statuses always, and
   * some only in years with (or without) the department tier, read from the year's settings.
   */
  awaiting?: { always: readonly Status[]; withDepartment: readonly Status[]; withoutDepartment: readonly Status[] } | undefined;
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
  if (filter.awaiting) conditions.push(awaitingCondition(eb, filter.awaiting));
  return eb.and(conditions);
}

function awaitingCondition(eb: ExpressionBuilder<Tables, 'evaluations'>, awaiting: NonNullable<EvaluationFilter['awaiting']>): Expression<SqlBool> {
  const tiered = () => eb.selectFrom('years').select('years.year').where('years.department_review', '=', 1);
  const branches: Array<Expression<SqlBool>> = [];
  if (awaiting.always.length > 0) branches.push(eb('evaluations.status', 'in', [...awaiting.always]));
  if (awaiting.withDepartment.length > 0) {
    branches.push(eb.and([eb('evaluations.status', 'in', [...awaiting.withDepartment]), eb('evaluations.year', 'in', tiered())]));
  }
  if (awaiting.withoutDepartment.length > 0) {
    branches.push(eb.and([eb('evaluations.status', 'in', [...awaiting.withoutDepartment]), eb('evaluations.year', 'not in', tiered())]));
  }
  return eb.or(branches);
}
