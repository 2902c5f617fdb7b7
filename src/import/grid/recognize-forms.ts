/**
 * Grids (sheets of an XLSX, pages of a PDF) → the self-evaluation forms on them. Keyed on the
 * template's labels, not on positions: the template from the title and labels, the header fields
 * by their labels, the indicator table by its column titles, the funding block by its heading.
 * Knows nothing of spreadsheets or PDFs: any reader that gives Grids can use it.
 */
import { validateEvaluation } from '../../core/model/validate.ts';
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import type { FileImport, ImportDiagnostic, ImportedForm } from '../import-result.ts';
import { detectTemplate, formYear, titleCells } from './detect-template.ts';
import { diagnosticSink, type DiagnosticSink } from '../diagnostics.ts';
import { newDraft, toEvaluation, type FormDraft } from './form-draft.ts';
import { inferYear } from '../form-year.ts';
import { forcedTemplate } from '../choose-template.ts';
import { FormLabels } from './form-labels.ts';
import { cutAtTitles, FormRegion, gridDocuments, type PlacedCell } from './form-region.ts';
import type { Grid } from './grid.ts';
import { inferCategories, reportInferredCategory } from './infer-categories.ts';
import type { UnjoinedCut } from './page-breaks.ts';
import { FUNDING_BLOCK_FIELDS, readFundingBlock, type FundingBlock } from './read-funding-block.ts';
import { readHeaderFields } from './read-header-fields.ts';
import { readIndicatorTable, type IndicatorTable } from './read-indicator-table.ts';

export interface RecognizeOptions {
  file: string;
  /** Read every form as this template instead of detecting it. */
  templateId?: string;
  registry?: TemplateRegistry;
}

function outside(cells: readonly PlacedCell[], table: IndicatorTable | undefined, funding: FundingBlock | undefined): PlacedCell[] {
  return cells.filter(
    (c) => !(table && c.vrow >= table.headerRow && c.vrow <= table.endRow) && !(funding && c.vrow >= funding.fromRow && c.vrow <= funding.toRow),
  );
}

function reportInferred(draft: FormDraft): void {
  for (const i of inferCategories(draft.template, draft.indicators)) reportInferredCategory(draft, i);
}

function yearOf(draft: FormDraft, cells: readonly PlacedCell[], start: string): number {
  const printed = formYear(draft.template, cells);
  if (printed) draft.locations.year = printed.location;
  return inferYear({ printed: printed?.year, evaluatedOn: draft.fields.evaluatedOn, location: start }, draft.diagnostics);
}

function schemaProblems(form: ImportedForm, sink: DiagnosticSink): void {
  const result = validateEvaluation(form.evaluation);
  if (result.ok) return;
  for (const problem of result.problems) {
    const location = form.locations[problem.path];
    sink.add('error', 'INVALID_VALUE', 'grid.invalidValue', { field: problem.path, problem: problem.message }, { ...(location === undefined ? {} : { location }), path: problem.path });
  }
}

function readForm(template: Template, cells: readonly PlacedCell[], sink: DiagnosticSink): ImportedForm | undefined {
  const region = new FormRegion(cells);
  const labels = FormLabels.of(template);
  const draft = newDraft(template, sink);
  const start = cells[0]?.location ?? '';
  const funding = readFundingBlock(draft, region, labels);
  // A template with a funding block prints it: its amounts (当年预算数, 执行数) are read there alone.
  if (!funding && template.fieldLabels.funding) sink.add('warning', 'FIELD_NOT_FOUND', 'grid.fieldNotFound', { field: template.fieldLabels.funding.zh }, { location: start, path: 'funding' });
  const table = readIndicatorTable(draft, region, labels);
  if (!table) sink.add('error', 'TABLE_NOT_FOUND', 'grid.tableNotFound', {}, { location: start, path: 'indicators' });
  readHeaderFields(draft, region, labels, outside(cells, table, funding), funding ? FUNDING_BLOCK_FIELDS : new Set());
  reportInferred(draft);
  const year = yearOf(draft, cells, start);
  const form: ImportedForm = { evaluation: toEvaluation(draft, year), locations: draft.locations, start };
  schemaProblems(form, sink);
  return form;
}

/** Both parts of a cell a page break cut print text, but not the same: read as two cells, which the reader cannot be sure of. */
function reportUnjoinedCuts(cuts: readonly UnjoinedCut[], sink: DiagnosticSink): void {
  for (const { upper, lower } of cuts) {
    sink.add('warning', 'PDF_LAYOUT', 'grid.cutCellUnjoined', { upper: upper.text, lower: lower.text, where: upper.location }, { location: lower.location });
  }
}

function templateFor(options: RecognizeOptions, registry: TemplateRegistry, cells: readonly PlacedCell[]): Template | undefined {
  if (options.templateId !== undefined) return registry.get(options.templateId);
  return detectTemplate(registry, cells);
}

export function recognizeForms(grids: readonly Grid[], options: RecognizeOptions): FileImport {
  const registry = options.registry ?? templateRegistry();
  const templates = registry.ids().map((id) => registry.get(id)!);
  const diagnostics: ImportDiagnostic[] = [];
  const forms: ImportedForm[] = [];
  if (options.templateId !== undefined && !forcedTemplate(registry, options.templateId, diagnosticSink(options.file, diagnostics))) {
    return { file: options.file, forms, diagnostics };
  }
  for (const document of gridDocuments(grids)) {
    reportUnjoinedCuts(document.unjoinedCuts, diagnosticSink(options.file, diagnostics));
    const titles = titleCells(templates, document.cells).map((c) => c.vrow);
    for (const part of cutAtTitles(document.cells, titles)) {
      if (part.every((c) => c.text.trim() === '')) continue;
      const template = templateFor(options, registry, part);
      if (!template) continue;
      const sink = diagnosticSink(options.file, diagnostics, { pathPrefix: `evaluations[${forms.length}].` });
      const form = readForm(template, part, sink);
      if (form) forms.push(form);
    }
  }
  if (forms.length === 0) diagnosticSink(options.file, diagnostics).add('error', 'NOT_A_FORM', 'grid.notAForm', { grids: grids.length });
  return { file: options.file, forms, diagnostics };
}
