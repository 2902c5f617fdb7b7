/**
 * The CJK font the form is printed in: Noto Sans Hans (Noto Sans CJK SC, SIL Open Font Licence
 * 1.1) as shipped by the npm package @embedpdf/fonts-sc, so it is there after `npm install`
 * with nothing fetched at run time. It is embedded as a subset (CID-keyed CFF) with a
 * ToUnicode map (embedded-font.ts), so text copied out of the PDF gives back the characters
 * printed.
 *
 * The font is parsed once per process and shared by every document: parsing an 8 MB OpenType
 * file per form would dominate the export time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

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
  return font;
}

export function formFonts(): Record<FontWeight, fontkit.Font> {
  loaded ??= { regular: open('regular'), bold: open('bold') };
  return loaded;
}

/** Per weight, per code point: the advance in em (NaN: not looked up yet) and whether the font has a glyph. */
interface Metrics {
  advance: Float64Array;
  /** 0 not looked up yet, 1 drawn, 2 missing. */
  glyph: Uint8Array;
  astralAdvance: Map<number, number>;
  astralGlyph: Map<number, boolean>;
}

const metrics: Partial<Record<FontWeight, Metrics>> = {};

function metricsOf(weight: FontWeight): Metrics {
  return (metrics[weight] ??= {
    advance: new Float64Array(0x10000).fill(Number.NaN),
    glyph: new Uint8Array(0x10000),
    astralAdvance: new Map(),
    astralGlyph: new Map(),
  });
}

function lookUpAdvance(weight: FontWeight, codePoint: number): number {
  const font = formFonts()[weight];
  return font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
}

/** Advance width of one code point in em (font units / units per em). */
function advance(m: Metrics, weight: FontWeight, codePoint: number): number {
  if (codePoint < 0x10000) {
    let width = m.advance[codePoint]!;
    if (Number.isNaN(width)) m.advance[codePoint] = width = lookUpAdvance(weight, codePoint);
    return width;
  }
  let width = m.astralAdvance.get(codePoint);
  if (width === undefined) m.astralAdvance.set(codePoint, (width = lookUpAdvance(weight, codePoint)));
  return width;
}

/** Width of a text at a font size, in points; kerning is ignored (the cell padding absorbs it). */
export function textWidth(text: string, size: number, weight: FontWeight = 'regular'): number {
  const m = metricsOf(weight);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width += advance(m, weight, text.codePointAt(i)!);
      i++;
    } else {
      width += advance(m, weight, code);
    }
  }
  return width * size;
}

/** Whether the font draws this character (control characters and spaces aside). */
export function hasGlyph(ch: string, weight: FontWeight = 'regular'): boolean {
  const codePoint = ch.codePointAt(0)!;
  const m = metricsOf(weight);
  if (codePoint >= 0x10000) {
    let has = m.astralGlyph.get(codePoint);
    if (has === undefined) m.astralGlyph.set(codePoint, (has = formFonts()[weight].hasGlyphForCodePoint(codePoint)));
    return has;
  }
  let known = m.glyph[codePoint]!;
  if (known === 0) m.glyph[codePoint] = known = formFonts()[weight].hasGlyphForCodePoint(codePoint) ? 1 : 2;
  return known === 1;
}
