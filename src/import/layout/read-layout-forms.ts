/**
 * The reader for `pdftotext -layout` text: lines → rows (wrapped cells joined to their row) →
 * a Grid with the columns rebuilt from positions → the shared form recogniser, as for PDFs and
 * spreadsheets. Labels come from the templates, through the recogniser's own helpers.
 */
import { templateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import { parseAmount, parseDate, parsePoints, parseRate } from '../grid/cell-values.ts';
import { isTitleOf } from '../grid/detect-template.ts';
import { FormLabels } from '../grid/form-labels.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import type { PlacedCell } from '../grid/form-region.ts';
import { HEADER_FIELDS } from '../grid/read-header-fields.ts';
import { recognizeForms } from '../grid/recognize-forms.ts';
import { explain } from '../../core/explanation.ts';
import type { FileImport, ImportDiagnostic, ReaderInput } from '../import-result.ts';
import { layoutGrid, type TableHints } from './layout-grid.ts';
import { layoutLines, type LayoutLine } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';

const FUNDING_COLUMNS = ['funding[].initial', 'funding[].adjusted', 'funding[].executed', 'form.funding.weight', 'form.funding.rate', 'form.funding.score'];

function pseudoCell(text: string): PlacedCell {
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, text, location: '', vrow: 0, source: '' };
}

function isNumber(text: string): boolean {
  return parsePoints(text).ok || parseRate(text).ok || parseDate(text).ok || parseAmount(text, '元').ok;
}

/** Hints and anchors from every template's labels (the form's template is not known yet). */
function labelling(templates: readonly Template[]) {
  const all = templates.map((t) => new FormLabels(t));
  const isLabel = (text: string) => all.some((l) => l.isLabel(pseudoCell(text))) || templates.some((t) => isTitleOf(t, pseudoCell(text)));
  const hints: TableHints = {
    titles(texts) {
      let best: Array<string | undefined> = [];
      for (const labels of all) {
        const fields = texts.map((t) => labels.columnOf(t) ?? FUNDING_COLUMNS.find((k) => labels.match(k, t) !== undefined));
        if (fields.filter(Boolean).length > best.filter(Boolean).length) best = fields;
      }
      return best;
    },
    isTotals: (texts) => texts.some((t) => all.some((l) => l.match('totals', t) !== undefined || l.match('totals.score', t) !== undefined)),
        // A field outside the tables (预期目标, 自评时间) ends the reach of a title row.
    isFieldLabel: (text) => all.some((l) => l.columnOf(text) === undefined && HEADER_FIELDS.some((k) => l.match(k, text) !== undefined)),
  };
  // The notes under a form (说明：1、…) start a row of their own.
  const notes = templates
    .flatMap((t) => (t.fieldLabels['form.notes'] ? [normalizeText(t.fieldLabels['form.notes'].zh)] : []))
    .map((k) => /^[^:]{1,8}:/u.exec(k)?.[0] ?? '')
    .filter((k) => k !== '');
  const isNotes = (text: string) => notes.some((k) => normalizeText(text).startsWith(k));
  const isAnchor = (line: LayoutLine) => line.pieces.some((p) => isNumber(p.text) || isLabel(p.text)) || (line.pieces[0] !== undefined && isNotes(line.pieces[0].text));
  const isTitle = (line: LayoutLine) => line.pieces.some((p) => templates.some((t) => isTitleOf(t, pseudoCell(p.text))));
  return { hints, isAnchor, isTitle };
}

export function readLayoutText(input: ReaderInput, text: string, templates: readonly Template[] = []): FileImport {
  const registry = templateRegistry(templates);
  const { hints, isAnchor, isTitle } = labelling(registry.ids().map((id) => registry.get(id)!));
  const lines = layoutLines(text);
  const rows = layoutRows(lines, isAnchor, isTitle);
  const { grid, notes } = layoutGrid(rows, hints, 'text');
  const result = recognizeForms([grid], {
    file: input.file,
    registry,
    ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
  });
  // A 一级指标 left open is inferred from the template's points and said so by the recogniser.
  const unclear = notes
    .filter((n) => n.field !== 'category')
    .map((n): ImportDiagnostic => ({
      severity: 'warning',
      code: 'LAYOUT_SPAN_UNCLEAR',
      file: input.file,
      location: `line ${n.lineNo}`,
      message: explain('layout.spanUnclear', { line: n.lineNo, column: n.column, first: n.first, second: n.second }),
    }));
  return { ...result, diagnostics: [...unclear, ...result.diagnostics] };
}

/** For tests and tools: the labelling over the built-in templates. */
export function labellingForTest() {
  const registry = templateRegistry();
  return labelling(registry.ids().map((id) => registry.get(id)!));
}
