/** The PDF form reader: pages → grids from rules and text positions → the forms on them. */
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import { recognizeCycle } from '../cycle/recognize-cycle.ts';
import { recognizeForms } from '../grid/recognize-forms.ts';
import type { FileImport, ReaderInput } from '../import-result.ts';
import { readPdfGrids } from './read-pdf-grids.ts';

/** Never throws for bad content: every failure is a diagnostic. */
export async function readPdfForms(input: ReaderInput, registry?: TemplateRegistry): Promise<FileImport> {
  const read = await readPdfGrids(input.file, input.bytes);
  if (read.grids.length === 0) return { file: input.file, forms: [], diagnostics: read.diagnostics };
  const cycle = input.templateId === undefined ? recognizeCycle(read.grids, registry ?? templateRegistry(), input.file) : undefined;
  if (cycle) return { file: input.file, forms: [], cycle: cycle.read, diagnostics: [...read.diagnostics, ...cycle.diagnostics] };
  const result = recognizeForms(read.grids, {
    file: input.file,
    ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
    ...(registry === undefined ? {} : { registry }),
  });
  return { ...result, diagnostics: [...read.diagnostics, ...result.diagnostics] };
}
