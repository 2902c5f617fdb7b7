/**
 * Grids (pages of a PDF, sheets of an XLSX) → the targets declarations or monitoring forms on
 * them. A form is recognised by its title only — the title of a template's targets or monitoring
 * layout (项目支出绩效目标申报表, 项目支出绩效目标执行监控表, {year}年度财政项目绩效目标申报表) — so
 * a self-evaluation is never read as one, nor one as a self-evaluation. Grids without such a
 * title are not the cycle's: the caller reads them as self-evaluations.
 */
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import type { DocumentLayout, Template } from '../../core/templates/template.ts';
import type { CycleDocument, CycleKind } from '../../export/cycle/cycle-form.ts';
import { diagnosticSink } from '../diagnostics.ts';
import { cutAtTitles, gridDocuments, type PlacedCell } from '../grid/form-region.ts';
import type { Grid } from '../grid/grid.ts';
import type { ImportDiagnostic } from '../import-result.ts';
import { labelKey } from '../labels/label-key.ts';
import { labelPattern } from './layout-labels.ts';
import { readCycleForm } from './read-cycle-form.ts';

export const CYCLE_KINDS: readonly CycleKind[] = ['targets', 'monitoring'];

export interface CycleTitle {
  template: Template;
  kind: CycleKind;
  layout: DocumentLayout;
  /** The year the title prints, if it has `{year}`. */
  year: number | undefined;
}

export interface CycleImport {
  kind: CycleKind;
  documents: CycleDocument[];
  /** Per document: where it starts. */
  starts: string[];
}

/** The layout whose title this cell prints, if any. */
export function cycleTitleOf(templates: readonly Template[], text: string): CycleTitle | undefined {
  const key = labelKey(text);
  for (const template of templates) {
    for (const kind of CYCLE_KINDS) {
      const layout = template.documents?.[kind];
      // The Chinese title is the official form's; the English one an export's reading aid (--lang en).
      const m = layout ? [layout.title.zh, layout.title.en].map((t) => labelPattern(t).exec(key)).find(Boolean) : null;
      if (layout && m) return { template, kind, layout, year: m[1] === undefined ? undefined : Number(m[1]) };
    }
  }
  return undefined;
}

/**
 * The cycle documents on the grids, or undefined when no grid prints a cycle title. Documents of
 * both kinds in one file are refused: a file holds one kind, as the interchange files do.
 */
export function recognizeCycle(grids: readonly Grid[], registry: TemplateRegistry, file: string): { read: CycleImport; diagnostics: ImportDiagnostic[] } | undefined {
  const templates = registry.ids().map((id) => registry.get(id)!);
  const diagnostics: ImportDiagnostic[] = [];
  const found: { title: CycleTitle; cells: PlacedCell[] }[] = [];
  for (const document of gridDocuments(grids)) {
    const cells = document.cells;
    const titled = cells.filter((c) => cycleTitleOf(templates, c.text));
    for (const part of cutAtTitles(cells, titled.map((c) => c.vrow))) {
      const head = part.find((c) => cycleTitleOf(templates, c.text));
      if (head) found.push({ title: cycleTitleOf(templates, head.text)!, cells: part });
    }
  }
  if (found.length === 0) return undefined;
  const kind = found[0]!.title.kind;
  const read: CycleImport = { kind, documents: [], starts: [] };
  for (const { title, cells } of found) {
    const sink = diagnosticSink(file, diagnostics, { pathPrefix: `${kind}[${read.documents.length}].` });
    if (title.kind !== kind) {
      sink.add('error', 'MIXED_DOCUMENTS', 'cycle.mixedDocuments', { first: kind, other: title.kind }, { location: cells[0]!.location });
      continue;
    }
    const document = readCycleForm(title, cells, sink);
    if (document) {
      read.documents.push(document);
      read.starts.push(cells[0]!.location);
    }
  }
  return { read, diagnostics };
}
