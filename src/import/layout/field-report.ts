/**
 * Naming the fields a layout reading doubts: a field's value by its path, whether it holds one,
 * and a LAYOUT_VALUE_UNCLEAR warning per filled field, with its line. Shared by the checks of
 * doubtful-rows.ts and text-doubts.ts.
 */
import type { Evaluation } from '../../core/model/evaluation.ts';
import { diagnosticSink } from '../diagnostics.ts';
import type { ImportDiagnostic, ImportedForm } from '../import-result.ts';

/** `project.name`, `funding[1].initial` → the value in the evaluation. */
export function valueAt(evaluation: Evaluation, path: string): unknown {
  return path
    .split(/[.[\]]+/u)
    .filter((k) => k !== '')
    .reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), evaluation);
}

export function filled(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** One warning per field of `paths` that holds a value (`blank`: per field of them read blank instead). */
export function report(file: string, form: ImportedForm, index: number, paths: readonly string[], key: string, what: string, blank = false): ImportDiagnostic[] {
  const sink = diagnosticSink(file, [], { pathPrefix: `evaluations[${index}].` });
  for (const path of paths) {
    if (filled(valueAt(form.evaluation, path)) === blank) continue;
    const location = form.locations[path];
    const line = /\d+/u.exec(location ?? '')?.[0] ?? '?';
    sink.add('warning', 'LAYOUT_VALUE_UNCLEAR', key, { line, field: path, what }, { ...(location === undefined ? {} : { location }), path });
  }
  return sink.diagnostics;
}
