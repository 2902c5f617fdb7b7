/**
 * A page's content stream written directly: the text lines and the cell rules of a form page,
 * collected as one string, instead of through pdfkit's `doc.text` and path methods (which shape
 * every word, measure it again, and copy each operator string byte by byte).
 *
 * Text is set in runs of lines inside one BT … ET, each line placed by its own text matrix, the
 * font set only where it changes; a line is shown with one TJ, with pdfkit's kerning segments
 * where the font kerns (Latin). The glyphs come from glyph-runs.ts (what pdfkit's layout would
 * give) and are encoded by their glyph ids in the font (embedded-font.ts keeps them as CIDs),
 * so a page's content depends on nothing but the page; each glyph is noted as used, with its
 * code points for the ToUnicode map.
 */
import type * as fontkit from 'fontkit';
import type { GlyphUse } from './embedded-font.ts';
import type { FontWeight } from './form-font.ts';
import { glyphRun, plainGlyphs, type GlyphRun, type RunGlyph } from './glyph-runs.ts';
import type { Rules } from './page-rules.ts';

/** A font as a page's content uses it: its resource name, the font, and where used glyphs are noted. */
export interface FontSlot {
  resourceName: string;
  font: fontkit.Font;
  /** Ascender in 1/1000 em. */
  ascender: number;
  used: GlyphUse;
}

/** PDF number formatting as pdfkit does it (PDFObject.number). */
function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

const HEX = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0'));

export interface RuleStyle {
  width: number;
  /** An RGB colour, each channel 0–1. */
  rgb: readonly [number, number, number];
}

export class PageContent {
  private readonly parts: string[] = [];
  private inText = false;
  private textFont = '';
  private textSize = Number.NaN;
  /** The resource names of the fonts the page uses. */
  readonly fontsUsed = new Set<string>();

  constructor(
    private readonly fonts: Readonly<Record<FontWeight, FontSlot>>,
    private readonly pageHeight: number,
  ) {}

  /**
   * One line of text with its top-left corner at (x, y) (pdfkit's coordinates, y down, where
   * the font's ascender starts), in the given weight at `size`.
   */
  text(weight: FontWeight, size: number, text: string, x: number, y: number): void {
    if (text.includes('\n')) text = text.replace(/\n/g, '');
    if (text.length === 0) return;
    const slot = this.fonts[weight];
    this.fontsUsed.add(slot.resourceName);
    const height = this.pageHeight;
    const parts = this.parts;
    if (!this.inText) {
      // pdfkit's pages draw with y down (a flipped CTM); text is set in PDF's own coordinates.
      parts.push('q', `1 0 0 -1 0 ${num(height)} cm`, 'BT');
      this.inText = true;
      this.textFont = '';
    }
    if (this.textFont !== slot.resourceName || this.textSize !== size) {
      parts.push(`/${slot.resourceName} ${num(size)} Tf`);
      this.textFont = slot.resourceName;
      this.textSize = size;
    }
    const px = x;
    const py = height - y - (slot.ascender / 1000) * size;
    parts.push(`1 0 0 1 ${num(px)} ${num(py)} Tm`);
    const plain = plainGlyphs(slot.font, text);
    if (plain) showPlain(parts, slot.used, plain);
    else showRun(parts, slot.used, glyphRun(slot.font, text), px, py, size);
  }

  /** The cell borders: straight stroked lines in the given width and colour, butt caps. */
  rules(rules: Rules, style: RuleStyle): void {
    this.endText();
    const parts = this.parts;
    parts.push('q', `${num(style.width)} w`, '/DeviceRGB CS', `${style.rgb.map(num).join(' ')} SCN`, '0 J');
    for (const h of rules.horizontal) parts.push(`${num(h.from)} ${num(h.at)} m`, `${num(h.to)} ${num(h.at)} l`);
    for (const v of rules.vertical) parts.push(`${num(v.at)} ${num(v.from)} m`, `${num(v.at)} ${num(v.to)} l`);
    parts.push('S', 'Q');
  }

  private endText(): void {
    if (!this.inText) return;
    this.parts.push('ET', 'Q');
    this.inText = false;
  }

  /** The page's content stream (uncompressed), starting with pdfkit's y-down flip of the page. */
  finish(): Buffer {
    this.endText();
    return Buffer.from(`1 0 0 -1 0 ${num(this.pageHeight)} cm\n` + (this.parts.length === 0 ? '' : this.parts.join('\n') + '\n'), 'latin1');
  }
}

function note(used: GlyphUse, glyph: RunGlyph): void {
  if (!used.has(glyph.id)) used.set(glyph.id, glyph.codePoints);
}

/** Glyphs at their own advance widths: one string shown with TJ. */
function showPlain(parts: string[], used: GlyphUse, glyphs: readonly RunGlyph[]): void {
  let hex = '';
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    note(used, glyph);
    hex += HEX[glyph.id];
  }
  parts.push(`[<${hex}> 0] TJ`);
}

/**
 * The glyphs of a line shown from the current text matrix at (x, y), as pdfkit's _fragment
 * shows them: one TJ, a segment ending after each kerned glyph, a glyph with an offset placed
 * by its own matrix.
 */
function showRun(parts: string[], used: GlyphUse, run: GlyphRun, x: number, y: number, size: number): void {
  const { glyphs, positions } = run;
  let hex = '';
  let commands = '';
  let hadOffset = false;
  const scale = size / 1000;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    note(used, glyph);
    const gid = glyph.id;
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      if (hex !== '') commands += `${commands ? ' ' : ''}<${hex}> 0`;
      if (commands) parts.push(`[${commands}] TJ`);
      parts.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      parts.push(`[<${HEX[gid]}> ${num(-(pos.xAdvance - pos.advanceWidth))}] TJ`);
      hex = '';
      commands = '';
      hadOffset = true;
    } else {
      if (hadOffset) {
        parts.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      hex += HEX[gid];
      const kern = pos.xAdvance - pos.advanceWidth;
      if (kern !== 0) {
        commands += `${commands ? ' ' : ''}<${hex}> ${num(-kern)}`;
        hex = '';
      }
    }
    x += pos.xAdvance * scale;
  }
  if (hex !== '') commands += `${commands ? ' ' : ''}<${hex}> 0`;
  if (commands) parts.push(`[${commands}] TJ`);
}
