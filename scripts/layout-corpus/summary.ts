/**
 * The corpus run in figures: per shape the share of forms and of fields read exactly and the time
 * per form, and the kinds of mismatch (field path patterns) most often met, each with an example.
 */
import { mismatchKind, showValue, SHAPES, type Shape, type ShapeReading } from '../../test/support/layout-corpus.ts';

export interface ShapeFigures {
  shape: Shape;
  forms: number;
  exactForms: number;
  fields: number;
  exactFields: number;
  msPerForm: number;
}

export interface MismatchKind {
  kind: string;
  count: number;
  byShape: Partial<Record<Shape, number>>;
  example: { file: string; path: string; expected: unknown; got: unknown };
}

export function shapeFigures(readings: readonly ShapeReading[]): ShapeFigures[] {
  return SHAPES.map((shape) => {
    const of = readings.filter((r) => r.shape === shape);
    const fields = of.reduce((n, r) => n + r.fields, 0);
    const wrong = of.reduce((n, r) => n + r.mismatches.filter((m) => m.path !== '(forms)').length, 0);
    return {
      shape,
      forms: of.length,
      exactForms: of.filter((r) => r.mismatches.length === 0).length,
      fields,
      exactFields: fields - wrong,
      msPerForm: of.length === 0 ? 0 : of.reduce((n, r) => n + r.ms, 0) / of.length,
    };
  }).filter((f) => f.forms > 0);
}

export function mismatchKinds(readings: readonly ShapeReading[]): MismatchKind[] {
  const kinds = new Map<string, MismatchKind>();
  for (const reading of readings) {
    for (const m of reading.mismatches) {
      const kind = mismatchKind(m.path);
      const entry = kinds.get(kind) ?? { kind, count: 0, byShape: {}, example: { file: reading.file, ...m } };
      entry.count++;
      entry.byShape[reading.shape] = (entry.byShape[reading.shape] ?? 0) + 1;
      kinds.set(kind, entry);
    }
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

export function figuresTable(figures: readonly ShapeFigures[]): string[] {
  return [
    '| shape | forms | exact forms | exact fields | ms per form |',
    '|---|---|---|---|---|',
    ...figures.map((f) => `| ${f.shape} | ${f.forms} | ${percent(f.exactForms, f.forms)} (${f.exactForms}) | ${percent(f.exactFields, f.fields)} (${f.exactFields} of ${f.fields}) | ${f.msPerForm.toFixed(0)} |`),
  ];
}

export function kindsTable(kinds: readonly MismatchKind[], limit: number): string[] {
  const cell = (text: string) => text.replace(/\|/gu, '\\|');
  return [
    '| mismatch kind | fields | by shape | example (file: expected → got) |',
    '|---|---|---|---|',
    ...kinds.slice(0, limit).map((k) => {
      const shapes = Object.entries(k.byShape).map(([s, n]) => `${s} ${n}`).join(', ');
      const e = k.example;
      return `| \`${k.kind}\` | ${k.count} | ${shapes} | ${cell(`${e.file} \`${e.path}\`: ${showValue(e.expected)} → ${showValue(e.got)}`)} |`;
    }),
  ];
}
