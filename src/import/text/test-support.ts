/** Shared by the text reader's tests: a template's catalog and classified lines from a string. */
import { templateRegistry } from '../../core/templates/registry.ts';
import { classifyLines, type ClassifiedLine } from './classify-lines.ts';
import { labelCatalog, type LabelCatalog } from './form-labels.ts';
import { toLines } from './text-lines.ts';

export const shanghai: LabelCatalog = labelCatalog(templateRegistry().get('shanghai-2021')!);
export const national: LabelCatalog = labelCatalog(templateRegistry().get('national-2020')!);

export function classified(text: string, catalog: LabelCatalog = shanghai): ClassifiedLine[] {
  return classifyLines(toLines(text), catalog);
}
