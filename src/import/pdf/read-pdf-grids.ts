/**
 * PDF bytes → one Grid per page, rebuilt from drawn rules and text positions. What cannot be
 * read (encrypted, not a PDF, too many pages, pages without a text layer) is said, not thrown.
 */
import { explain, type MessageParams } from '../../core/explanation.ts';
import type { Grid } from '../grid/grid.ts';
import type { ImportDiagnostic } from '../import-result.ts';
import { openPdf, PDF_LIMITS, PdfOpenError, readPage, type PdfPage } from './pdf-pages.ts';
import { withoutPageFurniture } from './page-furniture.ts';
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
  const read: PdfPage[] = [];
  const diagnostics: ImportDiagnostic[] = [];
  const pageCount = doc.numPages;
  try {
    for (let number = 1; number <= pageCount; number++) {
      const page = await readPage(doc, number);
      if (page.texts.length === 0) {
        diagnostics.push(say('warning', 'pdf.pageNoText', { page: number }, `page ${number}`));
        continue;
      }
      if (page.rules.length === 0) diagnostics.push(say('info', 'pdf.noRules', { page: number }, `page ${number}`));
      read.push(page);
    }
  } finally {
    await doc.destroy();
  }
  const { pages, leftOut } = withoutPageFurniture(read);
  for (const line of leftOut) diagnostics.push(say('info', 'pdf.pageFurniture', { line }));
  // Columns numbered alike on every page: a table running over pages reads as one.
  const columns = documentColumns(pages.map((p) => p.rules));
  // Any page but the first may continue a table, any but the last may go on onto the next.
  const grids: Grid[] = pages.map((page) => gridFromPage(page.number, page.rules, page.texts, { columns, continued: page.number > 1, continues: page.number < pageCount }));
  if (grids.length === 0) return { grids, diagnostics: [...diagnostics, say('error', 'pdf.noText')] };
  return { grids, diagnostics };
}
