/**
 * The year's monitoring date (监控时点), which the bureau chooses per year (issue 16): stored as
 * the admin gave it, a month and day ("07-31") or a full date of the year ("2024-06-30"), and
 * turned into the as-of date of the year's monitoring drafts. Without a setting, the template's
 * default (its monitoring layout's `defaultAsOf`, 07-31 in the shipped ones).
 */
import { calendarDate } from './calendar.ts';

const MONTH_DAY = /^\d{2}-\d{2}$/u;

/** The full date the setting means in `year`, or null when it names no day of that year. */
export function monitoringDateIn(year: number, setting: string): string | null {
  const text = MONTH_DAY.test(setting) ? `${String(year).padStart(4, '0')}-${setting}` : setting;
  const date = calendarDate(text);
  return date && date.year === year ? text : null;
}

/** The as-of date of a monitoring draft of `year`: the year's setting, else the template's default. */
export function monitoringAsOf(year: number, setting: string | null, templateDefault = '07-31'): string {
  return (setting === null ? null : monitoringDateIn(year, setting)) ?? monitoringDateIn(year, templateDefault) ?? `${year}-07-31`;
}
