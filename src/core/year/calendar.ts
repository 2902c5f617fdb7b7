/**
 * Days of the calendar, in integers: which ISO dates exist (2024-02-29 does, 2023-02-29 does not),
 * how many days a year has, and how far into its year a date is. No Date objects: no time zone
 * can move a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An ISO date ("2024-07-31") that is a day of the calendar, else null. */
export function calendarDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return calendarDate(text) !== null;
}

/** 1 for 1 January, 366 for 31 December of a leap year. */
export function dayOfYear(date: CalendarDate): number {
  return DAYS_BEFORE_MONTH[date.month - 1]! + date.day + (date.month > 2 && isLeapYear(date.year) ? 1 : 0);
}

/**
 * Days of `year` elapsed by the end of `date` (the day itself counts: "as of 7月31日" means after
 * it): 0 before the year, all of them after it.
 */
export function daysElapsed(year: number, date: CalendarDate): number {
  if (date.year < year) return 0;
  if (date.year > year) return daysInYear(year);
  return dayOfYear(date);
}
