/**
 * A page's content stream written directly: the text lines and the cell rules of a form page,
 * collected as one string and handed to pdfkit once, instead of through `doc.text` and the
 * path methods (which shape every word, measure it again, and copy each operator string byte
 * by byte).
 *
 * Text is set in runs of lines inside one BT … ET, each line placed by its own text matrix, the
 * font set only where it changes; a line is shown with one TJ, with pdfkit's kerning segments
 * where the font kerns (Latin). The glyphs come from glyph-runs.ts (what pdfkit's layout would
 * give); each one used is added to pdfkit's font subset with its width and code points, so the
 * embedded subset, the widths and the ToUnicode map are built as when pdfkit encodes the text.
 */
import type * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { glyphRun, plainGlyphs, type GlyphRun, type RunGlyph } from './glyph-runs.ts';
import type { Rules } from './page-rules.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit's EmbeddedFont used here. */
interface EmbeddedFont {
  id: string;
  font: fontkit.Font;
  subset: { includeGlyph(gid: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ascender: number;
  ref(): unknown;
}

interface DocInternals {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
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
  private readonly internals: DocInternals;
  private readonly fonts = new Map<string, EmbeddedFont>();
  private inText = false;
  private textFont = '';
  private textSize = Number.NaN;

  constructor(private readonly doc: Doc) {
    this.internals = doc as unknown as DocInternals;
  }

  private font(name: string): EmbeddedFont {
    let font = this.fonts.get(name);
    if (!font) {
      this.doc.font(name);
      font = this.internals._font;
      this.fonts.set(name, font);
    }
    const page = this.internals.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    return font;
  }

  /**
   * One line of text with its top-left corner at (x, y) (pdfkit's coordinates, y down, where
   * the font's ascender starts), in the named registered font at `size`.
   */
  text(fontName: string, size: number, text: string, x: number, y: number): void {
    if (text.includes('\n')) text = text.replace(/\n/g, '');
    if (text.length === 0) return;
    const font = this.font(fontName);
    const height = this.internals.page.height;
    const parts = this.parts;
    if (!this.inText) {
      // pdfkit's pages draw with y down (a flipped CTM); text is set in PDF's own coordinates.
      parts.push('q', `1 0 0 -1 0 ${num(height)} cm`, 'BT');
      this.inText = true;
      this.textFont = '';
    }
    if (this.textFont !== font.id || this.textSize !== size) {
      parts.push(`/${font.id} ${num(size)} Tf`);
      this.textFont = font.id;
      this.textSize = size;
    }
    const px = x;
    const py = height - y - (font.ascender / 1000) * size;
    parts.push(`1 0 0 1 ${num(px)} ${num(py)} Tm`);
    const plain = plainGlyphs(font.font, text);
    if (plain) showPlain(parts, font, plain);
    else showRun(parts, font, glyphRun(font.font, text), px, py, size);
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

  /** Writes the collected content to the current page. */
  flush(): void {
    this.endText();
    if (this.parts.length === 0) return;
    this.internals.page.write(Buffer.from(this.parts.join('\n') + '\n', 'latin1'));
    this.parts.length = 0;
  }
}

/** Glyphs at their own advance widths: one string shown with TJ. */
function showPlain(parts: string[], font: EmbeddedFont, glyphs: readonly RunGlyph[]): void {
  let hex = '';
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const gid = font.subset.includeGlyph(glyph.id);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    hex += HEX[gid];
  }
  parts.push(`[<${hex}> 0] TJ`);
}

/**
 * The glyphs of a line shown from the current text matrix at (x, y), as pdfkit's _fragment
 * shows them: one TJ, a segment ending after each kerned glyph, a glyph with an offset placed
 * by its own matrix.
 */
function showRun(parts: string[], font: EmbeddedFont, run: GlyphRun, x: number, y: number, size: number): void {
  const { glyphs, positions } = run;
  let hex = '';
  let commands = '';
  let hadOffset = false;
  const scale = size / 1000;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const gid = font.subset.includeGlyph(glyph.id);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
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
