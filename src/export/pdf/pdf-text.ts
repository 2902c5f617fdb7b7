/**
 * Text written into a page's content stream directly, as the same operators pdfkit's
 * `doc.text(text, x, y, { lineBreak: false })` writes (so the output is byte for byte what it
 * was), without pdfkit's per-call option handling, width measuring, string-to-bytes copying
 * and shaping: a page's text is collected as one string and written once.
 *
 * The glyphs come from glyph-runs.ts; each one used is added to pdfkit's font subset with its
 * width and code points, so the embedded subset, the widths and the ToUnicode map are built
 * exactly as when pdfkit encodes the text itself.
 */
import type * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { glyphRun } from './glyph-runs.ts';

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

export class PageText {
  private readonly parts: string[] = [];
  private readonly internals: DocInternals;

  constructor(private readonly doc: Doc) {
    this.internals = doc as unknown as DocInternals;
  }

  /**
   * One line of text with its top-left corner at (x, y) (pdfkit's coordinates, y down), in
   * the named registered font at `size`.
   */
  line(fontName: string, size: number, text: string, x: number, y: number): void {
    text = text.replace(/\n/g, '');
    if (text.length === 0) return;
    this.doc.font(fontName);
    const font = this.internals._font;
    const page = this.internals.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();

    const run = glyphRun(font.font, text);
    const encoded: string[] = new Array(run.glyphs.length);
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const gid = font.subset.includeGlyph(glyph.id);
      encoded[i] = HEX[gid]!;
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    }

    const dy = (font.ascender / 1000) * size;
    const parts = this.parts;
    parts.push('q', `1 0 0 -1 0 ${num(page.height)} cm`, 'BT');
    let px = x;
    const py = page.height - y - dy;
    parts.push(`1 0 0 1 ${num(px)} ${num(py)} Tm`, `/${font.id} ${num(size)} Tf`);

    // pdfkit's _fragment: TJ segments break after a kerned glyph, and offset glyphs get their own Tm.
    const positions = run.positions;
    const scale = size / 1000;
    const commands: string[] = [];
    let last = 0;
    let hadOffset = false;
    const addSegment = (cur: number) => {
      if (last < cur) {
        const hex = encoded.slice(last, cur).join('');
        const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
        commands.push(`<${hex}> ${num(-advance)}`);
      }
      last = cur;
    };
    const flush = (i: number) => {
      addSegment(i);
      if (commands.length > 0) {
        parts.push(`[${commands.join(' ')}] TJ`);
        commands.length = 0;
      }
    };
    let i = 0;
    for (; i < positions.length; i++) {
      const pos = positions[i]!;
      if (pos.xOffset || pos.yOffset) {
        flush(i);
        parts.push(`1 0 0 1 ${num(px + pos.xOffset * scale)} ${num(py + pos.yOffset * scale)} Tm`);
        flush(i + 1);
        hadOffset = true;
      } else {
        if (hadOffset) {
          parts.push(`1 0 0 1 ${num(px)} ${num(py)} Tm`);
          hadOffset = false;
        }
        if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
      }
      px += pos.xAdvance * scale;
    }
    flush(i);
    parts.push('ET', 'Q');
  }

  /** Writes the collected text to the page; call before pdfkit draws anything else on it. */
  flush(): void {
    if (this.parts.length === 0) return;
    this.internals.page.write(Buffer.from(this.parts.join('\n') + '\n', 'latin1'));
    this.parts.length = 0;
  }
}
