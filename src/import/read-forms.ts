/**
 * One file's bytes → its forms, by what the bytes are (sniffed, not the file name): PDF, XLSX or
 * extracted text. Anything else is said to be unreadable. Runs in-process; `importFile` runs it
 * in a bounded worker.
 *
 * The PDF and XLSX readers are loaded on the first file that needs them: pdf.js alone takes
 * ≈ 100 ms to load and installs core-js versions of Array, Set and Map methods process-wide,
 * which slow every reader after it (text import ≈ 10–15 %); a text-only batch never loads them.
 */
import { explain } from '../core/explanation.ts';
import { templateRegistry } from '../core/templates/registry.ts';
import type { Template } from '../core/templates/template.ts';
import type { FileImport, ReaderInput } from './import-result.ts';
import { sniffKind, type FileKind } from './sniff.ts';
import { readTextFormsSync } from './text/read-text-forms.ts';

const UNREADABLE: Record<string, string> = {
  empty: 'import.emptyFile',
  zip: 'import.zipNotXlsx',
  binary: 'import.unknownKind',
  ole: 'import.unknownKind',
};

// issue 15 (convert): legacy and OpenDocument files, converted by LibreOffice, then read as what they became.
const CONVERTED_TO: Partial<Record<FileKind, 'xlsx' | 'docx'>> = { xls: 'xlsx', ods: 'xlsx', doc: 'docx', odt: 'docx' };

async function readConverted(input: ReaderInput, kind: FileKind, templates: readonly Template[]): Promise<FileImport> {
  const target = CONVERTED_TO[kind]!;
  const { convertWithSoffice } = await import('./convert/soffice.ts');
  const conversion = await convertWithSoffice(input.bytes, { extension: kind, target });
  if (conversion.ok) return readForms({ ...input, bytes: conversion.bytes }, templates, true);
  const failure = conversion.reason === 'missing'
    ? { code: 'CONVERTER_MISSING', message: explain('import.converterMissing', { kind: kind.toUpperCase(), package: conversion.package }) }
    : conversion.reason === 'timeout'
      ? { code: 'READ_FAILED', message: explain('import.convertTimeout', { kind: kind.toUpperCase(), seconds: conversion.seconds }) }
      : { code: 'READ_FAILED', message: explain('import.convertFailed', { kind: kind.toUpperCase(), detail: conversion.detail }) };
  return { file: input.file, forms: [], diagnostics: [{ severity: 'error', file: input.file, ...failure }] };
}

/** `templates`: those added as data (`--templates`), recognised besides the built-in ones. */
export async function readForms(input: ReaderInput, templates: readonly Template[] = [], converted = false): Promise<FileImport> {
  const kind = sniffKind(input.bytes);
  if (!converted && CONVERTED_TO[kind]) return readConverted(input, kind, templates);
  const registry = templates.length > 0 ? templateRegistry(templates) : undefined;
  if (kind === 'pdf') return (await import('./pdf/read-pdf-forms.ts')).readPdfForms(input, registry);
  if (kind === 'xlsx') return (await import('./xlsx/read-xlsx.ts')).readXlsxForms(input, registry);
  if (kind === 'text') return readTextFormsSync(input, templates);
  return {
    file: input.file,
    forms: [],
    diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: input.file, message: explain(UNREADABLE[kind]!) }],
  };
}
