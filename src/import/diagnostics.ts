/**
 * Collecting what a reading could not read or had to infer, with where it is in the file: one
 * collector for every reader (grids of PDFs, spreadsheets, HTML and Word tables, layout, raw and
 * classic text). A form's diagnostics name its fields as `evaluations[i].field`.
 */
import { explain, type MessageParams } from '../core/explanation.ts';
import type { DiagnosticSeverity, ImportDiagnostic } from './import-result.ts';

export interface Where {
  /** In words people find it by: "page 2, row 14", "sheet 表1, cell B7". */
  location?: string;
  /** A line of a text file, 1-based: said as `line N`. */
  line?: number;
  /** Field path within the form (`indicators[3].score`). */
  path?: string;
}

export interface DiagnosticSink {
  /** What was collected, in order. */
  readonly diagnostics: ImportDiagnostic[];
  /** `key` is the message's key in the import locale files (`text.fieldNotFound`). */
  add(severity: DiagnosticSeverity, code: string, key: string, params?: MessageParams, where?: Where): void;
}

export interface SinkOptions {
  /** `evaluations[i].` for a form's sink. */
  pathPrefix?: string;
}

/** A sink adding to `out` (a file's list, shared by its forms' sinks). */
export function diagnosticSink(file: string, out: ImportDiagnostic[] = [], { pathPrefix = '' }: SinkOptions = {}): DiagnosticSink {
  return {
    diagnostics: out,
    add(severity, code, key, params = {}, where = {}) {
      const diagnostic: ImportDiagnostic = { severity, code, file, message: explain(key, params) };
      const location = where.location ?? (where.line === undefined ? undefined : lineLocation(where.line));
      if (location !== undefined) diagnostic.location = location;
      if (where.path !== undefined) diagnostic.path = `${pathPrefix}${where.path}`;
      out.push(diagnostic);
    },
  };
}

/** `line N`, built once for the first lines: every field and finding of a form names its line. */
export function lineLocation(no: number): string {
  if (no >= CACHED_LOCATIONS) return `line ${no}`;
  return (LOCATIONS[no] ??= `line ${no}`);
}

const CACHED_LOCATIONS = 10_000;
const LOCATIONS: string[] = [];
