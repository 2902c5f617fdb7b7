/**
 * Checks on the text fields outside the tables (name, unit, goal, remarks) read from layout text.
 * Where pdftotext puts the lines of neighbouring cells side by side, a text field may take its
 * neighbour's value, an amount printed beside it, or the template's own notes: each of these
 * shows in the value read, and the field is reported with its line — never read silently.
 */
import type { Template } from '../../core/templates/template.ts';
import type { ImportDiagnostic, ImportedForm } from '../import-result.ts';
import { filled, report, valueAt } from './field-report.ts';

/** Fields of the tables and the figures, which other checks weigh. */
const TABLES = /^(indicators\[|funding\[|totals\.|execution\.|year$)/u;
/** An amount as forms print it (`6,548,597.24`, `0.00`) glued to the text that starts the value. */
const AMOUNT_IN_FRONT = /^-?\d{1,3}(?:,\d{3})*\.\d{2}(?=\p{Script=Han})|^-?\d+\.\d{2}(?=\p{Script=Han})/u;
/** How many lines from a blank header field a neighbour may have taken its value. */
const HEADER_REACH = 2;
/** The shortest piece of the template's notes that, found in a value, shows the notes were taken in. */
const NOTE_PIECE = 10;

/** A figure as the import stores it (`5031477.69`, `53.10`): an amount or a rate, not text. */
const FIGURE = /^-?\d+(?:\.\d+)?$/u;

/** The fields of text, figures aside, that the form's reading placed on a line. */
function textPaths(form: ImportedForm): string[] {
  return Object.keys(form.locations).filter((path) => {
    const value = valueAt(form.evaluation, path);
    return !TABLES.test(path) && typeof value === 'string' && !FIGURE.test(value);
  });
}

/** Text fields that start with an amount: a figure of the amount column beside them run into their text. */
function amountsInFront(file: string, form: ImportedForm, index: number): ImportDiagnostic[] {
  const paths = textPaths(form).filter((path) => AMOUNT_IN_FRONT.test(String(valueAt(form.evaluation, path)).trim()));
  return report(file, form, index, paths, 'layout.amountInText', paths.join(', '));
}

/** The header fields read as text (names, the goal, the remarks), as opposed to amounts, rates, dates and answers. */
const TEXT_FIELDS = new Set(['project.name', 'project.budgetUnit', 'project.department', 'annualGoal', 'actualOutcome', 'achievements', 'problems', 'improvements']);
/** A value that is nothing but a figure or a date as forms print them (2026.3.13, 4,305.00, 83, 62.16%). */
const FIGURE_ONLY = /^[-+]?[\d,，.．/年月日%％-]+$/u;

/** Text fields that read as a figure or a date alone: the value of a figure's or a date's cell beside them taken in. */
function figuresTaken(file: string, form: ImportedForm, index: number): ImportDiagnostic[] {
  const paths = Object.keys(form.locations).filter((path) => TEXT_FIELDS.has(path) && FIGURE_ONLY.test(String(valueAt(form.evaluation, path) ?? '').replace(/\s+/gu, '')));
  return report(file, form, index, paths, 'layout.figureAsText', paths.join(', '));
}

/** The pieces of the template's printed notes (说明：1、… 2、…), without their numbering. */
function notePieces(template: Template): string[] {
  const notes = template.fieldLabels['form.notes']?.zh ?? '';
  return notes
    .split(/[\n。；]/u)
    .map((piece) => piece.replace(/^[\s\u3000]*(?:说明：)?\d*、?/u, '').trim())
    .filter((piece) => piece.length >= NOTE_PIECE);
}

/** Text fields holding part of the notes printed under the form: the text of the notes' cell taken in. */
function notesTaken(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  const ends = notePieces(template).map((piece) => piece.slice(-NOTE_PIECE));
  const paths = textPaths(form).filter((path) => ends.some((end) => String(valueAt(form.evaluation, path)).includes(end)));
  return report(file, form, index, paths, 'layout.notesInText', paths.join(', '));
}

/**
 * The header fields the template requires (项目名称, 预算单位, 具体实施处): printed side by side,
 * one found blank means its value may have gone to a neighbour printed near it. A field that may
 * be left blank (具体实施处, a warning when missing) is often blank in earnest: only a neighbour
 * read from a line below its label, where its own value would wrap, is doubted then. A required
 * field's neighbour above is doubted as far up as a blank neighbour's (BLANK_REACH): its wrapped
 * text, read from its first line, may run down onto the blank field's value.
 */
function headerShifted(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  const header = template.requiredFields.filter((r) => r.field.startsWith('project.') && ['string', 'undefined'].includes(typeof valueAt(form.evaluation, r.field)));
  const blank = header.filter((r) => !filled(valueAt(form.evaluation, r.field)));
  if (blank.length === 0) return [];
  const near = (path: string) =>
    blank.some((b) => {
      const below = lineOf(form, path) - lineOf(form, b.field);
      // A required field's value may also end up in the field above it, whose text (read from its
      // first line) wraps down towards the blank one's label: that far as a blank neighbour's.
      if (b.severity === 'error' && below < 0) return -below <= BLANK_REACH;
      return Math.abs(below) <= HEADER_REACH && (b.severity === 'error' || below > 0);
    });
  const paths = header.map((r) => r.field).filter((path) => filled(valueAt(form.evaluation, path)) && near(path));
  if (paths.length === 0) return [];
  // The blank fields are named too: left blank with no word, the reviewer would not look for their value.
  const shifted = report(file, form, index, paths, 'layout.headerShifted', blank.map((b) => b.field).join(', '));
  return [...shifted, ...report(file, form, index, blank.map((b) => b.field), 'layout.blankBesideText', paths.join(', '), true)];
}

/** How many lines below a blank field's label a neighbour's text may still be that field's. */
const BLANK_REACH = 5;

/** The line a field was read from (`line 166` → 166). */
function lineOf(form: ImportedForm, path: string): number {
  return Number(/\d+/u.exec(form.locations[path] ?? '')?.[0] ?? Number.NaN);
}

/**
 * A text field read blank and the next one, a few lines below, filled: a value printed between
 * two labels (a tall cell's text set off its label's line) may be either's, so both are reported.
 * Which it is the text cannot tell: each cell is set at the top or the middle of its row on its
 * own, so a line between 主要绩效 and 主要问题 is the first's (set at its top, the text in the
 * middle) as often as the second's (the text at its top, the label in the middle).
 */
function blankNeighbours(file: string, form: ImportedForm, index: number): ImportDiagnostic[] {
  const paths = textPaths(form)
    .filter((path) => Number.isFinite(lineOf(form, path)))
    .sort((a, b) => lineOf(form, a) - lineOf(form, b));
  const taken = paths.filter((path, i) => {
    const before = paths[i - 1];
    if (before === undefined || filled(valueAt(form.evaluation, before))) return false;
    return lineOf(form, path) - lineOf(form, before) <= BLANK_REACH;
  });
  // The blank one is named too when it takes text (a grade or a date read blank is not this text).
  const blanks = paths.flatMap((path, i) => (TEXT_FIELDS.has(path) && taken.includes(paths[i + 1]!) ? report(file, form, index, [path], 'layout.blankBesideText', paths[i + 1]!, true) : []));
  return [...report(file, form, index, taken, 'layout.blankNeighbour', taken.join(', ')), ...blanks];
}

/** Text fields read from the same cell (same line, same text): one cell is one field's, the other has lost its value. */
function sameCellTwice(file: string, form: ImportedForm, index: number): ImportDiagnostic[] {
  const paths = textPaths(form);
  const cellOf = (path: string) => `${form.locations[path]}\u0000${String(valueAt(form.evaluation, path)).trim()}`;
  const twice = paths.filter((path) => filled(valueAt(form.evaluation, path)) && paths.some((other) => other !== path && cellOf(other) === cellOf(path)));
  return report(file, form, index, twice, 'layout.sameCellTwice', twice.join(', '));
}

/**
 * An indicator named exactly as one of the template's 一级指标 / 二级指标 captions (服务对象满意度指标):
 * a merged caption printed twice or off its column strayed into the names' column, and the row's
 * own name went to the column beside it. The name and that column are reported, and the row's
 * captions: the one in the names' column may be the row's own, its caption then taken from a
 * neighbour's span (seed 7531, form 154: 可持续影响指标 read as the name, the row under 社会效益指标).
 */
function captionsAsNames(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  const captions = new Set(template.categories.flatMap((c) => [c.label.zh, ...c.subcategories]));
  return form.evaluation.indicators.flatMap((indicator, i) => {
    const name = indicator.name ?? '';
    if (!captions.has(name.replace(/\s+/gu, ''))) return [];
    const own = [`indicators[${i}].category`, `indicators[${i}].subcategory`];
    return [...report(file, form, index, [`indicators[${i}].name`, `indicators[${i}].target`], 'layout.captionAsName', name), ...report(file, form, index, own, 'layout.captionBesideName', name)];
  });
}

export function textDoubts(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  const out = [...figuresTaken(file, form, index), ...amountsInFront(file, form, index), ...notesTaken(file, form, index, template), ...headerShifted(file, form, index, template), ...blankNeighbours(file, form, index), ...sameCellTwice(file, form, index), ...captionsAsNames(file, form, index, template)];
  // A field two checks doubt is reported once.
  return out.filter((d, i) => out.findIndex((e) => e.path === d.path) === i);
}
