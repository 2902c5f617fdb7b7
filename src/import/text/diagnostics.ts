/**
 * Diagnostics of the text reader. Every message is a key under `text.` in the import locale
 * files with its parameters; where a diagnostic concerns a field of a form, `path` names it as
 * `evaluations[i].field`.
 */
import { explain, type MessageParams } from '../../core/explanation.ts';
import { fieldLabel } from '../../core/templates/labels.ts';
import type { Label, Template } from '../../core/templates/template.ts';
import type { DiagnosticSeverity, ImportDiagnostic } from '../import-result.ts';
import { lineLocation } from './text-lines.ts';

export interface Where {
  line?: number;
  /** Field path within the form (`indicators[3].score`). */
  path?: string;
}

export interface Reporter {
  diagnostics: ImportDiagnostic[];
  report(severity: DiagnosticSeverity, code: string, key: string, params?: MessageParams, where?: Where): void;
}

/** A reporter for a file, or for one form of it when `formIndex` is given. */
export function reporter(file: string, formIndex?: number): Reporter {
  const diagnostics: ImportDiagnostic[] = [];
  return {
    diagnostics,
    report(severity, code, key, params = {}, where = {}) {
      const d: ImportDiagnostic = { severity, code, file, message: explain(`text.${key}`, params) };
      if (where.line !== undefined) d.location = lineLocation(where.line);
      if (where.path !== undefined) d.path = formIndex === undefined ? where.path : `evaluations[${formIndex}].${where.path}`;
      diagnostics.push(d);
    },
  };
}

/** The form's word for a field, in both languages, for a message parameter. */
export function fieldWord(template: Template, path: string): Label {
  const { zh, en } = fieldLabel(template, path);
  return { zh, en };
}
