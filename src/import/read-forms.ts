/**
 * One file's bytes → its forms, by what the bytes are (sniffed, not the file name): PDF, XLSX,
 * .docx, an HTML page, an interchange JSON file or extracted text. Anything else is said to be unreadable. Runs in-process; `importFile` runs it
 * in a bounded worker.
 *
 * The PDF and XLSX readers are loaded on the first file that needs them: pdf.js alone takes
 * ≈ 100 ms to load and installs core-js versions of Array, Set and Map methods process-wide,
 * which slow every reader after it (text import ≈ 10–15 %); a text-only batch never loads them.
 */
import { explain } from '../core/explanation.ts';
import { templateRegistry, type TemplateRegistry } from '../core/templates/registry.ts';
import type { Template } from '../core/templates/template.ts';
import type { FileImport, ReaderInput } from './import-result.ts';
import { sniffKind, type FileKind } from './sniff.ts';
import { looksLikeJsonObject, readInterchangeJson } from './json/read-interchange-json.ts';
import { readTextFormsSync } from './text/read-text-forms.ts';

const UNREADABLE: Record<string, string> = {
  empty: 'import.emptyFile',
  zip: 'import.zipNotXlsx',
  binary: 'import.unknownKind',
  ole: 'import.unknownKind',
};

// issue 15 (convert): legacy and OpenDocument files, converted by LibreOffice, then read as what they became.
const CONVERTED_TO: Partial<Record<FileKind, 'xlsx' | 'docx'>> = { xls: 'xlsx', ods: 'xlsx', doc: 'docx', odt: 'docx' };

async function readConverted(input: ReaderInput, kind: FileKind, templates: readonly Template[], timeoutMs: number | undefined): Promise<FileImport> {
  const target = CONVERTED_TO[kind]!;
  const { convertWithSoffice, CONVERT_TIMEOUT_MS } = await import('./convert/soffice.ts');
  // Killed by us before the pool's deadline ends the thread (which would leave soffice running), with time left to read.
  const budget = timeoutMs === undefined ? CONVERT_TIMEOUT_MS : Math.min(CONVERT_TIMEOUT_MS, Math.floor(timeoutMs * 0.75));
  const conversion = await convertWithSoffice(input.bytes, { extension: kind, target, timeoutMs: budget });
  if (conversion.ok) return readForms({ ...input, bytes: conversion.bytes }, templates, { converted: true });
  const failure = conversion.reason === 'missing'
    ? { code: 'CONVERTER_MISSING', message: explain('import.converterMissing', { kind: kind.toUpperCase(), package: conversion.package }) }
    : conversion.reason === 'timeout'
      ? { code: 'READ_FAILED', message: explain('import.convertTimeout', { kind: kind.toUpperCase(), seconds: conversion.seconds }) }
      : { code: 'READ_FAILED', message: explain('import.convertFailed', { kind: kind.toUpperCase(), detail: conversion.detail }) };
  return { file: input.file, forms: [], diagnostics: [{ severity: 'error', file: input.file, ...failure }] };
}

type Reader = (input: ReaderInput, templates: readonly Template[]) => Promise<FileImport> | FileImport;

const registryOf = (templates: readonly Template[]): TemplateRegistry | undefined => (templates.length > 0 ? templateRegistry(templates) : undefined);

/** The reader of each kind it can read; all but text are loaded on first use (see above). */
const READERS: Partial<Record<FileKind, Reader>> = {
  pdf: async (input, templates) => (await import('./pdf/read-pdf-forms.ts')).readPdfForms(input, registryOf(templates)),
  xlsx: async (input, templates) => (await import('./xlsx/read-xlsx.ts')).readXlsxForms(input, registryOf(templates)),
  html: async (input, templates) => (await import('./html/read-html.ts')).readHtmlForms(input, registryOf(templates)),
  docx: async (input, templates) => (await import('./docx/read-docx.ts')).readDocxForms(input, registryOf(templates)),
  text: readTextFormsSync,
};

/** `templates`: those added as data (`--templates`), recognised besides the built-in ones. */
export interface ReadOptions {
  /** The file's deadline (the reader pool's): a conversion is given most of it and killed within it. */
  timeoutMs?: number;
  /** The bytes are LibreOffice's output: never converted again. */
  converted?: boolean;
}

export async function readForms(input: ReaderInput, templates: readonly Template[] = [], options: ReadOptions = {}): Promise<FileImport> {
  const kind = sniffKind(input.bytes);
  if (!options.converted && CONVERTED_TO[kind]) return readConverted(input, kind, templates, options.timeoutMs);
  // An interchange file (`{"targets": […]}` …) is text too: read as JSON, never as a form's text.
  if (kind === 'text' && looksLikeJsonObject(input.bytes)) return readInterchangeJson(input.file, input.bytes);
  const reader = READERS[kind];
  if (reader) return reader(input, templates);
  return {
    file: input.file,
    forms: [],
    diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: input.file, message: explain(UNREADABLE[kind]!) }],
  };
}
