/**
 * One file's bytes → its forms, by what the bytes are (sniffed, not the file name): PDF, XLSX,
 * .docx, an HTML page or extracted text. Anything else is said to be unreadable. Runs in-process; `importFile` runs it
 * in a bounded worker.
 *
 * The PDF and XLSX readers are loaded on the first file that needs them: pdf.js alone takes
 * ≈ 100 ms to load and installs core-js versions of Array, Set and Map methods process-wide,
 * which slow every reader after it (text import ≈ 10–15 %); a text-only batch never loads them.
 */
import { explain } from '../core/explanation.ts';
import type { FileImport, ReaderInput } from './import-result.ts';
import { sniffKind } from './sniff.ts';
import { readTextForms } from './text/read-text-forms.ts';

const UNREADABLE: Record<string, string> = {
  empty: 'import.emptyFile',
  zip: 'import.zipNotXlsx',
  binary: 'import.unknownKind',
};

export async function readForms(input: ReaderInput): Promise<FileImport> {
  const kind = sniffKind(input.bytes);
  if (kind === 'pdf') return (await import('./pdf/read-pdf-forms.ts')).readPdfForms(input);
  if (kind === 'xlsx') return (await import('./xlsx/read-xlsx.ts')).readXlsxForms(input);
  if (kind === 'html') return (await import('./html/read-html.ts')).readHtmlForms(input);
  if (kind === 'docx') return (await import('./docx/read-docx.ts')).readDocxForms(input);
  if (kind === 'text') return readTextForms(input);
  return {
    file: input.file,
    forms: [],
    diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: input.file, message: explain(UNREADABLE[kind]!) }],
  };
}
