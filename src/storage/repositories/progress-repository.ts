/**
 * A year's progress: how many forms each unit has in each status, drafts never saved since they
 * were made apart (not started). Grouped in SQL: small at any size.
 */
import { sql } from 'kysely';
import type { Scope, Status } from '../../core/workflow/workflow.ts';
import type { Db } from '../open-database.ts';
import { visibleEvaluations } from '../visibility.ts';

export interface UnitStatusCount {
  unitId: string;
  status: Status;
  /** Drafts at version 1: made (by the year's set-up, or created) and never saved since. */
  untouched: boolean;
  count: number;
}

export class ProgressRepository {
  constructor(private readonly db: Db) {}

  async counts(scope: Scope, year: number): Promise<UnitStatusCount[]> {
    if (scope.nothing) return [];
    const untouched = sql<number>`case when ${sql.ref('evaluations.status')} = 'draft' and ${sql.ref('evaluations.version')} = 1 then 1 else 0 end`;
    const rows = await this.db
      .selectFrom('evaluations')
      .select((eb) => ['evaluations.unit_id', 'evaluations.status', untouched.as('untouched'), eb.fn.countAll<number>().as('n')])
      .where((eb) => visibleEvaluations(eb, scope, { year }))
      .groupBy(['evaluations.unit_id', 'evaluations.status', untouched])
      .execute();
    return rows.map((r) => ({ unitId: r.unit_id, status: r.status, untouched: Number(r.untouched) === 1, count: Number(r.n) }));
  }
}
