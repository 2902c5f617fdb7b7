/**
 * The monitoring summary (core/year/monitoring-summary.ts) as columns of its stored row in
 * `cycle_documents` (migration 2026-12-08-monitoring-summary), which the dashboard's monitoring
 * view groups and sums in SQL: money in whole fen, rates and points in integer hundredths (exact
 * on both databases, unlike a NUMERIC read back from SQLite as a double), booleans as 0/1, counts.
 * Targets rows leave them null; so does a monitoring not summarised yet (`as_of` null), which
 * `summarizeStoredMonitoring` fills in.
 */
import { sql, type Kysely } from 'kysely';
import type { Monitoring } from '../core/model/monitoring.ts';
import { fenOf, hundredthsText } from '../core/numbers/hundredths.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import { summarizeMonitoring, type MonitoringSummary } from '../core/year/monitoring-summary.ts';
import { fenToYuan, readJson, yuanToFen } from './columns.ts';

export interface MonitoringColumnValues {
  as_of: string | null;
  budget_fen: number | null;
  executed_fen: number | null;
  expected_fen: number | null;
  /** Hundredths of a percent: 4107 is 41.07 %. */
  execution_rate_h: number | null;
  time_progress_h: number | null;
  /** Hundredths of a point; negative: spending ahead of the time progress. */
  points_behind_h: number | null;
  spending_behind: number | null;
  overspend_expected: number | null;
  expected_overspend_fen: number | null;
  indicators: number | null;
  indicators_off_track: number | null;
  indicators_off_track_without_cause: number | null;
  indicators_impossible: number | null;
  indicators_not_comparable: number | null;
}

export const MONITORING_COLUMNS = [
  'as_of', 'budget_fen', 'executed_fen', 'expected_fen', 'execution_rate_h', 'time_progress_h', 'points_behind_h', 'spending_behind',
  'overspend_expected', 'expected_overspend_fen', 'indicators', 'indicators_off_track', 'indicators_off_track_without_cause',
  'indicators_impossible', 'indicators_not_comparable',
] as const satisfies ReadonlyArray<keyof MonitoringColumnValues>;

/** A rate or points text ("41.07", "-3.50") in hundredths; fenOf reads exactly that shape (null beyond 13 digits: no real rate). */
const hundredthsOf = (text: string | null): number | null => (text === null ? null : fenOf(text));
const flag = (b: boolean) => (b ? 1 : 0);

/** The summary's columns; null (a targets row) clears them all. */
export function monitoringColumnValues(s: MonitoringSummary | null): MonitoringColumnValues {
  if (s === null) return Object.fromEntries(MONITORING_COLUMNS.map((c) => [c, null])) as unknown as MonitoringColumnValues;
  return {
    as_of: s.asOf,
    budget_fen: yuanToFen(s.budget ?? undefined),
    executed_fen: yuanToFen(s.executedToDate ?? undefined),
    expected_fen: yuanToFen(s.expectedYearEnd ?? undefined),
    execution_rate_h: hundredthsOf(s.executionRate),
    time_progress_h: hundredthsOf(s.timeProgress),
    points_behind_h: hundredthsOf(s.pointsBehind),
    spending_behind: flag(s.spendingBehind),
    overspend_expected: flag(s.overspendExpected),
    expected_overspend_fen: yuanToFen(s.expectedOverspend ?? undefined),
    indicators: s.indicators,
    indicators_off_track: s.indicatorsOffTrack,
    indicators_off_track_without_cause: s.indicatorsOffTrackWithoutCause,
    indicators_impossible: s.indicatorsImpossible,
    indicators_not_comparable: s.indicatorsNotComparable,
  };
}

type Read<T> = { [K in keyof T]: T[K] extends number | null ? number | string | null : T[K] };

/** The stored columns as the summary's figures again (money in 元, rates and points as decimal strings). */
export function monitoringSummaryOf(r: Read<MonitoringColumnValues>): Omit<MonitoringSummary, 'asOf'> & { asOf: string | null } {
  const n = (v: number | string | null) => (v === null ? null : Number(v));
  const h = (v: number | string | null) => (v === null ? null : hundredthsText(Number(v)));
  return {
    asOf: r.as_of,
    budget: fenToYuan(r.budget_fen),
    executedToDate: fenToYuan(r.executed_fen),
    expectedYearEnd: fenToYuan(r.expected_fen),
    executionRate: h(r.execution_rate_h),
    timeProgress: h(r.time_progress_h),
    pointsBehind: h(r.points_behind_h),
    spendingBehind: n(r.spending_behind) === 1,
    overspendExpected: n(r.overspend_expected) === 1,
    expectedOverspend: fenToYuan(r.expected_overspend_fen),
    indicators: n(r.indicators) ?? 0,
    indicatorsOffTrack: n(r.indicators_off_track) ?? 0,
    indicatorsOffTrackWithoutCause: n(r.indicators_off_track_without_cause) ?? 0,
    indicatorsImpossible: n(r.indicators_impossible) ?? 0,
    indicatorsNotComparable: n(r.indicators_not_comparable) ?? 0,
  };
}

const PAGE = 500;

/**
 * Summarises every stored monitoring without its columns (stored before them, or of a template
 * this process did not know then), in pages by id; one of a template still unknown is left for a
 * start that has it. Run by the migration with the built-in templates and at every start with the
 * configured ones (nothing to do once all are summarised: one read of an empty partial index). Returns how many it wrote.
 */
export async function summarizeStoredMonitoring(db: Kysely<any>, templates: TemplateRegistry): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const rows: Array<{ id: string; document: unknown }> = await db
      .selectFrom('cycle_documents')
      .select(['id', 'document'])
      // Literal, as the partial index's predicate is written (SQLite uses it only for a WHERE that implies it as text).
      .where(sql<boolean>`kind = 'monitoring' and as_of is null`)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const document = readJson<Monitoring>(row.document);
      const template = templates.get(document?.template);
      if (!template || !Array.isArray(document.indicators)) continue;
      await db.updateTable('cycle_documents').set(monitoringColumnValues(summarizeMonitoring(document, template))).where('id', '=', row.id).execute();
      written++;
    }
    if (rows.length < PAGE) return written;
    after = rows.at(-1)!.id;
  }
}
