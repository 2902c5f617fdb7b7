/**
 * The checks that keep a layout text from giving a wrong value silently. pdftotext drops the
 * rules between a form's rows and columns: where the lines of neighbouring wrapped cells
 * interleave, cells are placed from positions, which can put one in the wrong row or column.
 * The printed figures tell when that happened: the weights fill the template's blocks and add up
 * to the printed totals, as do the scores; the funding sources add up to 年度资金总额; the
 * execution rate is what the amounts give. Where they do not, every field they involve is
 * reported with its line as possibly misplaced — never read silently.
 */
import { diagnosticSink } from '../diagnostics.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { fenOf } from '../../core/numbers/hundredths.ts';
import { readAmount } from '../../core/values/read-value.ts';
import type { Template } from '../../core/templates/template.ts';
import type { ImportDiagnostic, ImportedForm } from '../import-result.ts';
import { addsUp } from '../adds-up.ts';
import { filled, report, valueAt } from './field-report.ts';
import { PRINTED_FIELDS, type SpanNote } from './layout-grid.ts';
import { textDoubts } from './text-doubts.ts';

const AMOUNTS = ['initial', 'adjusted', 'executed'] as const;
const FIGURE = /^[-+]?[\d,，.]+%?$/u;
/** How far a printed rate may be from the amounts' (in hundredths of a percent) before it is doubted. */
const RATE_SLACK = 50n;
const RATE_FIELDS = ['project.executionRate', 'project.executed', 'project.budgetCurrentYear', 'funding[0].adjusted', 'funding[0].executed'];


function indicatorPaths(evaluation: Evaluation): string[] {
  const fields = evaluation.indicators.flatMap((indicator, i) => Object.keys(indicator).filter((k) => k !== 'id').map((k) => `indicators[${i}].${k}`));
  return [...fields, 'totals.weight', 'totals.score', 'execution.weight', 'execution.score'];
}

function fundingPaths(evaluation: Evaluation): string[] {
  return (evaluation.funding ?? []).flatMap((_, i) => ['source', ...AMOUNTS].map((k) => `funding[${i}].${k}`));
}

/** What about the funding block does not add up: a source that is a number, or sources that do not sum to the total. */
function fundingProblem(evaluation: Evaluation): string | undefined {
  const funding = evaluation.funding ?? [];
  // Each row is one source, named once: a number or a name printed twice is a row taken for another.
  const names = funding.map((row) => row.source.trim());
  // A figure in more decimals than an amount has (万元 to six places) is a figure all the same.
  if (names.some((name, i) => name === '' || readAmount(name, '元').ok || FIGURE.test(name) || names.indexOf(name) !== i)) return 'funding[].source';
  const [total, ...sources] = funding;
  if (!total || sources.length === 0) return undefined;
  for (const key of AMOUNTS) {
    const sum = sources.reduce((s, row) => s + (fenOf(row[key]) ?? 0), 0);
    if (sum !== (fenOf(total[key]) ?? 0)) return `funding[].${key}`;
  }
  return undefined;
}

/**
 * Whether the execution rate is about what the amounts give. Offices round it their own way (the
 * checks report that); a figure from another cell is far off. All three printed or none: one
 * alone cannot be checked.
 */
function rateFits(evaluation: Evaluation): boolean {
  const { executionRate, executed, budgetCurrentYear } = evaluation.project;
  const parts = [executionRate, executed, budgetCurrentYear].filter(filled);
  if (parts.length === 0) return true;
  const spent = fenOf(executed);
  const budget = fenOf(budgetCurrentYear);
  const rate = fenOf(executionRate);
  if (spent === null || budget === null || rate === null) return false;
  if (budget === 0) return true;
  // In hundredths of a percent: rate × budget against executed × 100, within half a percent.
  const off = BigInt(rate) * BigInt(budget) - BigInt(spent) * 10_000n;
  return (off < 0n ? -off : off) <= BigInt(budget) * RATE_SLACK;
}

/**
 * The indicators whose subcategory is printed under a 一级指标 it does not belong to (数量指标 under
 * 效益指标): the merged captions were shared out between the rows wrongly.
 */
function misplacedCaptions(evaluation: Evaluation, template: Template): number[] {
  return evaluation.indicators.flatMap((indicator, i) => {
    if (!filled(indicator.subcategory)) return [];
    const category = template.categories.find((c) => c.key === indicator.category);
    return category !== undefined && category.subcategories.length > 0 && !category.subcategories.includes(indicator.subcategory!.trim()) ? [i] : [];
  });
}

/**
 * Text fields that read just 是 or 否: the answer to a yes/no question (是否为经常性项目) printed
 * beside a blank field's label on its line, taken for that field's value.
 */
