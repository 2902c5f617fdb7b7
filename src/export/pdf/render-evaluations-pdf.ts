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
import { drawFormPage, FONT_NAMES } from './draw-form-page.ts';
import { formFonts } from './form-font.ts';
import { formLayout } from './form-layout.ts';
import type { FormLayout } from './form-table.ts';
import type { Lang } from './form-words.ts';
import { MissingCharactersError, missingCharactersIn, type MissingCharacter } from './missing-characters.ts';
import { paginateForm } from './paginate-form.ts';
import { PAGE } from './page-layout.ts';

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
  const doc = newDocument(layouts, options.lang ?? 'zh');
  const done = collect(doc);
  for (const layout of layouts) {
    paginateForm(layout).forEach((page, i) => {
      doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      if (i === 0) doc.outline.addItem(layout.name);
      drawFormPage(doc, page);
    });
  }
  doc.end();
  return done;
}

function newDocument(layouts: readonly FormLayout[], lang: Lang): PDFKit.PDFDocument {
  const doc = new PDFDocument({
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
  const fonts = formFonts();
  doc.registerFont(FONT_NAMES.regular, fonts.regular as unknown as string);
  doc.registerFont(FONT_NAMES.bold, fonts.bold as unknown as string);
  return doc;
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
