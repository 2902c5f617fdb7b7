/**
 * Importing one file: refuse what is too large before reading it, read it in a bounded worker,
 * then put every form through the checks and report each finding where the form shows it.
 */
import { stat } from 'node:fs/promises';
import { evaluate } from '../core/checks/run-checks.ts';
import { explain } from '../core/explanation.ts';
import { templateRegistry, type TemplateRegistry } from '../core/templates/registry.ts';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import type { FileImport, ImportDiagnostic, ReaderInput } from './import-result.ts';
import { createReaderPool, sharedReaderPool } from './reader-pool.ts';

export interface ImportOptions {
  templateId?: string;
  templates?: TemplateRegistry;
  limits?: Readonly<ImportLimits>;
}

/**
 * Reads the file in a thread of the reader pool (the process's shared pool; a pool of its own,
 * ended after, for other limits). The worker reads the bytes from the path itself.
 */
export async function importFile(file: string, options: ImportOptions = {}): Promise<FileImport> {
  const limits = options.limits ?? IMPORT_LIMITS;
  const refused = await refuseUnreadable(file, limits.maxBytes);
  if (refused) return { file, forms: [], diagnostics: [refused] };
  const own = options.limits && options.limits !== IMPORT_LIMITS ? createReaderPool(options.limits, 1) : undefined;
  try {
    const templates = options.templates ?? templateRegistry();
    const extras = templates.extras();
    const read = await (own ?? sharedReaderPool()).read({
      file, path: file, ...(options.templateId ? { templateId: options.templateId } : {}), ...(extras.length > 0 ? { templates: extras } : {}),
    });
    return crossCheck(read, templates);
  } finally {
    await own?.close();
  }
}

/**
 * The same import of bytes already in memory, read in this thread (no worker, so no heap limit
 * or deadline): for trusted input and for measuring the readers and checks without the worker.
 */
export async function importBytes(input: ReaderInput, options: Pick<ImportOptions, 'templates'> = {}): Promise<FileImport> {
  const { readForms } = await (readers ??= import('./read-forms.ts'));
  const templates = options.templates ?? templateRegistry();
  return crossCheck(await readForms(input, templates.extras()), templates);
}

/** Loaded on first use, not at the top: a process that imports through the worker never loads the readers. */
let readers: Promise<typeof import('./read-forms.ts')> | undefined;

async function refuseUnreadable(file: string, maxBytes: number): Promise<ImportDiagnostic | null> {
  const error = (key: string, params: Record<string, string | number> = {}): ImportDiagnostic => ({
    severity: 'error', code: 'READ_FAILED', file, message: explain(key, params),
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return error('import.notAFile');
    if (info.size > maxBytes) return error('import.tooLarge', { mb: Math.round(info.size / 1048576), maxMb: maxBytes / 1048576 });
    return null;
  } catch {
    return error('import.noSuchFile');
  }
}

/** The checks on every imported form; a finding is located where the form printed the field. */
function crossCheck(read: FileImport, templates: TemplateRegistry): FileImport {
  const findings = read.forms.flatMap((form, index) => {
    const template = templates.get(form.evaluation.template);
    if (!template) return [];
    return evaluate(form.evaluation, template).findings.map((f): ImportDiagnostic => ({
      severity: f.severity,
      code: f.code,
      file: read.file,
      ...(form.locations[f.path] ? { location: form.locations[f.path] } : { location: form.start }),
      path: `evaluations[${index}].${f.path}`,
      message: f.message,
    }));
  });
  return { ...read, diagnostics: [...read.diagnostics, ...findings] };
}
