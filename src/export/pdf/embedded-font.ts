/**
 * The form's font in one PDF, embedded by jixiao rather than pdfkit: a Type 0 font with
 * Identity-H encoding over a CID-keyed CFF subset (FontFile3 / CIDFontType0C) in which each
 * glyph keeps its glyph id in the font as its CID. Text is therefore encoded with the font's
 * own glyph ids, the same in every document: a page's content does not depend on which
 * glyphs the document used before it, and needs no per-glyph bookkeeping beyond noting the
 * glyph as used. At the end the subset, the widths (W) and the ToUnicode map are written for
 * exactly the glyphs used.
 */
import { deflateSync } from 'node:zlib';
import type * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { CidCffSubset } from './cff-subset.ts';

type Doc = InstanceType<typeof PDFDocument>;

interface Ref {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array | string): void;
}

/** The glyphs a document (or part of one) used: glyph id → the code points it stands for. */
export type GlyphUse = Map<number, number[]>;

const toHex = (n: number) => n.toString(16).padStart(4, '0');

function utf16Hex(codePoints: readonly number[]): string {
  let out = '';
  for (let cp of codePoints) {
    if (cp > 0xffff) {
      cp -= 0x10000;
      out += toHex(((cp >>> 10) & 0x3ff) | 0xd800);
      cp = 0xdc00 | (cp & 0x3ff);
    }
    out += toHex(cp);
  }
  return out;
}

export class EmbeddedFormFont {
  /** The Type 0 font dictionary, referenced from the pages' resources. */
  readonly ref: Ref;
  readonly used: GlyphUse = new Map();
  readonly scale: number;
  /** Ascender in 1/1000 em. */
  readonly ascender: number;

  constructor(
    private readonly doc: Doc,
    readonly font: fontkit.Font,
    /** The name in the pages' /Font resources. */
    readonly resourceName: string,
  ) {
    this.ref = doc.ref({}) as unknown as Ref;
    this.scale = 1000 / font.unitsPerEm;
    this.ascender = font.ascent * this.scale;
  }

  /** Notes glyphs as used; the first code points given for a glyph are its ToUnicode entry. */
  use(glyphs: GlyphUse): void {
    for (const [gid, codePoints] of glyphs) if (!this.used.has(gid)) this.used.set(gid, codePoints);
  }

  /** Writes the font: the subset, its descriptor, the CIDFont with widths, and the ToUnicode map. */
  embed(): void {
    const gids = [...this.used.keys()].filter((g) => g !== 0).sort((a, b) => a - b);
    const subset = new CidCffSubset(this.font);
    for (const gid of gids) subset.includeGlyph(gid);
    // Compressed here at zlib level 1: the charstrings hardly compress at any level (level 6
    // gives 0.5 % less), and level 1 takes a third less time on this largest object of a PDF.
    const program = this.doc.ref({ Subtype: 'CIDFontType0C', Filter: 'FlateDecode' }) as unknown as Ref;
    program.end(deflateSync(subset.encode(true), { level: 1 }));

    const font = this.font as unknown as {
      'OS/2'?: { sFamilyClass?: number };
      post: { isFixedPitch: boolean };
      head: { macStyle: { italic: boolean } };
      postscriptName: string;
      bbox: { minX: number; minY: number; maxX: number; maxY: number };
      italicAngle: number;
      capHeight: number;
      xHeight: number;
      ascent: number;
      descent: number;
      getGlyph(id: number): { advanceWidth: number };
    };
    // The descriptor as pdfkit writes it.
    const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
    let flags = 1 << 2;
    if (font.post.isFixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
    if (familyClass === 10) flags |= 1 << 3;
    if (font.head.macStyle.italic) flags |= 1 << 6;
    const name = `${subsetTag(gids)}+${font.postscriptName.replaceAll(' ', '_')}`;
    const s = this.scale;
    const descriptor = this.doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [font.bbox.minX * s, font.bbox.minY * s, font.bbox.maxX * s, font.bbox.maxY * s],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * s,
      Descent: font.descent * s,
      CapHeight: (font.capHeight || font.ascent) * s,
      XHeight: (font.xHeight || 0) * s,
      StemV: 0,
      FontFile3: program,
    }) as unknown as Ref;
    descriptor.end();

    // W: runs of consecutive CIDs, each with its widths.
    const widths: (number | number[])[] = [0, [font.getGlyph(0).advanceWidth * s]];
    for (let i = 0; i < gids.length; ) {
      const run: number[] = [];
      let j = i;
      do run.push(font.getGlyph(gids[j]!).advanceWidth * s);
      while (++j < gids.length && gids[j] === gids[j - 1]! + 1);
      widths.push(gids[i]!, run);
      i = j;
    }
    const cidFont = this.doc.ref({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widths,
    }) as unknown as Ref;
    cidFont.end();

    this.ref.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: this.toUnicode(gids),
    };
    this.ref.end();
  }

  private toUnicode(gids: readonly number[]): Ref {
    const entries = gids.filter((g) => (this.used.get(g)?.length ?? 0) > 0).map((g) => `<${toHex(g)}> <${utf16Hex(this.used.get(g)!)}>`);
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    const cmap = this.doc.ref({}) as unknown as Ref;
    cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
    return cmap;
  }
}

/** Six capital letters naming the subset, from the glyphs in it (PDF 32000-1, 9.6.4). */
function subsetTag(gids: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const g of gids) h = Math.imul(h ^ g, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + Math.imul(i + 7, 0x9e3779b1) >>> 0;
  }
  return tag;
}
