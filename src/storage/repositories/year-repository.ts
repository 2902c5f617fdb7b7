/** A year's settings: whether the department reviews first, the deadline (填报截止日期), the monitoring date (监控时点). */
import type { Db } from '../open-database.ts';

export interface YearSettings {
  year: number;
  departmentReview: boolean;
  /** ISO date, or null when the year has none. */
  deadline: string | null;
  /** 监控时点: "07-31" or a full date of the year (core/year/monitoring-date.ts); null, the template's default. */
  monitoringAsOf: string | null;
}

export const defaultSettings = (year: number): YearSettings => ({ year, departmentReview: false, deadline: null, monitoringAsOf: null });

export class YearRepository {
  constructor(private readonly db: Db) {}

  async get(year: number): Promise<YearSettings> {
    const row = await this.db.selectFrom('years').select(['year', 'department_review', 'deadline', 'monitoring_as_of']).where('year', '=', year).executeTakeFirst();
    return row ? toSettings(row) : defaultSettings(year);
  }

  /** The years with settings, forms or a project list, newest first, each with its settings. */
  async list(): Promise<YearSettings[]> {
    const settings = await this.db.selectFrom('years').select(['year', 'department_review', 'deadline', 'monitoring_as_of']).execute();
    const used = await this.db
      .selectFrom('evaluations').select('year').distinct()
      .union(this.db.selectFrom('projects').select('year').distinct())
      .execute();
    const byYear = new Map(settings.map((row) => [Number(row.year), toSettings(row)]));
    for (const { year } of used) if (!byYear.has(Number(year))) byYear.set(Number(year), defaultSettings(Number(year)));
    return [...byYear.values()].sort((a, b) => b.year - a.year);
  }

  /** `monitoringAsOf` left out (undefined): the stored one is kept. */
  async set(settings: Omit<YearSettings, 'monitoringAsOf'> & { monitoringAsOf?: string | null | undefined }, at: string, userId: string | null): Promise<void> {
    const values = {
      department_review: settings.departmentReview ? 1 : 0, deadline: settings.deadline, updated_at: at, updated_by: userId,
      ...(settings.monitoringAsOf !== undefined ? { monitoring_as_of: settings.monitoringAsOf } : {}),
    };
    await this.db
      .insertInto('years')
      .values({ year: settings.year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values))
      .execute();
  }
}

function toSettings(row: { year: number; department_review: number | string; deadline: string | null; monitoring_as_of: string | null }): YearSettings {
  return { year: Number(row.year), departmentReview: Number(row.department_review) === 1, deadline: row.deadline, monitoringAsOf: row.monitoring_as_of };
}
