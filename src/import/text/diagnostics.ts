/** The text reader's diagnostics: the one collector (import/diagnostics.ts), for a file or a form of it. */
import { fieldLabel } from '../../core/templates/labels.ts';
import type { Label, Template } from '../../core/templates/template.ts';
import { diagnosticSink, type DiagnosticSink } from '../diagnostics.ts';

/** A sink for a file, or for one form of it when `formIndex` is given. */
export function reporter(file: string, formIndex?: number): DiagnosticSink {
  return diagnosticSink(file, [], formIndex === undefined ? {} : { pathPrefix: `evaluations[${formIndex}].` });
}

/** The form's word for a field, in both languages, for a message parameter. */
export function fieldWord(template: Template, path: string): Label {
  const { zh, en } = fieldLabel(template, path);
  return { zh, en };
}
