/**
 * The official forms as one A4 portrait PDF: each evaluation in the layout of its template,
 * each starting on a new page, in a CJK font embedded as a subset with a ToUnicode map, so the
 * text extracts as printed and the drawn borders rebuild the tables.
 *
 * The pages are rendered apart from the document (render-pages.ts) — on the calling thread, or
 * for large exports on worker threads (render-pool.ts) — and then assembled with pdfkit, which
 * writes the document structure; the font is embedded by embedded-font.ts.
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
import { mergeMissing, MissingCharactersError, missingCharactersIn, type MissingCharacter } from './missing-characters.ts';
import { PAGE } from './page-layout.ts';
import { renderPages, RESOURCE_NAMES, type RenderedForms } from './render-pages.ts';
import { defaultThreads, PoolError, poolReady, renderPool, type RenderJob } from './render-pool.ts';
import type { Template } from '../../core/templates/template.ts';

export { MissingCharactersError, type MissingCharacter } from './missing-characters.ts';

export interface PdfOptions {
  /** The language of the form's labels: zh prints the official form, en an English reading of it. */
  lang?: Lang;
  /** Templates beyond the built-in ones (another region's form). */
  templates?: TemplateRegistry;
  /**
   * Worker threads to render pages on: 0 renders on the calling thread. By default a large
   * export (POOL_START_BATCH forms) uses one worker per core (at most four), and once the
   * workers run (they start on first use and stay) any export of POOL_BATCH forms or more does;
   * a count given here uses them from POOL_BATCH forms. The PDF is the same either way.
   */
  threads?: number;
}

/** Forms from which an export goes to running workers. */
export const POOL_BATCH = 32;
/**
 * Forms from which an export starts the workers. Their start-up (~1 s: each loads the sources
 * and parses the font) pays off only when it is a small part of the export; on one thread
 * 2,000 forms take a few seconds.
 */
export const POOL_START_BATCH = 2000;

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
  const lang = options.lang ?? 'zh';
  const threads = options.threads ?? defaultThreads();
  const usePool =
    threads > 0 && evaluations.length >= Math.max(POOL_BATCH, 2 * threads) && (options.threads !== undefined || poolReady(threads) || evaluations.length >= POOL_START_BATCH);
  if (usePool) {
    try {
      return await renderInPool(evaluations, options.templates ?? templateRegistry(), lang, threads);
    } catch (error) {
      // Workers that cannot run leave the export to this thread.
      if (!(error instanceof PoolError)) throw error;
    }
  }
  return renderLayoutsPdf(layoutsOf(evaluations, options), lang);
}

/**
 * Laid-out forms of any document (an evaluation, a targets declaration, a monitoring form) as
 * one PDF on this thread; a character the font lacks throws MissingCharactersError.
 */
export function renderLayoutsPdf(layouts: readonly FormLayout[], lang: Lang, extra?: ExtraPages): Promise<Uint8Array> {
  const missing = missingCharactersIn(layouts);
  if (missing.length > 0) throw new MissingCharactersError(missing);
  return assemblePdf(extra?.title ?? documentTitle(layouts), renderPages(layouts), lang, extra);
}

/**
 * Pages drawn with pdfkit itself (the results report's charts, drawn from SVG), put after a laid-out
 * form's pages: `after.get(i)` come after the pages of layouts[i]. Their text is set in the same
 * embedded font as the forms' (the regular weight), which the drawer notes its glyphs in.
 */
export interface ExtraPages {
  title?: string;
  after: ReadonlyMap<number, ReadonlyArray<(doc: PDFKit.PDFDocument, font: EmbeddedFormFont) => void>>;
}

/** The forms laid out, checked and rendered by the worker pool in batches, then put in one document. */
async function renderInPool(evaluations: readonly Evaluation[], registry: TemplateRegistry, lang: Lang, threads: number): Promise<Uint8Array> {
  const templates: Template[] = [];
  const templateIndex = new Map<string, number>();
  const forms = evaluations.map((evaluation, i) => {
    let index = templateIndex.get(evaluation.template);
    if (index === undefined) {
      const template = registry.get(evaluation.template);
      if (!template) throw new Error(`evaluations[${i}]: unknown template "${evaluation.template}"`);
      templateIndex.set(evaluation.template, (index = templates.push(template) - 1));
    }
    return { evaluation, template: index };
  });
  const pool = renderPool(threads);
  // Several batches per worker, so that the workers finish together.
  const batch = Math.max(8, Math.ceil(forms.length / (threads * 4)));
  const jobs: RenderJob[] = [];
  for (let first = 0; first < forms.length; first += batch) jobs.push({ forms: forms.slice(first, first + batch), templates, lang, firstIndex: first });
  const results = await Promise.all(jobs.map((job) => pool.run(job)));
  const missing: MissingCharacter[][] = [];
  const parts: RenderedForms[] = [];
  for (const result of results) {
    if ('error' in result) throw new Error(`PDF export worker: ${result.error}`);
    if ('missing' in result) missing.push(result.missing);
    else parts.push(result.rendered);
  }
  if (missing.length > 0) throw new MissingCharactersError(mergeMissing(missing));
  const rendered: RenderedForms = { forms: parts.flatMap((p) => p.forms), used: { regular: new Map(), bold: new Map() } };
  for (const part of parts) {
    for (const weight of ['regular', 'bold'] as const) {
      const into = rendered.used[weight];
      for (const [gid, codePoints] of part.used[weight]) if (!into.has(gid)) into.set(gid, codePoints);
    }
  }
  return assemblePdf('jixiao', rendered, lang);
}

function documentTitle(layouts: readonly FormLayout[]): string {
  return layouts.length === 1 ? layouts[0]!.title.map((b) => b.lines.map((l) => l.text).join(' ')).join(' ') + ' ' + layouts[0]!.name : 'jixiao';
}

/** The PDF of rendered forms: their pages in order, each with an outline entry, and the fonts. */
function assemblePdf(title: string, rendered: RenderedForms, lang: Lang, extra?: ExtraPages): Promise<Uint8Array> {
  const doc = newDocument(title, lang);
  const done = collect(doc);
  const fonts: Partial<Record<FontWeight, EmbeddedFormFont>> = {};
  for (const weight of ['regular', 'bold'] as const) {
    if (rendered.used[weight].size === 0 && !(weight === 'regular' && extra)) continue;
    const font = new EmbeddedFormFont(doc, formFonts()[weight], RESOURCE_NAMES[weight]);
    font.use(rendered.used[weight]);
    fonts[weight] = font;
  }
  rendered.forms.forEach((form, formIndex) => {
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
    for (const draw of extra?.after.get(formIndex) ?? []) {
      doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      draw(doc, fonts.regular!);
    }
  });
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

function newDocument(title: string, lang: Lang): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    // No default Helvetica: every glyph on the forms comes from the embedded CJK font.
    font: null as unknown as string,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: title,
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
