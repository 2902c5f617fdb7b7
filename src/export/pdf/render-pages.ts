/**
 * Forms laid out as finished page content streams: each page drawn (draw-form-page.ts) and
 * compressed, with the glyphs the pages use. This needs no PDF document: the content encodes
 * text by the font's glyph ids (embedded-font.ts), so pages can be made anywhere — on the main
 * thread or in a worker — and put into a document afterwards (assemble-pdf.ts).
 */
import { deflateSync } from 'node:zlib';
import { drawFormPage } from './draw-form-page.ts';
import type { GlyphUse } from './embedded-font.ts';
import { formFonts, type FontWeight } from './form-font.ts';
import type { FormLayout } from './form-table.ts';
import { paginateForm } from './paginate-form.ts';
import { PAGE } from './page-layout.ts';
import { PageContent, type FontSlot } from './page-content.ts';

/** The fonts' names in the pages' /Font resources. */
export const RESOURCE_NAMES: Readonly<Record<FontWeight, string>> = { regular: 'F1', bold: 'F2' };

export interface RenderedPage {
  /** The content stream, deflated (FlateDecode). */
  content: Uint8Array;
  fonts: FontWeight[];
}

export interface RenderedForms {
  forms: { name: string; pages: RenderedPage[] }[];
  /** Per weight: the glyphs used, with the code points each stands for. */
  used: Record<FontWeight, GlyphUse>;
}

export function renderPages(layouts: readonly FormLayout[]): RenderedForms {
  const fonts = formFonts();
  const slot = (weight: FontWeight): FontSlot => ({
    resourceName: RESOURCE_NAMES[weight],
    font: fonts[weight],
    ascender: (fonts[weight].ascent * 1000) / fonts[weight].unitsPerEm,
    used: new Map(),
  });
  const slots = { regular: slot('regular'), bold: slot('bold') };
  const weightOf = new Map(Object.entries(RESOURCE_NAMES).map(([weight, name]) => [name, weight as FontWeight]));
  const forms = layouts.map((layout) => ({
    name: layout.name,
    pages: paginateForm(layout).map((page): RenderedPage => {
      const content = new PageContent(slots, PAGE.height);
      drawFormPage(content, page);
      return { content: deflateSync(content.finish()), fonts: [...content.fontsUsed].map((name) => weightOf.get(name)!) };
    }),
  }));
  return { forms, used: { regular: slots.regular.used, bold: slots.bold.used } };
}
