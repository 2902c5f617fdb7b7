/**
 * The glyphs pdfkit would set for a text, without running the OpenType shaper on every string.
 *
 * pdfkit lays out each space-separated word with fontkit's shaper (script detection, GSUB, GPOS)
 * and caches the result per document only; for thousands of CJK cell lines that is most of the
 * drawing time, and CJK text needs no shaping. Here a word whose every character is *plain* is
 * mapped through the cmap with its advance width; that is exactly what the shaper gives, since
 * no substitution or positioning lookup of the features fontkit applies covers a plain glyph.
 * Any other word (Latin with kerning, ligatures, marks, variation selectors, astral characters)
 * goes through fontkit as before, and the result is cached across documents.
 *
 * A character is plain when it is in the ranges below (CJK ideographs and punctuation, ASCII,
 * fullwidth forms: no right-to-left script, no combining mark, no default-ignorable), the font
 * has a glyph for it, and no lookup of a default feature has that glyph in its coverage.
 */
import type * as fontkit from 'fontkit';

export interface RunGlyph {
  id: number;
  /** The code points the glyph stands for, for the ToUnicode map. */
  codePoints: number[];
  /** The glyph's own advance width, in 1/1000 em. */
  advanceWidth: number;
}

export interface RunPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The glyph's own advance, in 1/1000 em (xAdvance differs from it where the font kerns). */
  advanceWidth: number;
}

export interface GlyphRun {
  glyphs: RunGlyph[];
  positions: RunPosition[];
}

/** The features fontkit's default shaper applies to horizontal text (rvrn, ltr*, common, horizontal, fractions). */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'frac', 'numr', 'dnom']);

/** Code point ranges whose characters may be plain (inclusive). */
const PLAIN_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xb7, 0xb7],
  [0x2010, 0x2027],
  [0x2030, 0x203b],
  [0x3000, 0x3029], // CJK symbols and punctuation, without the combining tone marks 302A–302F
  [0x3030, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number> & { toArray?: () => number[] };
  rangeRecords?: ArrayLike<{ start: number; end: number }> & { toArray?: () => { start: number; end: number }[] };
}

function toArray<T>(list: ArrayLike<T> & { toArray?: () => T[] }): T[] {
  return list.toArray ? list.toArray() : Array.from(list);
}

function addCoverage(into: Set<number>, coverage: Coverage | undefined): void {
  if (!coverage) return;
  if (coverage.version === 1) for (const g of toArray(coverage.glyphs!)) into.add(g);
  else for (const r of toArray(coverage.rangeRecords!)) for (let g = r.start; g <= r.end; g++) into.add(g);
}

interface LayoutTable {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { toArray(): { lookupType: number; subTables: ArrayLike<Record<string, unknown>> & { toArray?: () => Record<string, unknown>[] } }[] };
}

/**
 * The glyphs some lookup of a default feature may touch, or undefined when a lookup is of a
 * kind this does not follow (contextual ones): then nothing is taken as plain.
 */
function touchedGlyphs(font: fontkit.Font): Set<number> | undefined {
  const touched = new Set<number>();
  const f = font as unknown as { GSUB?: LayoutTable; GPOS?: LayoutTable };
  for (const [name, table] of [['GSUB', f.GSUB], ['GPOS', f.GPOS]] as const) {
    if (!table) continue;
    const lookups = table.lookupList.toArray();
    const used = new Set<number>();
    for (const record of table.featureList) if (DEFAULT_FEATURES.has(record.tag)) for (const i of record.feature.lookupListIndexes) used.add(i);
    for (const i of used) {
      const lookup = lookups[i];
      if (!lookup) continue;
      for (const subTable of toArray(lookup.subTables)) {
        const simple = name === 'GSUB' ? [1, 2, 3, 4].includes(lookup.lookupType) : [1, 2, 3].includes(lookup.lookupType);
        const markAttachment = name === 'GPOS' && [4, 5, 6].includes(lookup.lookupType);
        if (simple) addCoverage(touched, subTable.coverage as Coverage);
        else if (markAttachment) {
          for (const key of ['markCoverage', 'baseCoverage', 'ligatureCoverage', 'mark1Coverage', 'mark2Coverage']) addCoverage(touched, subTable[key] as Coverage);
        } else return undefined;
      }
    }
  }
  return touched;
}

const PLAIN_UNKNOWN = 0;
const PLAIN_YES = 1;
const PLAIN_NO = 2;

