/**
 * Workbooks of the cycle's documents: the targets or monitoring forms, one sheet each (`jixiao
 * export --xlsx`), and a template's blank form of either document (`jixiao template --document`).
 */
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import { newWorkbook, toBuffer } from '../xlsx/workbook.ts';
import { uniqueSheetName } from '../xlsx/sheet-names.ts';
import { blankCycleForm } from './blank-cycle-form.ts';
import type { CycleForm, CycleKind } from './cycle-form.ts';
import { cycleForms, type CycleDocuments } from './cycle-forms.ts';
import { writeCycleSheet } from './cycle-sheet.ts';

async function workbookOf(forms: readonly CycleForm[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const taken = new Set<string>();
  for (const form of forms) writeCycleSheet(workbook.addWorksheet(uniqueSheetName(form.name || form.title, taken)), form);
  return toBuffer(workbook);
}

export function writeCycleWorkbook(documents: CycleDocuments, registry: TemplateRegistry = templateRegistry()): Promise<Buffer> {
  return workbookOf(cycleForms(documents, registry, 'zh'));
}

export function writeBlankCycleWorkbook(template: Template, kind: CycleKind): Promise<Buffer> {
  return workbookOf([blankCycleForm(template, kind)]);
}
