/**
 * PDF bytes → one Grid per page, rebuilt from drawn rules and text positions. What cannot be
 * read (encrypted, not a PDF, too many pages, pages without a text layer) is said, not thrown.
 */
import { explain, type MessageParams } from '../../core/explanation.ts';
import type { Grid } from '../grid/grid.ts';
import type { ImportDiagnostic } from '../import-result.ts';
import { openPdf, PDF_LIMITS, PdfOpenError, readPage, type PdfPage } from './pdf-pages.ts';
import { documentColumns, gridFromPage } from './ruling-grid.ts';

export interface PdfGrids {
  grids: Grid[];
  diagnostics: ImportDiagnostic[];
}

export async function readPdfGrids(file: string, bytes: Uint8Array): Promise<PdfGrids> {
  const say = (severity: ImportDiagnostic['severity'], key: string, params: MessageParams = {}, location?: string): ImportDiagnostic => ({
    severity, code: severity === 'error' ? 'READ_FAILED' : 'PDF_LAYOUT', file, ...(location ? { location } : {}), message: explain(key, params),
  });
  let doc;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    if (!(error instanceof PdfOpenError)) throw error;
    const params = { detail: error.detail, pages: error.detail, max: PDF_LIMITS.maxPages };
    return { grids: [], diagnostics: [say('error', `pdf.${error.reason}`, params)] };
  }
  const pages: PdfPage[] = [];
  const diagnostics: ImportDiagnostic[] = [];
  try {
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await readPage(doc, number);
      if (page.texts.length === 0) {
        diagnostics.push(say('warning', 'pdf.pageNoText', { page: number }, `page ${number}`));
        continue;
      }
      if (page.rules.length === 0) diagnostics.push(say('info', 'pdf.noRules', { page: number }, `page ${number}`));
      pages.push(page);
    }
  } finally {
    await doc.destroy();
  }
  // Columns numbered alike on every page: a table running over pages reads as one.
  const columns = documentColumns(pages.map((p) => p.rules));
  const grids: Grid[] = pages.map((page) => gridFromPage(page.number, page.rules, page.texts, columns));
  if (grids.length === 0) return { grids, diagnostics: [...diagnostics, say('error', 'pdf.noText')] };
  return { grids, diagnostics };
}
