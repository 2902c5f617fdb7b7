/**
 * Reading the layout corpus (scripts/make-layout-corpus.ts) back: each shape of each form imported
 * by the path the CLI takes (`readForms`), and every field of what came back compared with the
 * evaluation the form was made from. Shared by the corpus test and `npm run corpus`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '../../src/core/locale/messages.ts';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { formatPath } from '../../src/core/model/path.ts';
import type { ImportDiagnostic } from '../../src/import/import-result.ts';
import { convertManyWithSoffice } from '../../src/import/convert/soffice.ts';
import { readForms } from '../../src/import/read-forms.ts';

/** Every shape the corpus holds; only .xls needs LibreOffice to be read. */
export const SHAPES = ['xlsx', 'pdf', 'txt', 'xls', 'html'] as const;
export type Shape = (typeof SHAPES)[number];

export interface FieldMismatch {
  /** `project.name`, `indicators[3].score`; `(forms)` when the file did not give one form. */
  path: string;
  expected: unknown;
  got: unknown;
}

export interface ShapeReading {
  form: string;
  shape: Shape;
  file: string;
  ms: number;
  /** Fields compared (the expected form's and any the import added). */
  fields: number;
  mismatches: FieldMismatch[];
  /** The import's errors and warnings, in words. */
  diagnostics: string[];
  /** The field paths the import's warnings and errors name (`project.name`, `indicators[3]`). */
  reported: string[];
}

/** The forms of a corpus directory: the names that have an expected `.json`. */
export function corpusForms(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
}

export function expectedEvaluation(dir: string, form: string): Evaluation {
  return JSON.parse(readFileSync(join(dir, `${form}.json`), 'utf8')) as Evaluation;
}

/**
 * The model's sense of equal: a blank text is a field not filled, 元 is the unit when none is
 * named, white space is not part of a printed text (wrapping adds and PDF extraction loses it),
 * indicator ids are the store's, not the form's. Amounts and rates stay the decimal strings they are.
 */
function normalised(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    const text = value.replace(/\s+/gu, '');
    return text === '' || (key === 'amountUnit' && text === '元') ? undefined : text;
  }
  if (Array.isArray(value)) return value.map((v) => normalised(v));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([k]) => k !== 'id').map(([k, v]) => [k, normalised(v, k)] as const);
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  }
  return value;
}

/** Leaves of a value by path: `project.name` → "…", `indicators[0].weight` → 5; an empty array is a leaf. */
function leaves(value: unknown, path: PropertyKey[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else out.set(formatPath(path), value);
  return out;
}

/** Every field of `expected` against `got`, and fields `got` has that `expected` has not. */
export function compareEvaluations(expected: Evaluation, got: Evaluation | undefined): { fields: number; mismatches: FieldMismatch[] } {
  const want = leaves(normalised(expected));
  const have = got === undefined ? new Map<string, unknown>() : leaves(normalised(got));
  const mismatches: FieldMismatch[] = [];
  const paths = new Set([...want.keys(), ...have.keys()]);
  for (const path of paths) {
    if (!Object.is(want.get(path), have.get(path))) mismatches.push({ path, expected: want.get(path), got: have.get(path) });
  }
  return { fields: paths.size, mismatches };
}

function describe(d: ImportDiagnostic): string {
  const where = [d.location, d.path].filter(Boolean).join(', ');
  return `${d.severity} ${d.code}${where ? ` (${where})` : ''}: ${render(d.message, 'en')}`;
}

/**
 * One shape of one form imported as the CLI imports it, and compared field by field. `converted`:
 * LibreOffice's output for this file made beforehand (`convertCorpus`), read as the CLI reads a
 * conversion's output, so that a corpus of .xls is not a LibreOffice start per file.
 */
export async function readShape(dir: string, form: string, shape: Shape, converted?: Uint8Array): Promise<ShapeReading> {
  const file = `${form}.${shape}`;
  const bytes = converted ?? new Uint8Array(readFileSync(join(dir, file)));
  const started = performance.now();
  const imported = await readForms({ file, bytes }, [], { converted: converted !== undefined });
  const ms = performance.now() - started;
  const expected = expectedEvaluation(dir, form);
  const got = imported.forms.length === 1 ? imported.forms[0]!.evaluation : undefined;
  const compared = compareEvaluations(expected, got);
  if (imported.forms.length !== 1) compared.mismatches.unshift({ path: '(forms)', expected: 1, got: imported.forms.length });
  const said = imported.diagnostics.filter((d) => d.severity !== 'info');
  const reported = said.flatMap((d) => (d.path === undefined ? [] : [d.path.replace(/^evaluations\[\d+\]\./u, '')]));
  return { form, shape, file, ms, ...compared, diagnostics: said.map(describe), reported };
}

/**
 * The .xlsx LibreOffice makes of each form's `.${shape}`, in one soffice run (as the reader converts
 * one file, with the same options); a form LibreOffice could not convert is left out, to be read
 * (and fail) by the reader's own conversion.
 */
export async function convertCorpus(dir: string, forms: readonly string[], shape: 'xls'): Promise<Map<string, Uint8Array>> {
  const files = forms.map((form) => new Uint8Array(readFileSync(join(dir, `${form}.${shape}`))));
  const results = await convertManyWithSoffice(files, { extension: shape, target: 'xlsx', timeoutMs: 30_000 + 2_000 * files.length });
  return new Map(results.flatMap((r, i) => (r.ok ? [[forms[i]!, r.bytes] as const] : [])));
}

/** Whether a diagnostic names this field, or the part of the form that holds it (`indicators[3]`). */
function isReported(reading: ShapeReading, path: string): boolean {
  return reading.reported.some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`));
}

/**
 * Mismatches where a value came back, but not the printed one, and no diagnostic names the field:
 * silent guesses, which an import must never make. (A field that did not come back at all is
 * missing, not wrong: the reviewer sees it blank.)
 */
export function silentMismatches(reading: ShapeReading): FieldMismatch[] {
  return reading.mismatches.filter((m) => m.got !== undefined && m.path !== '(forms)' && !isReported(reading, m.path));
}

/** A field path as a kind of mismatch: `indicators[3].score` → `indicators[].score`. */
export function mismatchKind(path: string): string {
  return path.replace(/\[\d+\]/gu, '[]');
}

export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 28)}…${text.slice(-28)} (${text.length} chars)` : text;
}

/** A reading's mismatches as lines a person fixes a reader from. */
export function reportReading(reading: ShapeReading, limit = 12): string {
  const lines = reading.mismatches.slice(0, limit).map((m) => `  ${m.path}: expected ${showValue(m.expected)}, got ${showValue(m.got)}`);
  if (reading.mismatches.length > limit) lines.push(`  … and ${reading.mismatches.length - limit} more fields`);
  const diagnostics = reading.diagnostics.slice(0, 5).map((d) => `  diagnostic: ${d}`);
  return [`${reading.file}: ${reading.mismatches.length} of ${reading.fields} fields differ`, ...lines, ...diagnostics].join('\n');
}
