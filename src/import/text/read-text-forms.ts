/**
 * The reader for extracted PDF text (`.txt`): bytes → lines → the template the document is
 * written in → forms → evaluations, with a diagnostic for everything it could not read.
 */
import { templateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import type { FileImport, FormReader, ImportedForm, ReaderInput } from '../import-result.ts';
import { classifyLines, type ClassifiedLine } from './classify-lines.ts';
import { decodeText } from './decode-text.ts';
import { encodingDiagnostic } from './text-encoding.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { reporter } from './diagnostics.ts';
import { labelCatalog, titleIn, type LabelCatalog } from './form-labels.ts';
import { chooseTemplate as chooseTemplateOf, forcedTemplate } from '../choose-template.ts';
import { printedYear, readForm } from './read-form.ts';
import { splitForms } from './split-forms.ts';
import { toLines, type TextLine } from './text-lines.ts';
import { looksLikeLayout } from '../layout/layout-lines.ts';
import { readLayoutText } from '../layout/read-layout-forms.ts';
import { readRawText } from './raw-text/read-raw-text.ts';

/** Fewer recognised lines than this (labels, column header) is not a form. */
const MIN_FORM_LINES = 3;

export const readTextForms: FormReader = async (input) => readTextFormsSync(input);

export function readTextFormsSync(input: ReaderInput, templates: readonly Template[] = []): FileImport {
  const rep = reporter(input.file);
  const result: FileImport = { file: input.file, forms: [], diagnostics: rep.diagnostics };
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) {
    rep.add('error', 'NOT_TEXT', 'text.notText', { reason: decoded.reason });
    return result;
  }
  if (decoded.encoding !== 'utf-8') rep.diagnostics.push(encodingDiagnostic(input.file, decoded.encoding));
  for (const line of decoded.damagedLines) rep.add('warning', 'DAMAGED_TEXT', 'text.damagedBytes', { line }, { line });
  // `pdftotext -layout`: the columns are positions, read as a grid.
  if (looksLikeLayout(decoded.text)) return withDiagnostics(readLayoutText(input, decoded.text, templates), rep.diagnostics);
  // `pdftotext -raw` and default mode: read where their order allows it, else refused (TEXT_ORDER_LOST).
  const raw = readRawText(input.file, decoded.text, input.templateId, templates);
  if (raw) return withDiagnostics(raw, rep.diagnostics);
  // Text that keeps neither positions nor order (the seed's extractor) is not made a Grid: its
  // cells are parted by single spaces as words are, rows wrap over lines and blank lines, and the
  // right-hand labels are printed apart from their values, so no cell has a column or a neighbour
  // until this reader has paired labels by the template's order and cut rows at weight and score.
  const lines = toLines(decoded.text);
  const catalog = chooseTemplate(lines, input.templateId, templates, rep);
  if (catalog === null) return result;
  const classified = classifyLines(lines, catalog);
  const documentYear = printedYear(classified);
  for (const form of splitForms(classified)) {
    const formRep = reporter(input.file, result.forms.length);
    checkTitles(form.lines, formRep);
    result.forms.push(readForm(form, catalog, documentYear, formRep));
    rep.diagnostics.push(...formRep.diagnostics);
  }
  if (result.forms.length === 0 && !rep.diagnostics.some((d) => d.severity === 'error')) rep.add('error', 'NOT_A_FORM', 'text.notAForm');
  return result;
}

/** The forced template, the one whose title the document prints, or the one whose labels it uses. */
function chooseTemplate(lines: readonly TextLine[], forced: string | undefined, extra: readonly Template[], rep: DiagnosticSink): LabelCatalog | null {
  const registry = templateRegistry(extra);
  if (forced !== undefined) {
    const template = forcedTemplate(registry, forced, rep);
    return template ? labelCatalog(template) : null;
  }
  const chosen = chooseTemplateOf(registry.ids().map((id) => registry.get(id)!), {
    items: lines,
    isTitle: (template, line) => titleIn(line.key, labelCatalog(template)) !== null,
    score: (template) => recognisedLines(lines, labelCatalog(template)),
    minScore: MIN_FORM_LINES,
  });
  if (!chosen) {
    rep.add('error', 'NOT_A_FORM', 'text.notAForm');
    return null;
  }
  if (!chosen.byTitle) rep.add('warning', 'TEMPLATE_NOT_STATED', 'text.templateNotStated', { template: chosen.template.name });
  return labelCatalog(chosen.template);
}

function recognisedLines(lines: readonly TextLine[], catalog: LabelCatalog): number {
  return classifyLines(lines, catalog).filter((l) => l.is.kind === 'field' || l.is.kind === 'header').length;
}

/** A form without its title, or with two, was probably cut wrongly or truncated. */
function checkTitles(lines: readonly ClassifiedLine[], rep: DiagnosticSink): void {
  const titles = lines.filter((l) => l.is.kind === 'title');
  if (titles.length === 0) rep.add('warning', 'TITLE_NOT_FOUND', 'text.titleNotFound', {}, { line: (lines.find((l) => l.is.kind !== 'blank') ?? lines[0])?.no ?? 1 });
  if (titles.length > 1) rep.add('warning', 'FORM_BOUNDARY_UNCLEAR', 'text.formBoundaryUnclear', { count: titles.length }, { line: titles[1]!.no });
}

function withDiagnostics(read: FileImport, before: FileImport['diagnostics']): FileImport {
  return { ...read, diagnostics: [...before, ...read.diagnostics] };
}
