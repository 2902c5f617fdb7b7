/**
 * The XLSX form reader: refuse what is not a plain XLSX (zip bombs, entity declarations,
 * encrypted or legacy files), read the sheets into Grids, recognise the forms on them.
 */
import { explain } from '../../core/explanation.ts';
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import { recognizeCycle } from '../cycle/recognize-cycle.ts';
import { recognizeForms } from '../grid/recognize-forms.ts';
import type { FileImport, ImportDiagnostic, ReaderInput } from '../import-result.ts';
import { readXlsxGrids } from './read-xlsx-grids.ts';
import { inspectXlsxZip } from './zip-guard.ts';

function failure(file: string, code: string, key: string, params: Record<string, string | number>): FileImport {
  return { file, forms: [], diagnostics: [{ severity: 'error', code, file, message: explain(key, params) }] };
}

/** Never throws for bad content: every failure is a diagnostic. */
export async function readXlsxForms(input: ReaderInput, registry?: TemplateRegistry): Promise<FileImport> {
  const refusal = await inspectXlsxZip(input.bytes);
  if (refusal) return failure(input.file, refusal.code, refusal.key, refusal.params);
  let read;
  try {
    read = await readXlsxGrids(input.bytes);
  } catch (error) {
    return failure(input.file, 'UNREADABLE_FILE', 'xlsx.unreadable', { reason: error instanceof Error ? error.message : String(error) });
  }
  const cycle = input.templateId === undefined ? recognizeCycle(read.grids, registry ?? templateRegistry(), input.file) : undefined;
  if (cycle) return { file: input.file, forms: [], cycle: cycle.read, diagnostics: [...sheetDiagnostics(input.file, read.problems), ...cycle.diagnostics] };
  const result = recognizeForms(read.grids, {
    file: input.file,
    ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
    ...(registry === undefined ? {} : { registry }),
  });
  return { ...result, diagnostics: [...sheetDiagnostics(input.file, read.problems), ...result.diagnostics] };
}

function sheetDiagnostics(file: string, problems: Awaited<ReturnType<typeof readXlsxGrids>>['problems']): ImportDiagnostic[] {
  return problems.map((p) => ({
    severity: 'warning',
    code: p.key === 'xlsx.tooManyCells' ? 'TOO_MANY_CELLS' : 'FORMULA_WITHOUT_RESULT',
    file,
    location: p.location,
    message: explain(p.key, p.params),
  }));
}
