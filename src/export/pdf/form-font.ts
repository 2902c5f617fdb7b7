/**
 * The CJK font the form is printed in: Noto Sans Hans (Noto Sans CJK SC, SIL Open Font Licence
 * 1.1) as shipped by the npm package @embedpdf/fonts-sc, so it is there after `npm install`
 * with nothing fetched at run time. pdfkit embeds it as a subset (CID-keyed CFF) with a
 * ToUnicode map, so text copied out of the PDF gives back the characters printed.
 *
 * The font is parsed once per process and shared by every document: parsing an 8 MB OpenType
 * file per form would dominate the export time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { useFastSubset } from './cff-subset.ts';

export const FONT_PACKAGE = '@embedpdf/fonts-sc';
const FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;
export type FontWeight = keyof typeof FILES;

let loaded: Record<FontWeight, fontkit.Font> | undefined;

/** Where the package's font files are; the package exports only its index, so go from there. */
export function fontFile(weight: FontWeight): string {
  const index = createRequire(import.meta.url).resolve(FONT_PACKAGE);
  return join(dirname(index), '..', 'fonts', FILES[weight]);
}

function open(weight: FontWeight): fontkit.Font {
  const font = fontkit.create(readFileSync(fontFile(weight)));
  // A collection would need a postscript name; the package ships single fonts.
  if (!('glyphForCodePoint' in font)) throw new Error(`${fontFile(weight)} is a font collection, not a font`);
  useFastSubset(font);
  return font;
}

export function formFonts(): Record<FontWeight, fontkit.Font> {
  loaded ??= { regular: open('regular'), bold: open('bold') };
  return loaded;
}

const advanceCache = new Map<FontWeight, Map<number, number>>();

/** Advance width of one code point in font units per em (1000 for this font). */
function advance(weight: FontWeight, codePoint: number): number {
  let cache = advanceCache.get(weight);
  if (!cache) advanceCache.set(weight, (cache = new Map()));
  let width = cache.get(codePoint);
  if (width === undefined) {
    const font = formFonts()[weight];
    width = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
    cache.set(codePoint, width);
  }
  return width;
}

/** Width of a text at a font size, in points; kerning is ignored (the cell padding absorbs it). */
export function textWidth(text: string, size: number, weight: FontWeight = 'regular'): number {
  let width = 0;
  for (const ch of text) width += advance(weight, ch.codePointAt(0)!);
  return width * size;
}

/** Whether the font draws this character (control characters and spaces aside). */
export function hasGlyph(ch: string, weight: FontWeight = 'regular'): boolean {
  return formFonts()[weight].hasGlyphForCodePoint(ch.codePointAt(0)!);
}
