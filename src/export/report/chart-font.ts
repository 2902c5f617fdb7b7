/**
 * The report's charts are SVG (ECharts' server-side renderer) drawn into the PDF by svg-to-pdfkit.
 * Their text is set in the forms' embedded font (embedded-font.ts: a CID-keyed subset with a
 * ToUnicode map), never a font of pdfkit's own: svg-to-pdfkit is given, as pdfkit's current font,
 * an object that encodes text by the font's glyph ids (as the forms' pages do) and notes each glyph
 * as used, so the subset written at the end holds them and the text extracts as printed. ECharts
 * measures its labels with the same font's widths.
 */
import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import type { EmbeddedFormFont } from '../pdf/embedded-font.ts';
import { textWidth } from '../pdf/form-font.ts';
import { glyphRun } from '../pdf/glyph-runs.ts';

/** The name svg-to-pdfkit asks pdfkit for: the embedded font, registered under it. */
const FONT_NAME = 'jixiao-embedded';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** What svg-to-pdfkit reads of a pdfkit font, answered from the embedded font. */
function pdfkitFontOf(font: EmbeddedFormFont) {
  const f = font.font;
  const s = font.scale;
  return {
    id: font.resourceName,
    name: FONT_NAME,
    ref: () => font.ref,
    /** pdfkit finalises its fonts at the end; this one is written by EmbeddedFormFont.embed(). */
    finalize: () => undefined,
    embed: () => undefined,
    ascender: f.ascent * s,
    descender: f.descent * s,
    xHeight: (f.xHeight || 0) * s,
    bbox: [f.bbox.minX * s, f.bbox.minY * s, f.bbox.maxX * s, f.bbox.maxY * s],
    lineGap: f.lineGap * s,
    lineHeight(size: number, includeGap = false) {
      return ((f.ascent - f.descent + (includeGap ? f.lineGap : 0)) * s * size) / 1000;
    },
    widthOfString(text: string, size: number) {
      return textWidth(text, size);
    },
    encode(text: string): [string[], Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>] {
      const run = glyphRun(f, text);
      font.use(new Map(run.glyphs.map((g) => [g.id, g.codePoints])));
      return [run.glyphs.map((g) => hex4(g.id)), run.positions.map((p) => ({ ...p, yAdvance: 0 }))];
    },
  };
}

/** Draws an SVG at (x, y) with its text in the embedded font. */
export function drawSvg(doc: PDFKit.PDFDocument, font: EmbeddedFormFont, svg: string, x: number, y: number, width: number, height: number): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, unknown> })._fontFamilies;
  families[FONT_NAME] ??= pdfkitFontOf(font);
  SVGtoPDF(doc as never, svg, x, y, {
    width, height, assumePt: true,
    fontCallback: () => FONT_NAME,
    warningCallback: (message: string) => {
      throw new Error(`chart SVG: ${message}`);
    },
  });
}

let measuring = false;

/** ECharts measures text with the embedded font's widths (its default guesses CJK widths wrong). */
function measureWithEmbeddedFont(): void {
  if (measuring) return;
  measuring = true;
  echarts.setPlatformAPI({
    measureText(text: string, fontSpec?: string) {
      const size = Number(/(\d+(?:\.\d+)?)px/u.exec(fontSpec ?? '')?.[1] ?? 12);
      return { width: textWidth(text, size) };
    },
  });
}

/** An ECharts option rendered server-side as SVG (no animation), `width` × `height` px (= points in the PDF). */
export function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  measureWithEmbeddedFont();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
