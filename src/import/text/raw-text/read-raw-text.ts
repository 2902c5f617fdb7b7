/**
 * The text reader's entry for pdftotext `-raw` and default-mode text: read where the order
 * allows it (raw mode, read-raw-forms.ts), else refused with one diagnostic, TEXT_ORDER_LOST,
 * that says the table's order is lost in this kind of extraction and what to import instead.
 * Default mode is always refused: every cell is a paragraph of its own, and neighbouring cells
 * come out interleaved line by line or away from their rows, with nothing to put them back.
 */
import { diagnosticSink } from '../../diagnostics.ts';
import { templateRegistry } from '../../../core/templates/registry.ts';
import type { Label, Template } from '../../../core/templates/template.ts';
import { isTitleOf } from '../../grid/detect-template.ts';
import { labelKey } from '../../labels/label-key.ts';
import { chooseTemplate } from '../../choose-template.ts';
import type { FileImport, ImportDiagnostic } from '../../import-result.ts';
import { detectFlavour, isTitleLine, mayHaveFlavour, titleKeys, type Flavour } from './flavour.ts';
import { rawLines, type RawLine } from './raw-lines.ts';
import { readRawForms, type Refusal } from './read-raw-forms.ts';

export const TEXT_ORDER_LOST = 'TEXT_ORDER_LOST';

const FLAVOUR_WORDS: Record<Flavour, Label> = {
  'pdftotext-raw': { zh: 'pdftotext -raw', en: 'pdftotext -raw' },
  'pdftotext-default': { zh: 'pdftotext（默认模式）', en: 'pdftotext (default mode)' },
};

function refusal(file: string, flavour: Flavour, why: Refusal | { kind: 'flavour'; line: number }): ImportDiagnostic[] {
  const params = { flavour: FLAVOUR_WORDS[flavour], line: why.line };
  const sink = diagnosticSink(file);
  if (why.kind === 'doesNotAddUp') sink.add('error', TEXT_ORDER_LOST, 'rawtext.doesNotAddUp', { ...params, what: why.what }, { line: why.line });
  else sink.add('error', TEXT_ORDER_LOST, 'rawtext.orderLost', params, { line: why.line });
  return sink.diagnostics;
}

/** The template the text prints the title of, else the one whose column titles its title line prints most of. */
function templateOf(lines: readonly RawLine[], templates: readonly Template[]): Template {
  const score = (t: Template) => {
    const keys = titleKeys(t);
    return Math.max(0, ...lines.filter((l) => isTitleLine(l, keys)).map((l) => l.tokens.filter((x) => keys.has(labelKey(x))).length));
  };
  const isTitle = (t: Template, line: RawLine) => isTitleOf(t, { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: line.text, location: '', vrow: 0, source: '' });
  return chooseTemplate(templates, { items: lines, isTitle, score, minScore: 0 })!.template;
}

/**
 * Reads or refuses pdftotext `-raw` / default-mode text; undefined for any other text, which the
 * other readers take. `templateId` forces the template, as for the other readers.
 */
export function readRawText(file: string, text: string, templateId: string | undefined, extra: readonly Template[] = []): FileImport | undefined {
  const registry = templateRegistry(extra);
  const templates = registry.ids().map((id) => registry.get(id)!);
  if (!mayHaveFlavour(text, templates)) return undefined;
  const lines = rawLines(text);
  const found = detectFlavour(lines, templates);
  if (!found) return undefined;
  if (found.flavour === 'pdftotext-default') return { file, forms: [], diagnostics: refusal(file, found.flavour, { kind: 'flavour', line: found.line }) };
  const forced = templateId === undefined ? undefined : registry.get(templateId);
  if (templateId !== undefined && !forced) return undefined;
  const read = readRawForms(file, lines, forced ?? templateOf(lines, templates), extra);
  if (!read.ok) return { file, forms: [], diagnostics: refusal(file, found.flavour, read.refusal) };
  return read.result;
}
