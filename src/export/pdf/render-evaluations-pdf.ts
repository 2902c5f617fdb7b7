/**
 * The official forms as one A4 portrait PDF: each evaluation in the layout of its template,
 * each starting on a new page, in a CJK font embedded as a subset with a ToUnicode map, so the
 * text extracts as printed and the drawn borders rebuild the tables.
 *
 * A character the font lacks is never printed as an empty box: the export throws a
 * MissingCharactersError that lists the characters and where they occur (findMissingCharacters
 * tells beforehand).
 */
import PDFDocument from 'pdfkit';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import { EmbeddedFormFont } from './embedded-font.ts';
import { formFonts, type FontWeight } from './form-font.ts';
import { formLayout } from './form-layout.ts';
import type { FormLayout } from './form-table.ts';
import type { Lang } from './form-words.ts';
import { MissingCharactersError, missingCharactersIn, type MissingCharacter } from './missing-characters.ts';
import { PAGE } from './page-layout.ts';
import { renderPages, RESOURCE_NAMES, type RenderedForms } from './render-pages.ts';

export { MissingCharactersError, type MissingCharacter } from './missing-characters.ts';

export interface PdfOptions {
  /** The language of the form's labels: zh prints the official form, en an English reading of it. */
  lang?: Lang;
  /** Templates beyond the built-in ones (another region's form). */
  templates?: TemplateRegistry;
}

function layoutsOf(evaluations: readonly Evaluation[], options: PdfOptions): FormLayout[] {
  const registry = options.templates ?? templateRegistry();
  return evaluations.map((evaluation, i) => {
    const template = registry.get(evaluation.template);
    if (!template) throw new Error(`evaluations[${i}]: unknown template "${evaluation.template}"`);
    return formLayout(evaluation, template, options.lang ?? 'zh');
  });
}

/** The characters the export would refuse, with where they occur; empty when all can be printed. */
export function findMissingCharacters(evaluations: readonly Evaluation[], options: PdfOptions = {}): MissingCharacter[] {
  return missingCharactersIn(layoutsOf(evaluations, options));
}

export async function renderEvaluationsPdf(evaluations: readonly Evaluation[], options: PdfOptions = {}): Promise<Uint8Array> {
  const layouts = layoutsOf(evaluations, options);
  const missing = missingCharactersIn(layouts);
  if (missing.length > 0) throw new MissingCharactersError(missing);
  return assemblePdf(layouts, renderPages(layouts), options.lang ?? 'zh');
}

/** The PDF of rendered forms: their pages in order, each with an outline entry, and the fonts. */
function assemblePdf(layouts: readonly FormLayout[], rendered: RenderedForms, lang: Lang): Promise<Uint8Array> {
  const doc = newDocument(layouts, lang);
  const done = collect(doc);
  const fonts: Partial<Record<FontWeight, EmbeddedFormFont>> = {};
  for (const weight of ['regular', 'bold'] as const) {
    if (rendered.used[weight].size === 0) continue;
    const font = new EmbeddedFormFont(doc, formFonts()[weight], RESOURCE_NAMES[weight]);
    font.use(rendered.used[weight]);
    fonts[weight] = font;
  }
  for (const form of rendered.forms) {
    form.pages.forEach((page, i) => {
      doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      if (i === 0) doc.outline.addItem(form.name);
      const pdfPage = doc.page as unknown as { content: ContentStream; fonts: Record<string, unknown> };
      // The content is complete and compressed: it replaces what pdfkit started the page with.
      pdfPage.content.buffer = [page.content];
      pdfPage.content.compress = false;
      pdfPage.content.data.Filter = 'FlateDecode';
      for (const weight of page.fonts) pdfPage.fonts[RESOURCE_NAMES[weight]] = fonts[weight]!.ref;
    });
  }
  for (const font of Object.values(fonts)) font.embed();
  doc.end();
  return done;
}

/** The parts of pdfkit's PDFReference that hold a page's content stream until it is written. */
interface ContentStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string };
}

function newDocument(layouts: readonly FormLayout[], lang: Lang): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    // No default Helvetica: every glyph on the forms comes from the embedded CJK font.
    font: null as unknown as string,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: layouts.length === 1 ? layouts[0]!.title.map((b) => b.lines.map((l) => l.text).join(' ')).join(' ') + ' ' + layouts[0]!.name : 'jixiao',
      Creator: 'jixiao',
      Producer: 'jixiao (pdfkit)',
    },
  });
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const buffer = Buffer.concat(chunks);
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    });
    doc.on('error', reject);
  });
}
