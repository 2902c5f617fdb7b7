/**
 * One file's bytes → its forms, by what the bytes are (sniffed, not the file name): PDF, XLSX or
 * extracted text. Anything else is said to be unreadable. Runs in-process; `importFile` runs it
 * in a bounded worker.
 */
import { explain } from '../core/explanation.ts';
import type { FileImport, ReaderInput } from './import-result.ts';
import { readPdfForms } from './pdf/read-pdf-forms.ts';
import { sniffKind } from './sniff.ts';
import { readTextForms } from './text/read-text-forms.ts';
import { readXlsxForms } from './xlsx/read-xlsx.ts';

const UNREADABLE: Record<string, string> = {
  empty: 'import.emptyFile',
  zip: 'import.zipNotXlsx',
  binary: 'import.unknownKind',
};

export async function readForms(input: ReaderInput): Promise<FileImport> {
  const kind = sniffKind(input.bytes);
  if (kind === 'pdf') return readPdfForms(input);
  if (kind === 'xlsx') return readXlsxForms(input);
  if (kind === 'text') return readTextForms(input);
  return {
    file: input.file,
    forms: [],
    diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: input.file, message: explain(UNREADABLE[kind]!) }],
  };
}
