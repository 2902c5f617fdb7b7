/**
 * Workbooks of official forms: the evaluations, one sheet each (for `jixiao export --xlsx`), and
 * the blank fillable form of a template (for `jixiao template --xlsx`).
 */
import ExcelJS from 'exceljs';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import { writeFormSheet } from './form-sheet.ts';
import { addValidations } from './form-validations.ts';
import { uniqueSheetName } from './sheet-names.ts';

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  // A fixed date keeps the files byte-stable for the committed fixtures.
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet per evaluation, named after its project. An evaluation of an unknown template is an error. */
export async function writeEvaluationsWorkbook(
  evaluations: readonly Evaluation[],
  registry: TemplateRegistry = templateRegistry(),
): Promise<Buffer> {
  const workbook = newWorkbook();
  const taken = new Set<string>();
  for (const evaluation of evaluations) {
    const template = registry.get(evaluation.template);
    if (!template) throw new Error(`unknown template "${evaluation.template}"`);
    const ws = workbook.addWorksheet(uniqueSheetName(evaluation.project.name, taken));
    writeFormSheet(ws, template, evaluation);
  }
  return toBuffer(workbook);
}

/** The blank form of `template` with drop-downs and number checks, ready to fill in. */
export async function writeBlankTemplateWorkbook(template: Template): Promise<Buffer> {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet(uniqueSheetName(template.name.zh, new Set()));
  const written = writeFormSheet(ws, template, undefined);
  addValidations(workbook, ws, template, written.marks);
  return toBuffer(workbook);
}