/** Per font: which BMP characters are plain, their glyphs, and the shaped words. */
class FontRuns {
  private readonly touched: Set<number> | undefined;
  private readonly plain = new Uint8Array(0x10000);
  private readonly glyphs: RunGlyph[] = [];
  private readonly shaped = new Map<string, GlyphRun>();
  private readonly scale: number;
  private readonly hasMarkClasses: boolean;

  constructor(private readonly font: fontkit.Font) {
    this.touched = touchedGlyphs(font);
    this.scale = 1000 / font.unitsPerEm;
    this.hasMarkClasses = Boolean((font as unknown as { GDEF?: { glyphClassDef?: unknown } }).GDEF?.glyphClassDef);
  }

  private isPlain(cp: number): boolean {
    if (cp > 0xffff) return false;
    const known = this.plain[cp]!;
    if (known !== PLAIN_UNKNOWN) return known === PLAIN_YES;
    let yes = this.touched !== undefined && !this.hasMarkClasses && PLAIN_RANGES.some(([a, b]) => cp >= a && cp <= b);
    if (yes) {
      const glyph = this.font.glyphForCodePoint(cp);
      yes = glyph.id !== 0 && !this.touched!.has(glyph.id);
      if (yes) this.glyphs[cp] = { id: glyph.id, codePoints: [cp], advanceWidth: glyph.advanceWidth * this.scale };
    }
    this.plain[cp] = yes ? PLAIN_YES : PLAIN_NO;
    return yes;
  }

  /** The glyphs of a text whose every character is plain, or undefined. */
  plainGlyphs(text: string): RunGlyph[] | undefined {
    const glyphs: RunGlyph[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      if (!this.isPlain(cp)) return undefined;
      glyphs[i] = this.glyphs[cp]!;
    }
    return glyphs;
  }

  /** One word as pdfkit lays it out (`EmbeddedFont.layoutRun`), positions in 1/1000 em. */
  word(text: string): GlyphRun {
    let allPlain = true;
    for (let i = 0; i < text.length; i++) {
      if (!this.isPlain(text.charCodeAt(i))) {
        allPlain = false;
        break;
      }
    }
    if (allPlain) {
      const glyphs: RunGlyph[] = new Array(text.length);
      const positions: RunPosition[] = new Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const glyph = this.glyphs[text.charCodeAt(i)]!;
        glyphs[i] = glyph;
        positions[i] = { xAdvance: glyph.advanceWidth, xOffset: 0, yOffset: 0, advanceWidth: glyph.advanceWidth };
      }
      return { glyphs, positions };
    }
    let run = this.shaped.get(text);
    if (!run) {
      const laid = this.font.layout(text);
      run = {
        glyphs: laid.glyphs.map((g) => ({ id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth * this.scale })),
        positions: laid.positions.map((p, i) => ({
          xAdvance: p.xAdvance * this.scale,
          xOffset: p.xOffset * this.scale,
          yOffset: p.yOffset * this.scale,
          advanceWidth: laid.glyphs[i]!.advanceWidth * this.scale,
        })),
      };
      // Bounded: numbers and names vary from form to form.
      if (this.shaped.size >= 20_000) this.shaped.clear();
      this.shaped.set(text, run);
    }
    return run;
  }

  /** A line as pdfkit lays it out (`EmbeddedFont.layout`): words end after each space or tab. */
  line(text: string): GlyphRun {
    let last = 0;
    const pieces: GlyphRun[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        pieces.push(this.word(text.slice(last, i + 1)));
        last = i + 1;
      }
    }
    if (last < text.length) pieces.push(this.word(last === 0 ? text : text.slice(last)));
    if (pieces.length === 1) return pieces[0]!;
    return { glyphs: pieces.flatMap((p) => p.glyphs), positions: pieces.flatMap((p) => p.positions) };
  }
}

const runsByFont = new WeakMap<object, FontRuns>();

function runsOf(font: fontkit.Font): FontRuns {
  let runs = runsByFont.get(font);
  if (!runs) runsByFont.set(font, (runs = new FontRuns(font)));
  return runs;
}

/** The glyphs and positions of a line of text in `font`, as pdfkit's text layout would give them. */
export function glyphRun(font: fontkit.Font, text: string): GlyphRun {
  return runsOf(font).line(text);
}

/**
 * The glyphs of a line whose every character is plain (set at their advance widths, no
 * kerning, no offsets, as the shaper would), or undefined: then use glyphRun.
 */
export function plainGlyphs(font: fontkit.Font, text: string): RunGlyph[] | undefined {
  return runsOf(font).plainGlyphs(text);
}
