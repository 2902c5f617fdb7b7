/** The answers of GET /api/evaluations/:id/previous-year and /recheck-scores (docs/api.md), as the server's schema names them. */
import type { components } from './schema.ts';

export type PreviousYear = components['schemas']['PreviousYear'];
export type PreviousIndicator = NonNullable<PreviousYear['previous']>['indicators'][number];
export type EvaluationRechecks = components['schemas']['EvaluationRechecks'];
export type RecheckOfForm = EvaluationRechecks['draws'][number];