function answersTaken(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  // A grade (良好) printed beside a blank field is taken the same way.
  const answers = new Set([...['form.yes', 'form.no'].flatMap((k) => (template.fieldLabels[k] ? [template.fieldLabels[k]!.zh] : [])), ...template.grades.map((g) => g.label.zh)]);
  const paths = Object.keys(form.locations).filter((path) => {
    const value = valueAt(form.evaluation, path);
    return !path.startsWith('indicators[') && path !== 'grade' && typeof value === 'string' && answers.has(value.trim());
  });
  return report(file, form, index, paths, 'layout.answerUnclear', paths.join(', '));
}

/**
 * An indicator row with values but no name: a row of the table is printed with a name, so its
 * name went to a neighbouring row (or its values came from one). That row's fields and its
 * neighbours' are in doubt.
 */
function namelessRows(file: string, form: ImportedForm, index: number): ImportDiagnostic[] {
  const { indicators } = form.evaluation;
  return indicators.flatMap((indicator, i) => {
    const values = Object.entries(indicator).filter(([k, v]) => k !== 'id' && k !== 'category' && k !== 'subcategory' && filled(v));
    if (filled(indicator.name) || values.length === 0) return [];
    const paths = [i - 1, i, i + 1].filter((j) => indicators[j] !== undefined).flatMap((j) => Object.keys(indicators[j]!).filter((k) => k !== 'id').map((k) => `indicators[${j}].${k}`));
    return report(file, form, index, paths, 'layout.rowNameless', String(i + 1));
  });
}

/**
 * A 二级指标 caption read in the 一级指标 column (taken as its block by the recogniser): the
 * columns stand elsewhere than the header puts them, so the rows beside it may be shared out
 * wrongly even where the points add up. Every indicator field is in doubt, with the caption.
 */
export function captionsOutOfColumn(file: string, form: ImportedForm, index: number, diagnostics: readonly ImportDiagnostic[]): ImportDiagnostic[] {
  const moved = diagnostics.find((d) => d.message.key === 'grid.subcategoryAsCategory' && d.path?.startsWith(`evaluations[${index}].`) === true);
  return moved === undefined ? [] : report(file, form, index, indicatorPaths(form.evaluation), 'layout.captionOutOfColumn', String(moved.message.params.text ?? ''));
}

/** The text columns right of a 二级指标, each of which a row read a column to the left fills with the next one's text. */
const SHIFTED_FIELDS = ['name', 'target', 'actual'] as const;

export function doubtfulValues(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  const evaluation = form.evaluation;
  const out: ImportDiagnostic[] = [];
  // A form need not print every block of the template; those it prints fill their points.
  const printed = template.caps.filter((cap) => evaluation.indicators.some((i) => i.category !== undefined && cap.categories.includes(i.category)));
  const points = evaluation.indicators.length === 0 ? undefined : addsUp(evaluation, { ...template, caps: printed });
  if (points !== undefined) out.push(...report(file, form, index, indicatorPaths(evaluation), 'layout.rowUnclear', points));
  // Captions are shared out in order: one misplaced may shift the others of its column. And a
  // 二级指标 none of its 一级指标's may be the row's name read a column to the left (服务对象满意度
  // for 服务对象满意度指标), the name then the target's text, the target the actual's (seed 6262, form 58).
  const misplaced = misplacedCaptions(evaluation, template);
  const caption = misplaced.length === 0 ? undefined : evaluation.indicators[misplaced[0]!]!.subcategory!;
  if (caption !== undefined) out.push(...report(file, form, index, evaluation.indicators.map((_, i) => `indicators[${i}].subcategory`), 'layout.captionUnclear', caption));
  out.push(...misplaced.flatMap((i) => report(file, form, index, SHIFTED_FIELDS.map((f) => `indicators[${i}].${f}`), 'layout.nameAsCaption', evaluation.indicators[i]!.subcategory!)));
  const funding = fundingProblem(evaluation);
  if (funding !== undefined) out.push(...report(file, form, index, [...fundingPaths(evaluation), ...RATE_FIELDS.slice(1)], 'layout.amountsUnclear', funding));
  if (!rateFits(evaluation)) out.push(...report(file, form, index, RATE_FIELDS, 'layout.amountsUnclear', 'project.executionRate'));
  out.push(...answersTaken(file, form, index, template));
  out.push(...unplacedIndicatorValues(file, form, index));
  out.push(...namelessRows(file, form, index));
  out.push(...textDoubts(file, form, index, template));
  // A field reported by two checks is reported once.
  return out.filter((d, i) => out.findIndex((e) => e.path === d.path) === i);
}

