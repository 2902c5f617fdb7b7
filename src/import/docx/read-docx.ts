/**
 * The .docx form reader: a Word document holding the form as a table. The package is checked as
 * the XLSX reader checks its own (zip bombs, entity declarations, encryption), mammoth turns the
 * document into HTML (it keeps w:gridSpan as colspan and w:vMerge as rowspan, one <p> per
 * paragraph of a cell), and the HTML reader makes the Grids and hands them to the recogniser.
 */
import mammoth from 'mammoth';
import { explain } from '../../core/explanation.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { readHtmlText } from '../html/read-html.ts';
import type { FileImport, ReaderInput } from '../import-result.ts';
import { inspectXlsxZip, DEFAULT_ZIP_LIMITS } from '../xlsx/zip-guard.ts';

const DOCUMENT_PART = /^word\/document\.xml$/iu;

function failure(file: string, code: string, key: string, params: Record<string, string | number>): FileImport {
  return { file, forms: [], diagnostics: [{ severity: 'error', code, file, message: explain(key, params) }] };
}

/** Never throws for bad content: every failure is a diagnostic. */
export async function readDocxForms(input: ReaderInput, registry?: TemplateRegistry): Promise<FileImport> {
  const refusal = await inspectXlsxZip(input.bytes, DEFAULT_ZIP_LIMITS, DOCUMENT_PART);
  if (refusal) return failure(input.file, refusal.code, refusal.key, refusal.params);
  let html: string;
  try {
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    // Images are not read: a form's table holds none, and inlining them as data: URLs costs memory.
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) })).value;
  } catch (error) {
    return failure(input.file, 'UNREADABLE_FILE', 'docx.unreadable', { reason: error instanceof Error ? error.message : String(error) });
  }
  return readHtmlText(input, html, registry);
}
