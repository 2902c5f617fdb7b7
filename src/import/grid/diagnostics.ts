/** Collecting what a form's reading could not read or had to infer, with where it is on the page. */
import { explain, type MessageParams } from '../../core/explanation.ts';
import type { DiagnosticSeverity, ImportDiagnostic } from '../import-result.ts';

export interface DiagnosticSink {
  add(severity: DiagnosticSeverity, code: string, key: string, params?: MessageParams, where?: { location?: string; path?: string }): void;
}

export function diagnosticSink(file: string, out: ImportDiagnostic[], pathPrefix = ''): DiagnosticSink {
  return {
    add(severity, code, key, params = {}, where = {}) {
      const diagnostic: ImportDiagnostic = { severity, code, file, message: explain(key, params) };
      if (where.location !== undefined) diagnostic.location = where.location;
      if (where.path !== undefined) diagnostic.path = `${pathPrefix}${where.path}`;
      out.push(diagnostic);
    },
  };
}