const TABLE_FIELD = /^(indicators\[|totals\.|funding\[|execution\.)/u;

/**
 * Fields read from a cell in doubt (see touching-rows.ts): outside the tables (`tables` false), a
 * cell next to a border between rows that touch; inside them, a cell two columns' text was put in.
 */
const bare = (text: string) => text.replace(/\s+/gu, '');
/** Whether a field's value came from a cell's text: the same, or (a cell cut or joined by the recogniser) a good part of it. */
export const holds = (cell: string, value: string) => bare(cell) === bare(value) || (bare(value).length >= 4 && (bare(cell).includes(bare(value)) || bare(value).includes(bare(cell))));

export function unclearFields(file: string, form: ImportedForm, index: number, unclear: ReadonlyArray<{ location: string; lineNo: number; key?: string; text?: string }>, tables = false): ImportDiagnostic[] {
  const sink = diagnosticSink(file, [], { pathPrefix: `evaluations[${index}].` });
  for (const [path, location] of Object.entries(form.locations)) {
    // The year comes from the title, checked against its pattern.
    if (path === 'year' || TABLE_FIELD.test(path) !== tables) continue;
    const value = valueAt(form.evaluation, path);
    const hit = unclear.find((u) => u.location === location && (u.text === undefined || holds(u.text, String(value))));
    if (!hit || !filled(valueAt(form.evaluation, path))) continue;
    sink.add('warning', 'LAYOUT_CELL_UNCLEAR', hit.key ?? 'layout.cellUnclear', { line: hit.lineNo, field: path }, { location, path });
  }
  return sink.diagnostics;
}

/**
 * The rows of a caption that sits off the middle of its rows, and of the captions next to it (see
 * spanGroupedColumns in layout-grid.ts): where its span ends is a guess, and so where theirs begin.
 */
export function offCentreCaptions(file: string, form: ImportedForm, index: number, notes: ReadonlyArray<Pick<SpanNote, 'field' | 'offCentre' | 'around' | 'first'>>): ImportDiagnostic[] {
  // Each field in doubt, with the first off-centre caption that puts it there.
  const doubted = new Map<string, string>();
  for (const n of notes.filter((note) => note.offCentre)) {
    const paths = form.evaluation.indicators.map((_, i) => `indicators[${i}].${n.field}`);
    for (const path of paths) if (!doubted.has(path) && (n.around === undefined || n.around.includes(form.locations[path] ?? ''))) doubted.set(path, n.first);
  }
  return [...doubted].flatMap(([path, caption]) => report(file, form, index, [path], 'layout.captionOffCentre', caption));
}

/**
 * The rows of two captions of a column with a row between them that either may span, kept with
 * the nearer (see placeCaptions in layout-grid.ts): that column's field of every row of the two.
 */
export function tiedCaptions(file: string, form: ImportedForm, index: number, notes: ReadonlyArray<Pick<SpanNote, 'field' | 'first' | 'second' | 'kept'>>): ImportDiagnostic[] {
  return notes.flatMap((n) => {
    if (n.kept === undefined) return [];
    const paths = form.evaluation.indicators.map((_, i) => `indicators[${i}].${n.field}`).filter((p) => n.kept!.includes(form.locations[p] ?? ''));
    return report(file, form, index, paths, 'layout.spanTied', `${n.first} / ${n.second}`);
  });
}

/**
 * An indicator's value the recogniser took from no cell of its own row (a cell of the row above
 * or below reaching over it): that row's text and this one's may be one cell's. Both are reported.
 */
function unplacedIndicatorValues(file: string, form: ImportedForm, index: number): ImportDiagnostic[] {
  const { indicators } = form.evaluation;
  // A row none of whose fields has a place was not read from a text (a form made otherwise).
  const placed = new Set(Object.keys(form.locations).flatMap((p) => /^indicators\[(\d+)\]\./u.exec(p)?.[1] ?? []).map(Number));
  const paths = indicators.flatMap((indicator, i) =>
    Object.entries(indicator).flatMap(([key, value]) => {
      const path = `indicators[${i}].${key}`;
      if (key === 'id' || key === 'category' || !filled(value) || !placed.has(i) || form.locations[path] !== undefined) return [];
      const same = [i - 1, i + 1].filter((j) => indicators[j] !== undefined && (indicators[j] as unknown as Record<string, unknown>)[key] === value).map((j) => `indicators[${j}].${key}`);
      return [path, ...same];
    }),
  );
  const sink = diagnosticSink(file, [], { pathPrefix: `evaluations[${index}].` });
  for (const path of [...new Set(paths)]) {
    const row = /^indicators\[\d+\]/u.exec(path)![0];
    const location = form.locations[path] ?? Object.entries(form.locations).find(([p]) => p.startsWith(`${row}.`))?.[1];
    const line = /\d+/u.exec(location ?? '')?.[0] ?? '?';
    sink.add('warning', 'LAYOUT_VALUE_UNCLEAR', 'layout.sameCellTwice', { line, field: path, what: paths.join(', ') }, { ...(location === undefined ? {} : { location }), path });
  }
  return sink.diagnostics;
}

const INDICATOR_FIELD = /^evaluations\[(\d+)\]\.indicators\[(\d+)\]\.(\w+)$/u;

/**
 * A blank indicator field in the row above or below the same field of a row in doubt (a layout
 * check says that text may belong to a neighbouring row, or that the rows cannot be told apart):
 * if the doubt is right, the text went to the wrong row and this field lost it. So may a field every
 * row prints (`printed`: 指标名称, 指标值, … where the form has that column) read blank in the row
 * in doubt itself (its cell went to a neighbour; a blank 备注 is common and is not named so). And a figure of a
 * row that read text (taken as blank): that text is some text column's, put in the figure's column,
 * so the blank text fields of its row may have lost it. A blank field has no cell, so no other
 * check names it; this one does, once, with the doubted field's line.
 */
export function blankBesideDoubts(file: string, forms: readonly ImportedForm[], diagnostics: readonly ImportDiagnostic[], printed: (form: ImportedForm) => readonly string[] = () => []): ImportDiagnostic[] {
  const named = new Set<string>();
  const out: ImportDiagnostic[] = [];
  for (const d of diagnostics) {
    const textInFigure = d.code === 'UNREADABLE_VALUE' && d.message.key === 'grid.unreadableValue';
    const found = d.code.startsWith('LAYOUT_') || textInFigure ? INDICATOR_FIELD.exec(d.path ?? '') : null;
    if (found === null) continue;
    const [, form, row, key] = found;
    const index = Number(form);
    const imported = forms[index];
    if (imported === undefined) continue;
    const { evaluation } = imported;
    const i = Number(row);
    const beside = [i - 1, i + 1].filter((j) => evaluation.indicators[j] !== undefined).map((j) => `indicators[${j}].${key}`);
    const own = printed(imported).filter((k) => k !== key).map((k) => `indicators[${i}].${k}`);
    const paths = textInFigure ? textFieldsOf(evaluation).map((k) => `indicators[${i}].${k}`) : [...beside, ...own];
    const line = String(d.message.params.line ?? /\d+/u.exec(d.location ?? '')?.[0] ?? '?');
    const sink = diagnosticSink(file, out, { pathPrefix: `evaluations[${index}].` });
    for (const path of paths) {
      if (filled(valueAt(evaluation, path)) || named.has(`${index}:${path}`)) continue;
      named.add(`${index}:${path}`);
      sink.add('warning', 'LAYOUT_VALUE_UNCLEAR', textInFigure ? 'layout.textInFigure' : 'layout.blankBesideDoubt', { line, field: path, what: `indicators[${i}].${key}` }, { ...(d.location === undefined ? {} : { location: d.location }), path });
    }
  }
  return out;
}

/** The indicator fields that hold text in this form (some row has one): the columns a text may have come from. */
function textFieldsOf(evaluation: Evaluation): string[] {
  const keys = new Set<string>();
  for (const indicator of evaluation.indicators) for (const [k, v] of Object.entries(indicator)) if (k !== 'id' && k !== 'category' && typeof v === 'string' && filled(v)) keys.add(k);
  return [...keys];
}

/**
 * A text field every row prints (`printed`, in the template's column order; PRINTED_FIELDS) read
 * blank while the text column beside it in its row reads text: the blank column's value may have been placed in that column
 * (the row's target lost to the row above, its actual 97% then taken for the target). The filled
 * neighbour is named; the blank field is named by blankBesideDoubts where a doubt reaches it.
 */
export function filledBesideBlank(file: string, forms: readonly ImportedForm[], printed: (form: ImportedForm) => readonly string[]): ImportDiagnostic[] {
  return forms.flatMap((form, index) => {
    const keys = printed(form).filter((k) => PRINTED_FIELDS.has(k));
    return form.evaluation.indicators.flatMap((_, i) => {
      const path = (k: number) => `indicators[${i}].${keys[k]}`;
      const blank = keys.flatMap((_, k) => (filled(valueAt(form.evaluation, path(k))) ? [] : [k]));
      const beside = [...new Set(blank.flatMap((k) => [k - 1, k + 1]))].filter((k) => k >= 0 && k < keys.length && !blank.includes(k));
      return beside.flatMap((k) => report(file, form, index, [path(k)], 'layout.besideBlankInRow', blank.map(path).join(', ')));
    });
  });
}
