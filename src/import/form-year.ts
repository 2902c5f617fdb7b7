/**
 * The year a form evaluates, for every reader: as the form prints it (title, subtitle); else as
 * the other forms of the same file print it; else the year before its 自评时间, since forms are
 * filled in the spring after the year they evaluate; else the year before this one. Every year
 * not printed on the form is said (YEAR_INFERRED), with what it was inferred from.
 */
import type { DiagnosticSink } from './diagnostics.ts';

export interface YearEvidence {
  /** The year the form prints. */
  printed?: number | undefined;
  /** The year another form of the same file prints (a text file runs forms one after another). */
  inFile?: number | undefined;
  /** The form's 自评时间 as read (`2023-02-28`), if it was. */
  evaluatedOn?: unknown;
  /** Where the form starts, for the diagnostic. */
  location?: string | undefined;
}

export function inferYear(evidence: YearEvidence, sink: DiagnosticSink, today: Date = new Date()): number {
  if (evidence.printed !== undefined) return evidence.printed;
  const where = { ...(evidence.location ? { location: evidence.location } : {}), path: 'year' };
  if (evidence.inFile !== undefined) {
    sink.add('warning', 'YEAR_INFERRED', 'import.yearFromFile', { year: evidence.inFile }, where);
    return evidence.inFile;
  }
  const dated = typeof evidence.evaluatedOn === 'string' ? /^(\d{4})-\d{2}-\d{2}$/u.exec(evidence.evaluatedOn) : null;
  if (dated) {
    const year = Number(dated[1]) - 1;
    sink.add('warning', 'YEAR_INFERRED', 'import.yearFromEvaluatedOn', { year, date: evidence.evaluatedOn as string }, where);
    return year;
  }
  const year = today.getUTCFullYear() - 1;
  sink.add('warning', 'YEAR_INFERRED', 'import.yearAssumed', { year }, where);
  return year;
}
