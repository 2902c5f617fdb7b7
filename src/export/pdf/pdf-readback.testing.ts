/**
 * Reading an exported PDF back the way its users will, for the tests: poppler's pdftotext and
 * pdffonts (Debian poppler-utils), and pdf.js. Text is compared with whitespace removed, since
 * cells wrap their text over several lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export function withPdfFile<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext in content-stream order (-raw), one string per page. */
export function popplerPages(bytes: Uint8Array): string[] {
  return withPdfFile(bytes, (file) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
    .split('\f')
    .slice(0, -1);
}

export function pdffonts(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}

export interface PdfJsItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** pdf.js text items per page, in content-stream order, with positions (y up from the bottom). */
export async function pdfjsPages(bytes: Uint8Array): Promise<PdfJsItem[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfJsItem[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height }] : [],
        ),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

export const RADICALS = /[\u2E80-\u2FDF]/u;
