/**
 * The visual regression check: page 1 of an export rendered by poppler at 50 dpi and compared
 * pixel by pixel with a committed reference PNG. Anti-aliasing may differ a little between
 * poppler versions, so a pixel counts as changed only past a clear difference, and a page
 * passes with a small share of changed pixels; a moved column or row changes far more.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { nationalEvaluation, seedEvaluations } from '../../../test/support/fixtures.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { withPdfFile } from './pdf-readback.testing.ts';
import { renderEvaluationsPdf } from './render-evaluations-pdf.ts';

export const REFERENCE_DIR = fileURLToPath(new URL('./reference/', import.meta.url));

/** The pages kept as references: name → the evaluations whose export's page 1 it is. */
export const REFERENCES: Record<string, () => Evaluation[]> = {
  'seed-page-1': () => seedEvaluations(),
  'national-page-1': () => [nationalEvaluation()],
};

/** A channel differing by more than this (of 255) makes a pixel changed. */
const PIXEL_TOLERANCE = 64;
/** The share of changed pixels a page may have and still match. */
export const CHANGED_SHARE_ALLOWED = 0.001;

export async function renderPageOne(evaluations: Evaluation[]): Promise<Buffer> {
  const bytes = await renderEvaluationsPdf(evaluations);
  return withPdfFile(bytes, (file) => execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', file], { maxBuffer: 64 << 20 }));
}

export function referencePng(name: string): Buffer {
  return readFileSync(`${REFERENCE_DIR}${name}.png`);
}

export interface PngDifference {
  sameSize: boolean;
  changedPixels: number;
  share: number;
}

export function comparePngs(actual: Buffer, expected: Buffer): PngDifference {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, changedPixels: Infinity, share: 1 };
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > PIXEL_TOLERANCE) {
        changed++;
        break;
      }
    }
  }
  return { sameSize: true, changedPixels: changed, share: changed / (a.width * a.height) };
}

export function matches(difference: PngDifference): boolean {
  return difference.sameSize && difference.share <= CHANGED_SHARE_ALLOWED;
}
