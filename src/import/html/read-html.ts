/**
 * The HTML form reader: a page (saved from a site, or a spreadsheet's "save as web page") with
 * the form as a `<table>` → its text in the page's encoding → one Grid per table → the form
 * recogniser every grid reader uses. The encoding is reported when it is not UTF-8.
 */
import { explain } from '../../core/explanation.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { recognizeForms } from '../grid/recognize-forms.ts';
import type { FileImport, ReaderInput } from '../import-result.ts';
import { encodingDiagnostic } from '../text/text-encoding.ts';
import { decodeHtml } from './decode-html.ts';
import { htmlGrids } from './html-grids.ts';

const PROBLEM_CODES = {
  'html.tooManyCells': 'TOO_MANY_CELLS',
  'html.tooDeep': 'TOO_DEEP',
  'html.tooManyTables': 'TOO_DEEP',
  'html.tooLargeSpans': 'TOO_MANY_CELLS',
} as const;

export async function readHtmlForms(input: ReaderInput, registry?: TemplateRegistry): Promise<FileImport> {
  const { text, encoding } = decodeHtml(input.bytes);
  const read = readHtmlText(input, text, registry);
  return encoding === 'utf-8' ? read : { ...read, diagnostics: [encodingDiagnostic(input.file, encoding), ...read.diagnostics] };
}

/** HTML already decoded (the page, or what the .docx reader made of a document) → its forms. */
export function readHtmlText(input: Omit<ReaderInput, 'bytes'>, html: string, registry?: TemplateRegistry): FileImport {
  const { grids, problem } = htmlGrids(html);
  if (problem) {
    return { file: input.file, forms: [], diagnostics: [{ severity: 'error', code: PROBLEM_CODES[problem.key], file: input.file, message: explain(problem.key, problem.params) }] };
  }
  return recognizeForms(grids, {
    file: input.file,
    ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
    ...(registry === undefined ? {} : { registry }),
  });
}
