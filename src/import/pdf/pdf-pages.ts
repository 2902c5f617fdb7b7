/**
 * Opening a PDF with pdf.js (legacy build, for Node) within limits, and reading each page as
 * placed text and drawn rules. Nothing in the PDF is executed: no eval, no scripting, no fonts loaded.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { normalizeExtractedText } from '../text/cjk-radicals.ts';
import { scriptActionsOf, scriptNameInBytes } from './active-content.ts';
import { rulesOf, type OperatorList, type Rule } from './page-geometry.ts';
import type { PlacedText } from './ruling-grid.ts';

export const PDF_LIMITS = { maxPages: 300 } as const;

export interface PdfPage {
  number: number;
  texts: PlacedText[];
  rules: Rule[];
}

export type PdfOpenFailure = 'encrypted' | 'invalid' | 'tooManyPages' | 'javascript';

export class PdfOpenError extends Error {
  constructor(readonly reason: PdfOpenFailure, readonly detail: string) {
    super(detail);
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const named = scriptNameInBytes(bytes);
  if (named) throw new PdfOpenError('javascript', named);
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableScripting: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  } as Parameters<typeof getDocument>[0]);
  try {
    const doc = await task.promise;
    if (doc.numPages > PDF_LIMITS.maxPages) {
      await doc.destroy();
      throw new PdfOpenError('tooManyPages', String(doc.numPages));
    }
    const actions = await scriptActionsOf(doc);
    if (actions) {
      await doc.destroy();
      throw new PdfOpenError('javascript', actions);
    }
    return doc;
  } catch (error) {
    if (error instanceof PdfOpenError) throw error;
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new PdfOpenError('encrypted', (error as Error).message);
    throw new PdfOpenError('invalid', (error as Error).message);
  }
}

export async function readPage(doc: PDFDocumentProxy, number: number): Promise<PdfPage> {
  const page = await doc.getPage(number);
  try {
    // Asked together: each waits on decompression (zlib off the main thread) while the other parses.
    // Each operator list is reduced to its rules at once; no page's list outlives its page.
    const [content, rules] = await Promise.all([
      page.getTextContent(),
      page.getOperatorList().then((list) => rulesOf(list as unknown as OperatorList)),
    ]);
    const texts = content.items.flatMap((item): PlacedText[] => {
      if (!('str' in item) || item.str === '') return [];
      const [a, b, , d, e, f] = item.transform as number[];
      const size = Math.abs(item.height) || Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0);
      return [{ text: normalizeExtractedText(item.str), x: e ?? 0, y: f ?? 0, width: item.width, size }];
    });
    return { number, texts, rules };
  } finally {
    page.cleanup();
  }
}
