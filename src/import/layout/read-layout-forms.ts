/**
 * The reader for `pdftotext -layout` text: lines → rows (wrapped cells joined to their row) →
 * a Grid with the columns rebuilt from positions → the shared form recogniser, as for PDFs and
 * spreadsheets. Labels come from the templates, through the recogniser's own helpers.
 */
import { templateRegistry } from '../../core/templates/registry.ts';
import { printedColumns, type Template } from '../../core/templates/template.ts';
import { AMOUNT_FIELDS } from '../../core/templates/form-fields.ts';
import { readAmount, readDate, readPoints, readRate, readYesNo } from '../../core/values/read-value.ts';
import { isTitleOf } from '../grid/detect-template.ts';
import { escapeRegExp, normalizeText } from '../../core/targets/normalize.ts';
import { memoByString } from '../../core/memo.ts';
import { pointsHundredths } from '../../core/numbers/hundredths.ts';
import type { PlacedCell } from '../grid/form-region.ts';
import { HEADER_FIELDS, TEXT_BLOCKS, YES_NO_FIELDS } from '../grid/read-header-fields.ts';
import { recognizeForms } from '../grid/recognize-forms.ts';
import { diagnosticSink } from '../diagnostics.ts';
import type { FileImport, ImportDiagnostic, ImportedForm, ReaderInput } from '../import-result.ts';
import { cellLocation, cellText, firstLineNo, layoutGrid, PRINTED_FIELDS, rowCells, sharesColumns, zoneSpans, type LayoutCell, type TableHints } from './layout-grid.ts';
import { layoutLines, type LayoutLine } from './layout-lines.ts';
import { joinTitleRows, layoutRows, type LayoutRow } from './layout-rows.ts';
import { leftoverLineCells } from './leftover-lines.ts';
import { joinOrphanValues, joinSplitLabelRows, joinAnswersToQuestions, joinStrayValues } from './orphan-values.ts';
import { besideSeam, tableRows } from './layout-table-rows.ts';
import { blankBesideDoubts, captionsOutOfColumn, doubtfulValues, filledBesideBlank, holds, offCentreCaptions, tiedCaptions, unclearFields } from './doubtful-rows.ts';
import { linesWithRoom, readsFigure, unreadBesideBareLabels, unreadCells, valuesBesideBareLabels, valuesInOtherSlots, valuesUnderFullLines, valuesUnderLabels } from './header-doubts.ts';
import { valueAt } from './field-report.ts';
import { blankNeighbourCells, partedCells, sharedColumnCells, stackedFigureCells, touchingColumnCells, touchingRowCells, touchingTableCells, twoEdgedCells } from './touching-rows.ts';
import { joinWrappedLabels, type LabelFit } from './layout-wraps.ts';
import { blocksUnderHeadings } from './text-blocks.ts';
import { guessedAmountCells } from './funding-rows.ts';
import { LabelIndex } from '../labels/label-index.ts';

/** A field whose value is a figure (an amount, the execution rate), printed in its own column. */
const isFigureField = (field: string) => AMOUNT_FIELDS.has(field) || field === 'project.executionRate';

