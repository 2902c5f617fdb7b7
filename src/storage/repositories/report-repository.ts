/**
 * The year's results report's queries (issue 17): every figure grouped or chosen in SQL — GROUP BY
 * for the counts and sums, ORDER BY … LIMIT for the lists of projects — so that what comes back is
 * small whatever the size of the year (a province: 50,000 forms; never one row per form). The same
 * SQL on SQLite and PostgreSQL; PostgreSQL gives count, sum and NUMERIC as strings, read here as
 * exact values (money in whole fen summed as bigint). The coverage is the year's progress
 * (ProgressRepository), not counted twice here.
 */
import { sql } from 'kysely';
import type { ResultsCategory } from '../../core/followup/rectification.ts';
import type { ReportProject } from '../../core/report/results-report.ts';
import { decimalText, fenToYuan } from '../columns.ts';
import type { Db } from '../open-database.ts';

/** The reviewed forms: the bureau's results (approved, or approved and published). */
export const REVIEWED = ['approved', 'published'] as const;

const total = (value: number | string | bigint | null | undefined): bigint => (value === null || value === undefined ? 0n : BigInt(value));

export interface UnitRectifications {
  unitId: string;
  raised: number;
  open: number;
  answered: number;
  closed: number;
  overdue: number;
}

export class ReportRepository {
  constructor(private readonly db: Db) {}

  private reviewed(year: number) {
    return this.db
      .selectFrom('evaluations')
      .where('evaluations.year', '=', year)
      .where('evaluations.status', 'in', [...REVIEWED])
      .where('evaluations.deleted_at', 'is', null);
  }

  /** The reviewed forms by grade (the stored word), with their budget (元, exact). */
  async grades(year: number): Promise<Array<{ grade: string; count: number; budget: string }>> {
    const rows = await this.reviewed(year)
      .select((eb) => ['evaluations.grade', eb.fn.countAll<number | string>().as('count'), eb.fn.sum<number | string | null>('evaluations.budget_fen').as('budget_fen')])
      .groupBy('evaluations.grade')
      .execute();
    return rows.map((r) => ({ grade: r.grade, count: Number(r.count), budget: fenToYuan(total(r.budget_fen).toString())! }));
  }

  /** How many reviewed forms, their budget and spending (元, exact). */
  async money(year: number): Promise<{ forms: number; budget: string; executed: string }> {
    const row = await this.reviewed(year)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.sum<number | string | null>('evaluations.budget_fen').as('budget_fen'),
        eb.fn.sum<number | string | null>('evaluations.executed_fen').as('executed_fen'),
      ])
      .executeTakeFirst();
    return { forms: Number(row?.count ?? 0), budget: fenToYuan(total(row?.budget_fen).toString())!, executed: fenToYuan(total(row?.executed_fen).toString())! };
  }

  /** The `limit` reviewed forms with the lowest execution rate (ties by id), lowest first. */
  async lowestExecution(year: number, limit: number): Promise<ReportProject[]> {
    return this.projects(this.reviewed(year).where('evaluations.execution_rate', 'is not', null), limit);
  }

  /**
   * The reviewed forms whose score is at least `score` and whose execution rate is below `rate`
   * (exact decimal strings): how many, and the `limit` with the lowest rate.
   */
  async highScoreLowExecution(year: number, score: string, rate: string, limit: number): Promise<{ total: number; rows: ReportProject[] }> {
    const chosen = this.reviewed(year)
      .where('evaluations.execution_rate', 'is not', null)
      .where('evaluations.score', '>=', sql<string>`cast(${score} as numeric)`)
      .where('evaluations.execution_rate', '<', sql<string>`cast(${rate} as numeric)`);
    const count = await chosen.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirst();
    return { total: Number(count?.count ?? 0), rows: await this.projects(chosen, limit) };
  }

  private async projects(chosen: ReturnType<ReportRepository['reviewed']>, limit: number): Promise<ReportProject[]> {
    const rows = await chosen
      .innerJoin('units', 'units.id', 'evaluations.unit_id')
      .select(['units.name as unit', 'evaluations.project', 'evaluations.budget_fen', 'evaluations.executed_fen', 'evaluations.execution_rate', 'evaluations.score', 'evaluations.grade'])
      .orderBy('evaluations.execution_rate')
      .orderBy('evaluations.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      unit: r.unit,
      project: r.project,
      budget: fenToYuan(r.budget_fen === null ? null : r.budget_fen),
      executed: fenToYuan(r.executed_fen === null ? null : r.executed_fen),
      executionRate: decimalText(r.execution_rate as string | number | null),
      score: decimalText(r.score as string | number)!,
      grade: r.grade,
    }));
  }

  /** The year's latest re-check draw (by time drawn, then id) and how many draws the year has. */
  async latestDraw(year: number): Promise<{ id: string | null; draws: number }> {
    const [latest, count] = await Promise.all([
      this.db.selectFrom('recheck_draws').select('id').where('year', '=', year).orderBy('drawn_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
      this.db.selectFrom('recheck_draws').select((eb) => eb.fn.countAll<number | string>().as('count')).where('year', '=', year).executeTakeFirst(),
    ]);
    return { id: latest?.id ?? null, draws: Number(count?.count ?? 0) };
  }

  /**
   * Rectification items of the year on forms not deleted, per unit: raised, open, answered, closed,
   * and overdue (open with a due day before `today`, YYYY-MM-DD).
   */
  async rectifications(year: number, today: string): Promise<UnitRectifications[]> {
    const counted = (condition: ReturnType<typeof sql>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
    const status = sql.ref('rectification_items.status');
    const rows = await this.db
      .selectFrom('rectification_items')
      .innerJoin('evaluations', 'evaluations.id', 'rectification_items.evaluation_id')
      .where('rectification_items.year', '=', year)
      .where('evaluations.deleted_at', 'is', null)
      .select((eb) => [
        'rectification_items.unit_id',
        eb.fn.countAll<number | string>().as('raised'),
        counted(sql`${status} = 'open'`).as('open'),
        counted(sql`${status} = 'answered'`).as('answered'),
        counted(sql`${status} = 'closed'`).as('closed'),
        counted(sql`${status} = 'open' and ${sql.ref('rectification_items.due_date')} < ${today}`).as('overdue'),
      ])
      .groupBy('rectification_items.unit_id')
      .execute();
    return rows.map((r) => ({ unitId: r.unit_id, raised: Number(r.raised), open: Number(r.open), answered: Number(r.answered), closed: Number(r.closed), overdue: Number(r.overdue) }));
  }

  /** The year's results applications on forms not deleted, by category, with the forms' budget (元, exact). */
  async applications(year: number): Promise<Array<{ category: ResultsCategory; count: number; budget: string }>> {
    const rows = await this.db
      .selectFrom('results_applications')
      .innerJoin('evaluations', 'evaluations.id', 'results_applications.evaluation_id')
      .where('results_applications.year', '=', year)
      .where('evaluations.deleted_at', 'is', null)
      .select((eb) => ['results_applications.category', eb.fn.countAll<number | string>().as('count'), eb.fn.sum<number | string | null>('evaluations.budget_fen').as('budget_fen')])
      .groupBy('results_applications.category')
      .execute();
    return rows.map((r) => ({ category: r.category, count: Number(r.count), budget: fenToYuan(total(r.budget_fen).toString())! }));
  }
}
