/**
 * An interchange file uploaded for import (`{"evaluations": […]}`, `{"targets": […]}`,
 * `{"monitoring": […]}`; PRODUCT.md): each document validated on its own, so one bad document is
 * reported at its paths (`targets[1].indicators[2].target`) and the others are still read. A file
 * that is JSON but not such a file is said to be so, never read as a form's text.
 */
import { explain } from '../../core/explanation.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { validateEvaluation, validateMonitoring, validateTargets, type Validated } from '../../core/model/validate.ts';
import type { FileImport, ImportDiagnostic } from '../import-result.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Text whose first character (after a UTF-8 byte order mark and white space) is `{`: JSON, not a form's text. */
export function looksLikeJsonObject(bytes: Uint8Array): boolean {
  let i = UTF8_BOM.every((b, k) => bytes[k] === b) ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i += 1;
  return bytes[i] === 0x7b;
}

const VALIDATE = { evaluations: validateEvaluation, targets: validateTargets, monitoring: validateMonitoring } as const;
type Kind = keyof typeof VALIDATE;

export function readInterchangeJson(file: string, bytes: Uint8Array): FileImport {
  const diagnostics: ImportDiagnostic[] = [];
  const refuse = (key: string, params: Record<string, string | number> = {}, path?: string): FileImport => ({
    file, forms: [], diagnostics: [{ severity: 'error', code: 'NOT_INTERCHANGE', file, ...(path ? { path } : {}), message: explain(key, params) }],
  });
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    return refuse('import.notJson', { detail: (error as Error).message });
  }
  const keys = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).filter((k) => k in VALIDATE) : [];
  if (keys.length !== 1) return refuse('import.notInterchange', { keys: keys.join(', ') || '—' });
  const kind = keys[0] as Kind;
  const items = (data as Record<string, unknown>)[kind];
  if (!Array.isArray(items)) return refuse('import.notInterchange', { keys: kind }, kind);
  const documents: Array<{ index: number; value: unknown }> = [];
  items.forEach((item, index) => {
    const validated = VALIDATE[kind](item, [kind, index]) as Validated<unknown>;
    if (validated.ok) documents.push({ index, value: validated.value });
    else {
      for (const problem of validated.problems) {
        diagnostics.push({ severity: 'error', code: 'SCHEMA_INVALID', file, location: `${kind}[${index}]`, path: problem.path, message: explain('import.schemaProblem', { message: problem.message }) });
      }
    }
  });
  if (kind === 'evaluations') {
    return { file, forms: documents.map(({ index, value }) => ({ evaluation: value as Evaluation, locations: {}, start: `evaluations[${index}]` })), diagnostics };
  }
  // A document left out moves the paths of the ones after it: each keeps the path it has in the file.
  return {
    file, forms: [], diagnostics,
    cycle: { kind, documents: documents.map((d) => d.value as never), starts: documents.map((d) => `${kind}[${d.index}]`) },
  };
}