/** Fields of the tables, read by their columns: the header checks leave them to the figures' checks. */
const TABLE_PATH = /^(indicators\[|funding\[|totals\.|execution\.)/u;

const FUNDING_COLUMNS = ['funding[].initial', 'funding[].adjusted', 'funding[].executed', 'form.funding.weight', 'form.funding.rate', 'form.funding.score'];

function pseudoCell(text: string): PlacedCell {
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, text, location: '', vrow: 0, source: '' };
}

function isNumber(text: string): boolean {
  return readPoints(text).ok || readRate(text).ok || readDate(text).ok || readAmount(text, '元').ok;
}

const isNumberText = memoByString(isNumber);

interface Labelling {
  hints: TableHints;
  isLabelText: (text: string) => boolean;
  /** Whether a row (its cells' texts, left to right) holds the notes under a form (说明：1、…), which are no field. */
  isNotesRow: (texts: readonly string[]) => boolean;
  fit: (text: string) => LabelFit;
  /** As `fit`, for the header: the starts of the indicator table's titles do not count. */
  headerFit: (text: string) => LabelFit;
  isAnchor: (line: LayoutLine) => boolean;
  isTextAnchor: (line: LayoutLine) => boolean;
  isTitle: (line: LayoutLine) => boolean;
  /** The header fields (HEADER_FIELDS) a label names, in any template. */
  headerFieldsOf: (text: string) => readonly string[];
  /** Whether a text is a template's yes or no word (是 / 否). */
  isAnswer: (text: string) => boolean;
  /** Whether a text is a template's grade (优秀, 良): the value of 绩效等级 only. */
  isGrade: (text: string) => boolean;
  /** A label of a field whose value is a figure (an amount, the execution rate). */
  isFigureLabel: (text: string) => boolean;
  /** A line with a required text field's label and no value beside it (see bareRequiredLabel). */
  needsValue: (line: LayoutLine) => boolean;
}

/**
 * Hints and anchors from every template's labels (the form's template is not known yet). Every
 * question is a pure function of one piece of text, so the answers are memoised (bounded), and
 * the labelling is built once per set of templates and kept for the next read.
 */
function labelling(templates: readonly Template[]): Labelling {
  const all = templates.map((t) => new LabelIndex(t));
  // What each template's labels say of a text, asked once per text.
  const matched = memoByString((text) => all.map((l) => l.matches(text)));
  const isTitleText = memoByString((text) => templates.some((t) => isTitleOf(t, pseudoCell(text))));
  const isLabel = memoByString((text) => matched(text).some((keys) => [...keys].some((k) => !NOT_LABELS.has(k))) || isTitleText(text));
  const fieldOf = all.map((labels, i) => memoByString((t) => labels.columnOf(matched(t)[i]!) ?? FUNDING_COLUMNS.find((k) => matched(t)[i]!.has(k))));
  const isTotalsText = memoByString((t) => matched(t).some((keys) => keys.has('totals') || keys.has('totals.score')));
  const isFieldLabel = memoByString((text) => all.some((l, i) => l.columnOf(matched(text)[i]!) === undefined && HEADER_FIELDS.some((k) => matched(text)[i]!.has(k))));
  // Each step of the rows asks where the tables are, of the same rows' texts (see cellTextsOf): asked once per texts.
  const titlesOf = new WeakMap<readonly string[], ReadonlyArray<string | undefined>>();
  const hints: TableHints = {
    titles(texts) {
      const known = titlesOf.get(texts);
      if (known !== undefined) return known;
      let best: Array<string | undefined> = [];
      for (const field of fieldOf) {
        const fields = texts.map(field);
        if (fields.filter(Boolean).length > best.filter(Boolean).length) best = fields;
      }
      titlesOf.set(texts, best);
      return best;
    },
    isTotals: (texts) => texts.some(isTotalsText),
    // A field outside the tables (预期目标, 自评时间) ends the reach of a title row.
    isFieldLabel,
    isLabel,
    caption: captionFit(templates),
    nests: captionNests(templates),
    speaksOf: nameSpeaksOf(templates),
    captionPoints: captionPoints(templates),
    points: memoByString((text) => {
      const read = readPoints(text);
      return read.ok ? pointsHundredths(read.value) : undefined;
    }),
  };
  // The notes under a form (说明：1、…) start a row of their own.
  const notes = templates
    .flatMap((t) => (t.fieldLabels['form.notes'] ? [normalizeText(t.fieldLabels['form.notes'].zh)] : []))
    .map((k) => /^[^:]{1,8}:/u.exec(k)?.[0] ?? '')
    .filter((k) => k !== '');
  const isNotes = (text: string) => notes.some((k) => normalizeText(text).startsWith(k));
  // A label set apart from its value by a single space (项目年度总目 标 / 按照…) is a token of its own.
  const isAnchor = (line: LayoutLine) =>
    line.pieces.some((p) => isNumberText(p.text) || isLabel(p.text)) || line.tokens.some((t) => isLabel(t.text)) || (line.pieces[0] !== undefined && isNotes(line.pieces[0].text));
  // The anchor of a row of text: a label, no figure (the tables' rows hold figures).
  const isTextAnchor = (line: LayoutLine) => line.tokens.some((t) => isLabel(t.text)) && !line.pieces.some((p) => isNumberText(p.text));
  const isSubtitle = subtitleTest(templates);
  // A title, and the subtitle under it (（2022年度）), are rows of their own: nothing wraps into them.
  const isTitle = (line: LayoutLine) => line.pieces.some((p) => isTitleText(p.text) || isSubtitle(p.text));
  const isNotesRow = (texts: readonly string[]) => texts[0] !== undefined && isNotes(texts[0]);
  const headerFieldsOf = memoByString((text) => HEADER_FIELDS.filter((k) => matched(text).some((keys) => keys.has(k))));
  const isAnswer = memoByString((text) => matched(text).some((keys) => keys.has('form.yes') || keys.has('form.no')));
  const grades = new Set(templates.flatMap((t) => t.grades.map((g) => normalizeText(g.label.zh))));
  const isGrade = (text: string) => grades.has(normalizeText(text));
  const isFigureLabel = (text: string) => headerFieldsOf(text).some(isFigureField);
  // Text fields only: a figure's value is printed elsewhere (its column), whatever the lines around it hold.
  const needsValue = bareRequiredLabel(templates, (text) => (isFigureLabel(text) ? [] : headerFieldsOf(text)), isLabel);
  return { hints, isAnchor, isTextAnchor, isTitle, isNotesRow, isLabelText: isLabel, fit: labelFit(templates, isLabel), headerFit: labelFit(templates, isLabel, true), headerFieldsOf, isAnswer, isGrade, isFigureLabel, needsValue };
}

/**
 * Whether a line holds the label of a text field every template requires (项目名称, 主管部门) with no
 * value beside it (nothing right of it, or the next label): its value is printed on another line.
 */
function bareRequiredLabel(templates: readonly Template[], headerFieldsOf: (text: string) => readonly string[], isLabel: (text: string) => boolean): (line: LayoutLine) => boolean {
  const requiredBy = (t: Template) => new Set(t.requiredFields.filter((r) => r.severity === 'error').map((r) => r.field));
  const sets = templates.map(requiredBy);
  const required = (field: string) => sets.length > 0 && sets.every((set) => set.has(field));
  return (line) =>
    line.tokens.some((t, i) => {
      const fields = headerFieldsOf(t.text);
      const next = line.tokens[i + 1];
      return fields.length > 0 && fields.every(required) && (next === undefined || isLabel(next.text));
    });
}

/** A caption's points as printed after it: 产出指标(45分). */
const POINTS_SUFFIX = /[(（][\d.]+分[)）]$/u;

/** The templates' captions of the merged columns (一级指标 by its label, 二级指标), whole or begun. */
function captionFit(templates: readonly Template[]): (field: string, text: string) => 'whole' | 'part' | undefined {
  const known: Record<string, string[]> = {
    category: templates.flatMap((t) => t.categories.map((c) => normalizeText(c.label.zh))),
    subcategory: templates.flatMap((t) => t.categories.flatMap((c) => c.subcategories.map((s) => normalizeText(s)))),
  };
  const fitOf = (list: readonly string[]) =>
    memoByString((text): 'whole' | 'part' | undefined => {
      const key = captionKey(text);
      if (key === '') return undefined;
      return list.includes(key) ? 'whole' : list.some((k) => k.startsWith(key)) ? 'part' : undefined;
    });
  const fits: Record<string, (text: string) => 'whole' | 'part' | undefined> = { category: fitOf(known.category!), subcategory: fitOf(known.subcategory!) };
  return (field, text) => fits[field]?.(text);
}

/** A caption as the templates spell it, without the points printed after it. */
const captionKey = memoByString((text) => normalizeText(text).replace(POINTS_SUFFIX, ''));

/**
 * Whether a 二级指标 caption may stand under a 一级指标 caption (its points printed after it or not):
 * false only when both are the templates' captions and no template has the one under the other.
 */
function captionNests(templates: readonly Template[]): (subcategory: string, category: string) => boolean {
  const categories = templates.flatMap((t) => t.categories.map((c) => ({ label: normalizeText(c.label.zh), subcategories: new Set(c.subcategories.map((s) => normalizeText(s))) })));
  const subcategories = new Set(categories.flatMap((c) => [...c.subcategories]));
  return (subcategory, category) => {
    const sub = normalizeText(subcategory);
    const label = captionKey(category);
    const owners = categories.filter((c) => c.label === label);
    return !subcategories.has(sub) || owners.length === 0 || owners.some((c) => c.subcategories.has(sub));
  };
}

/** Whether an indicator's name holds one of the words a template gives its 二级指标's names (TableHints.speaksOf). */
function nameSpeaksOf(templates: readonly Template[]): (subcategory: string, name: string) => boolean {
  const words = new Map<string, string[]>();
  for (const category of templates.flatMap((t) => t.categories)) {
    for (const [subcategory, given] of Object.entries(category.nameWords ?? {})) {
      const key = normalizeText(subcategory);
      words.set(key, [...(words.get(key) ?? []), ...given.map(normalizeText)]);
    }
  }
  return (subcategory, name) => {
    const key = normalizeText(name);
    // A name that is a sentence (…资金使用规范，取得了…) names no kind of indicator, whatever words it holds.
    if (SENTENCE_MARK.test(key)) return false;
    return (words.get(normalizeText(subcategory)) ?? []).some((w) => key.includes(w));
  };
}

/** Punctuation parting the clauses of a sentence. */
const SENTENCE_MARK = /[，。；,;]/u;

/**
 * The points a 一级指标 caption's indicators add up to, in hundredths: as printed after it
 * (产出指标(45分)), else each template's points for the block it names (its cap of that block alone).
 */
function captionPoints(templates: readonly Template[]): (text: string) => readonly number[] {
  return memoByString((text) => {
    const key = normalizeText(text);
    const printed = POINTS_SUFFIX.exec(key);
    if (printed) {
      const read = readPoints(/[\d.]+/u.exec(printed[0])![0]);
      return read.ok ? [pointsHundredths(read.value)] : [];
    }
    const caps = templates.flatMap((t) =>
      t.categories.filter((c) => normalizeText(c.label.zh) === key).flatMap((c) => t.caps.filter((cap) => cap.categories.length === 1 && cap.categories[0] === c.key).map((cap) => pointsHundredths(cap.points))),
    );
    return [...new Set(caps)];
  });
}

/** The templates' subtitles (`（{year}年度）`) as one test of a piece of text. */
function subtitleTest(templates: readonly Template[]): (text: string) => boolean {
  const patterns = templates.flatMap((t) => {
    const subtitle = t.fieldLabels['form.subtitle'];
    return subtitle ? [new RegExp(`^${normalizeText(subtitle.zh).split('{year}').map(escapeRegExp).join('\\d{4}')}$`, 'u')] : [];
  });
  return memoByString((text) => patterns.some((p) => p.test(normalizeText(text))));
}

/** Field-label keys that are values, not labels (是/否) or free text (说明). */
const NOT_LABELS = new Set(['form.yes', 'form.no', 'form.notes']);
/** The indicator fields every row prints, where the form has their column: a blank one in a row in doubt may be a neighbour's. */
const ROW_FIELDS = new Set([...PRINTED_FIELDS, 'weight', 'score']);

/**
 * Every printed spelling of the templates' field labels and column titles, as keys without white
 * space; `headerOnly`: those of the fields outside the indicator table only.
 */
function labelTexts(templates: readonly Template[], headerOnly = false): string[] {
  const labels = templates.flatMap((t) => [
    ...Object.entries(t.fieldLabels).filter(([key]) => !NOT_LABELS.has(key) && !(headerOnly && key.startsWith('indicators['))).map(([, label]) => label),
    ...(headerOnly ? [] : t.columns.map((c) => c.title)),
  ]);
  // A label naming the amounts' unit ({unit}) prints as 元 or 万元: each wraps its own way (项目资金（万 / 元）).
  return labels
    .flatMap((l) => [l.zh, ...('aliases' in l ? l.aliases : [])])
    .flatMap((text) => (text.includes('{unit}') ? AMOUNT_UNITS.map((unit) => text.replaceAll('{unit}', unit)) : [text]))
    .map((text) => normalizeText(text));
}

const AMOUNT_UNITS = ['元', '万元'];

/**
 * Whether a text is a label, or the start of one (what a label wrapped inside its cell prints on its first lines).
 * `headerOnly`: the start of a header field's label only, for the header, where the indicator table's
 * titles do not print: there 目标 alone is a value's last line, not the start of 目标值.
 */
function labelFit(templates: readonly Template[], isLabel: (text: string) => boolean, headerOnly = false): (text: string) => LabelFit {
  const prefixes = new Set<string>();
  for (const key of labelTexts(templates, headerOnly)) for (let n = 2; n < key.length; n++) prefixes.add(key.slice(0, n));
  const fit = memoByString((text): LabelFit | '' => (isLabel(text) ? 'whole' : prefixes.has(normalizeText(text)) ? 'part' : ''));
  return (text) => {
    const found = fit(text);
    return found === '' ? undefined : found;
  };
}

/** Rows no value of a field is in: tables (read by their columns), titles, the notes. */
function outsideFields(rows: readonly LayoutRow[], hints: TableHints, isTitle: (line: LayoutLine) => boolean, isNotesRow: (texts: readonly string[]) => boolean): (row: number) => boolean {
  const texts = rows.map((r) => cellTextsOf(r, hints));
  const zones = zoneSpans(texts, hints);
  return (r) => zones.some((z) => r >= z.header && r <= z.last) || rows[r]!.lines.some(isTitle) || isNotesRow(texts[r]!);
}

/**
 * A row's cell texts, kept with the row: the rows are joined step by step (orphans, answers, blocks),
 * each step asks where the tables are, and most rows come through a step as they were.
 */
const rowTexts = new WeakMap<LayoutRow, { tokens: number; texts: string[] }>();

function cellTextsOf(row: LayoutRow, hints: TableHints): string[] {
  const known = rowTexts.get(row);
  if (known !== undefined && known.tokens === row.tokens.length) return known.texts;
  const texts = rowCells(row.tokens, 0, hints.isLabel).map(cellText);
  rowTexts.set(row, { tokens: row.tokens.length, texts });
  return texts;
}

/** The last few labellings, by the very template objects they were built from. */
const labellings: Array<{ templates: readonly Template[]; labelling: Labelling }> = [];

function labellingFor(templates: readonly Template[]): Labelling {
  const hit = labellings.find((l) => l.templates.length === templates.length && l.templates.every((t, i) => t === templates[i]));
  if (hit) return hit.labelling;
  const made = { templates, labelling: labelling(templates) };
  labellings.unshift(made);
  labellings.length = Math.min(labellings.length, 4);
  return made.labelling;
}

export function readLayoutText(input: ReaderInput, text: string, templates: readonly Template[] = []): FileImport {
  const registry = templateRegistry(templates);
  const { hints, isAnchor, isTextAnchor, isTitle, isNotesRow, isLabelText, fit, headerFit, headerFieldsOf, isAnswer, isGrade, isFigureLabel, needsValue } = labellingFor(registry.ids().map((id) => registry.get(id)!));
  const lines = joinWrappedLabels(layoutLines(text), fit);
  // titles() gives no list at all when no text is a title.
  const onlyTitles = (texts: readonly string[]) => {
    const fields = hints.titles(texts);
    return texts.length > 0 && fields.length === texts.length && fields.every((f) => f !== undefined);
  };
  // A line of nothing but column titles is no wrapped line of the text above or below it.
  const isolated = (line: LayoutLine) => isTitle(line) || onlyTitles(line.tokens.map((t) => t.text));
  const titlesAndLabels = (texts: readonly string[]) => {
    const fields = hints.titles(texts);
    return fields.some((f) => f !== undefined) && texts.every((t, i) => fields[i] !== undefined || isLabelText(t));
  };
  const opensNotes = (line: LayoutLine) => isNotesRow(line.pieces.map((p) => p.text));
  // What a label's field may take: a yes/no question only 是/否, a figure's label only a figure.
  const fitsField = (label: string, value: string) => {
    const fields = headerFieldsOf(label);
    if (fields.length > 0 && fields.every((f) => YES_NO_FIELDS.has(f))) return isAnswer(value);
    if (fields.length > 0 && fields.every(isFigureField)) return isNumberText(value);
    return true;
  };
  const isTitleRow = (line: LayoutLine) => titlesAndLabels(line.tokens.map((t) => t.text));
  const titled = joinTitleRows(layoutRows(lines, isAnchor, isolated, opensNotes, { isAnchor: isTextAnchor, isLabel: isLabelText, isFigureLabel, needsValue, isTitleRow }), onlyTitles, titlesAndLabels);
  // Two labelled rows that are one printed row (`当年预算数  2,247,524.82` over `45,750,000.00  上年预算金额`)
  // are joined first: else the value left of the second row's label is an orphan and goes to the next label below.
  const splitFirst = joinSplitLabelRows(titled, isLabelText, outsideFields(titled, hints, isolated, isNotesRow), true);
  const orphansJoined = joinOrphanValues(splitFirst, isLabelText, outsideFields(splitFirst, hints, isolated, isNotesRow));
  // A value a line off its label, beside another label's value (set at the top of its cell), goes to its own label.
  const strayJoined = joinStrayValues(orphansJoined, isLabelText, outsideFields(orphansJoined, hints, isolated, isNotesRow), fitsField);
  const split = joinSplitLabelRows(strayJoined, isLabelText, outsideFields(strayJoined, hints, isolated, isNotesRow));
  // 是/否 answers 是否为经常性项目; a figure with its % answers only 预算执行率（%）, never an amount's label.
  const isRate = (text: string) => text.endsWith('%') && readRate(text).ok;
  // A grade (合格) answers only 绩效等级, a date only 自评时间: printed a line off them, they fall into the row of the text block below.
  const isDate = (text: string) => readDate(text).ok;
  const fieldOf = (answer: string) => (isGrade(answer) ? 'grade' : isDate(answer) ? 'evaluatedOn' : 'project.executionRate');
  const answers = (question: string, answer: string) => headerFieldsOf(question).some((f) => (isAnswer(answer) ? YES_NO_FIELDS.has(f) : f === fieldOf(answer)));
  const isAnyAnswer = (text: string) => isAnswer(text) || isRate(text) || isGrade(text) || isDate(text);
  const answered = joinAnswersToQuestions(split, answers, isAnyAnswer, isLabelText, outsideFields(split, hints, isolated, isNotesRow));
  const isBlockLabel = (text: string) => headerFieldsOf(text).some((f) => TEXT_BLOCKS.has(f));
  const rows = tableRows(blocksUnderHeadings(answered, isBlockLabel, isLabelText, outsideFields(answered, hints, isolated, isNotesRow)), lines, hints);
  const { grid: laid, cells, notes, zones } = layoutGrid(rows, hints, 'text');
  // The notes under a form are read by no field; left in, a blank field above them would take them.
  const notesRows = new Set(cells.flatMap((row, r) => (isNotesRow([...row].sort((a, b) => a.start - b.start).map(cellText)) ? [r] : [])));
  const grid = { ...laid, cells: laid.cells.filter((c) => !notesRows.has(c.row)) };
  // Titles and notes are rows of their own, and tables are checked by their figures.
  const inTable = (r: number) => notesRows.has(r) || rows[r]!.lines.some(isTitle) || zones.some((z) => r >= z.header && r <= z.last);
  const touching = [
    ...touchingRowCells(rows, cells, inTable, cellLocation),
    ...touchingColumnCells(cells, inTable, isLabelText, cellLocation),
    ...leftoverLineCells(cells, inTable, isLabelText, cellLocation),
    // A header value cell joined from text printed apart (a tall cell's value set at its top, the
    // next label's value set at the top of its own): either part may be another field's.
    ...partedCells(cells, (r) => !inTable(r), cellLocation),
  ];
  const inZone = (r: number) => zones.some((z) => r >= z.header && r <= z.last);
  // A table's data rows (between its titles and its last row).
  const inBody = (r: number) => zones.some((z) => r > z.header && r <= z.last);
  const shared = [
    ...touchingTableCells(rows, cells, inBody, cellLocation),
    ...sharedColumnCells(cells, inZone, sharesColumns, cellLocation),
    ...sharedColumnCells(cells, inZone, (c) => c.tokens.some(besideSeam), cellLocation).map((u) => ({ ...u, key: 'layout.cellSeam' as const })),
    ...guessedAmountCells(cells, inZone, cellLocation),
    ...stackedFigureCells(rows, cells, inBody, cellLocation),
    ...partedCells(cells, inBody, cellLocation),
    ...twoEdgedCells(cells, inBody, cellLocation),
    ...blankNeighbourCells(rows, cells, zones, cellLocation),
  ];
  const result = recognizeForms([grid], {
    file: input.file,
    registry,
    ...(input.templateId === undefined ? {} : { templateId: input.templateId }),
  });
  // Header cells (outside the tables) whose place leaves their field in doubt.
  const readTexts = result.forms.flatMap((form) => Object.entries(form.locations).flatMap(([path, location]) => (TABLE_PATH.test(path) ? [] : [{ location, value: String(valueAt(form.evaluation, path) ?? '') }])));
  // Figures, dates and 是/否 are stored otherwise than printed: a figure is read where a field at its
  // place holds its digits (or its date), 是/否 wherever printed (checked by the answers' own tests).
  const readAt = new Map<string, string[]>();
  for (const r of readTexts) if (r.value.trim() !== '') readAt.set(r.location, [...(readAt.get(r.location) ?? []), r.value]);
  const read = (cell: LayoutCell) => {
    const text = cellText(cell);
    const values = readAt.get(cellLocation(cell)) ?? [];
    return readYesNo(text).ok || values.some((value) => (isNumberText(text) ? readsFigure(text, value) : holds(text, value)));
  };
  // A label wrapped in its cell (具体实施处（科室 / ）) is a label in each of its pieces.
  const isLabelPiece = (text: string) => headerFit(text) !== undefined;
  const header = [
    ...unreadCells(cells, inTable, isLabelPiece, read, cellLocation),
    ...valuesBesideBareLabels(cells, inTable, isLabelPiece, cellLocation),
    ...valuesInOtherSlots(cells, inTable, isLabelText, cellLocation),
    ...linesWithRoom(cells, inTable, isLabelPiece, cellLocation),
    ...valuesUnderFullLines(cells, inTable, isLabelPiece, cellLocation),
  ];
  // A 一级指标 left open is inferred from the template's points and said so by the recogniser.
  const unclear = diagnosticSink(input.file);
  for (const n of notes) {
    if (n.offCentre) continue;
    if (n.field !== 'category' && n.kept === undefined) unclear.add('warning', 'LAYOUT_SPAN_UNCLEAR', 'layout.spanUnclear', { line: n.lineNo, column: n.column, first: n.first, second: n.second }, { line: n.lineNo });
  }
  const doubts = result.forms.flatMap((form, i) => [
    ...unclearFields(input.file, form, i, touching),
    ...unclearFields(input.file, form, i, shared, true),
    ...doubtfulValues(input.file, form, i, registry.get(form.evaluation.template)!),
    ...captionsOutOfColumn(input.file, form, i, result.diagnostics),
    ...offCentreCaptions(input.file, form, i, notes),
    ...tiedCaptions(input.file, form, i, notes),
  ]);
  // A block read by a field other than the heading printed over it: that field, and the heading's, are in doubt.
  const under = valuesUnderLabels(cells, inTable, isLabelPiece, headerFieldsOf);
  const misread = (form: ImportedForm) =>
    under.flatMap(({ cell, fields }) => {
      const text = cellText(cell);
      const paths = Object.keys(form.locations).filter((p) => !TABLE_PATH.test(p)).filter((p) => form.locations[p] === cellLocation(cell) && holds(text, String(valueAt(form.evaluation, p) ?? '')));
      if (paths.length === 0 || paths.some((p) => fields.includes(p))) return [];
      const lineNo = firstLineNo(cell);
      return [{ location: cellLocation(cell), lineNo, key: 'layout.underOtherLabel' as const, text }, ...fields.flatMap((f) => (form.locations[f] === undefined ? [] : [{ location: form.locations[f]!, lineNo, key: 'layout.underOtherLabel' as const }]))];
    });
  // What the cells' places doubt is said once per field, where no other check has said it.
  const placeDoubts = result.forms.flatMap((form, i) => unclearFields(input.file, form, i, [...header, ...misread(form)])).filter((d, k, all) => all.findIndex((e) => e.path === d.path) === k && !doubts.some((e) => e.path === d.path));
  const blankBeside = unreadBesideBareLabels(cells, inTable, isLabelPiece, read);
  const blankDoubts = result.forms.flatMap((form, i) => leftoverBlankFields(input.file, form, i, blankBeside, headerFieldsOf));
  const said = [...unclear.diagnostics, ...result.diagnostics, ...doubts, ...placeDoubts, ...blankDoubts];
  // Fields every indicator row prints (name, target, …: the template's columns but 备注 and the captions).
  const printed = (form: ImportedForm) => printedColumns(registry.get(form.evaluation.template)!).map((c) => c.field).filter((f) => ROW_FIELDS.has(f));
  const besideBlank = filledBesideBlank(input.file, result.forms, printed).filter((d) => !said.some((e) => e.path === d.path));
  return { ...result, diagnostics: [...said, ...besideBlank, ...blankBesideDoubts(input.file, result.forms, said, printed)] };
}

/**
 * A line read by no field, in the value column of a bare label above or below it: that label's
 * field, if blank, may be that line. No check names a blank field (it has no cell), so this one does.
 */
function leftoverBlankFields(file: string, form: ImportedForm, index: number, beside: ReadonlyArray<{ lineNo: number; label: string }>, fieldsOf: (text: string) => readonly string[]): ImportDiagnostic[] {
  const sink = diagnosticSink(file, [], { pathPrefix: `evaluations[${index}].` });
  for (const { lineNo, label } of beside) {
    for (const field of fieldsOf(label)) {
      if (String(valueAt(form.evaluation, field) ?? '').trim() !== '') continue;
      sink.add('warning', 'LAYOUT_CELL_UNCLEAR', 'layout.lineLeftOver', { line: lineNo, field }, { line: lineNo, path: field });
    }
  }
  return sink.diagnostics;
}

/** For tests and tools: the labelling over the built-in templates. */
export function labellingForTest() {
  const registry = templateRegistry();
  return labelling(registry.ids().map((id) => registry.get(id)!));
}
