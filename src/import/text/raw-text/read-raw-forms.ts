/**
 * `pdftotext -raw` text read back into forms, where its order allows it, else refused.
 *
 * Raw mode writes a table row as its cells in order, one space apart, on one line; the cells
 * drawn in a second pass (wrapped text, mixed Chinese and Latin, some merged captions) come out
 * later on the page, without anything that says which row or column they came from. So:
 * - the lines in place are read as the form's rows (label | value lines, the funding block, the
 *   indicator rows, the totals), each row's cells given to columns only where that is the one
 *   possible reading (see row-cells.ts);
 * - every line left over must be a word of the template (the title, a label, a column title, a
 *   一级/二级指标 caption, a funding source, the notes). Those are given back to the rows and values
 *   that lack them only where the order decides it (the only row without its 二级指标, the one
 *   funding source the template has between two printed ones, values in order of their labels);
 * - any other line left over is a cell whose place is lost: the text is refused, as is a reading
 *   whose weights and scores do not add up to the template's blocks and the printed totals.
 */
import { addsUp } from '../../adds-up.ts';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { templateRegistry } from '../../../core/templates/registry.ts';
import type { Template } from '../../../core/templates/template.ts';
import { normalizeText } from '../../../core/targets/normalize.ts';
import { compareHundredths, pointsHundredths, readAmount, readRate } from '../../../core/values/read-value.ts';
import { isTitleOf } from '../../grid/detect-template.ts';
import { FormLabels } from '../../grid/form-labels.ts';
import type { PlacedCell } from '../../grid/form-region.ts';
import type { Grid, GridCell } from '../../grid/grid.ts';
import { labelKey, labelVariants } from '../../labels/label-key.ts';
import { HEADER_FIELDS } from '../../grid/read-header-fields.ts';
import { recognizeForms } from '../../grid/recognize-forms.ts';
import type { FileImport } from '../../import-result.ts';
import { isTitleLine, titleKeys } from './flavour.ts';
import { isBlankLine, type RawLine } from './raw-lines.ts';
import { pointsHundredthsOf, rowReadings, type RowCells } from './row-cells.ts';
import { printedColumns } from '../../../core/templates/template.ts';

/** Why a form cannot be read: the first line whose place is lost, or the sums that fail. */
export type Refusal = { kind: 'orderLost'; line: number } | { kind: 'doesNotAddUp'; line: number; what: string };

export type RawReading = { ok: true; result: FileImport } | { ok: false; refusal: Refusal };

const GROUPED = new Set(['category', 'subcategory']);
const TEXT_BLOCKS = new Set(['annualGoal', 'actualOutcome', 'achievements', 'problems', 'improvements']);
const SOURCE_KEYS = ['form.funding.total', 'form.funding.appropriation', 'form.funding.carryOver', 'form.funding.other'];
const FUNDING_TITLE_KEYS = ['funding[].initial', 'funding[].adjusted', 'funding[].executed', 'form.funding.weight', 'form.funding.rate', 'form.funding.score'];
const AMOUNT_TITLES = 3;
/** Rows that read in several ways: at most this many readings each, and this many combinations tried against the sums. */
const MAX_READINGS = 4;
const MAX_COMBINATIONS = 256;
/** A word of the template wrapped in its cell runs over at most this many lines. */
const MAX_WRAP = 6;
/** Column where a label printed without a value is put, so that nothing lies right of or under it. */
const ALONE = 100;

function pseudo(text: string): PlacedCell {
  return { row: 0, col: 0, rowSpan: 1, colSpan: 1, text, location: '', vrow: 0, source: '' };
}

/** What a left-over line (or lines, for a wrapped word) is a word of. */
type Word =
  | { kind: 'title' | 'subtitle' | 'column' | 'notes' }
  | { kind: 'label'; path: string }
  | { kind: 'category'; key: string }
  | { kind: 'subcategory'; text: string; category: string }
  | { kind: 'source'; index: number };

class Vocabulary {
  readonly labels: FormLabels;
  readonly columnKeys: ReadonlySet<string>;
  private readonly subtitle: RegExp | undefined;
  private readonly notes: string | undefined;

  constructor(readonly template: Template) {
    this.labels = FormLabels.of(template);
    this.columnKeys = titleKeys(template);
    const subtitle = template.fieldLabels['form.subtitle'];
    this.subtitle = subtitle ? new RegExp(`^${labelKey(subtitle.zh).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace('\\{year\\}', '\\d{4}')}$`, 'u') : undefined;
    const notes = template.fieldLabels['form.notes'];
    this.notes = notes ? normalizeText(notes.zh) : undefined;
  }

  isTitle(text: string): boolean {
    return isTitleOf(this.template, pseudo(text));
  }

  isSubtitle(text: string): boolean {
    return this.subtitle?.test(labelKey(text)) ?? false;
  }

  /** The header field (or goal heading) a token labels. */
  fieldOf(text: string): string | undefined {
    if (labelKey(text) === '') return undefined;
    for (const path of [...HEADER_FIELDS, 'form.goalHeading', 'form.goalExpected', 'form.goalActual']) {
      if (this.labels.has(path) && this.labels.match(path, text)) {
        // 年度总体目标 is both the heading and a spelling of the goal; the heading wins where the template has one.
        if (path === 'annualGoal' && this.labels.has('form.goalHeading') && this.labels.match('form.goalHeading', text)) return 'form.goalHeading';
        if (path === 'annualGoal' && this.labels.has('form.goalExpected') && this.labels.match('form.goalExpected', text)) return 'form.goalExpected';
        if (path === 'actualOutcome' && this.labels.has('form.goalActual') && this.labels.match('form.goalActual', text)) return 'form.goalActual';
        return path;
      }
    }
    return undefined;
  }

  isTotals(text: string): boolean {
    return this.labels.match('totals.score', text) !== undefined || this.labels.match('totals', text) !== undefined;
  }

  isFundingHeading(text: string): boolean {
    return this.labels.has('funding') && this.labels.match('funding', text) !== undefined;
  }

  fundingTitle(text: string): string | undefined {
    return FUNDING_TITLE_KEYS.find((k) => this.labels.has(k) && this.labels.match(k, text));
  }

  source(text: string): number | undefined {
    const index = SOURCE_KEYS.findIndex((k) => this.labels.has(k) && this.labels.match(k, text));
    return index < 0 ? undefined : index;
  }

  category(text: string): string | undefined {
    const key = labelKey(text);
    for (const c of this.template.categories) {
      const label = normalizeText(c.label.zh);
      if (key === label || (key.startsWith(label) && /^\(\d+(\.\d+)?分\)$/u.test(key.slice(label.length)))) return c.key;
    }
    return undefined;
  }

  subcategory(text: string): { text: string; category: string } | undefined {
    const key = labelKey(text);
    for (const c of this.template.categories) {
      const hit = c.subcategories.find((s) => normalizeText(s) === key);
      if (hit) return { text: hit, category: c.key };
    }
    return undefined;
  }

  /** The template word these joined lines print, if any. */
  word(text: string): Word | undefined {
    if (this.isTitle(text)) return { kind: 'title' };
    if (this.isSubtitle(text)) return { kind: 'subtitle' };
    const category = this.category(text);
    if (category) return { kind: 'category', key: category };
    const sub = this.subcategory(text);
    if (sub) return { kind: 'subcategory', ...sub };
    const source = this.source(text);
    if (source !== undefined) return { kind: 'source', index: source };
    if (this.notes !== undefined && normalizeText(text) === this.notes) return { kind: 'notes' };
    const path = this.fieldOf(text);
    if (path) return { kind: 'label', path };
    if (this.columnKeys.has(labelKey(text)) || this.isTotals(text) || this.isFundingHeading(text) || this.fundingTitle(text)) return { kind: 'column' };
    return undefined;
  }
}

interface Cell {
  text: string;
  line: number;
  col: number;
  rowSpan?: number;
}

interface IndicatorRow {
  line: number;
  cells: RowCells;
  /** Every reading of the row's tokens; more than one until the sums decide. */
  readings: RowCells[];
  category: string | undefined;
  categoryLine: number | undefined;
  subcategory: string | undefined;
  subcategoryLine: number | undefined;
}

/** A value printed without its label (the label was drawn later): where to put the label back. */
interface Orphan {
  row: Cell[];
  at: number;
  line: number;
}

interface Word1 {
  word: Word;
  line: number;
  text: string;
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

const lost = (line: number): never => {
  throw new Refused({ kind: 'orderLost', line });
};

/** One form's lines → its grid. */
class FormParser {
  private readonly rows: Cell[][] = [];
  private readonly top: Cell[][] = [];
  private readonly leftOver: RawLine[] = [];
  private readonly orphans: Orphan[] = [];
  private readonly lonely: Array<{ path: string; line: number; text: string }> = [];
  private readonly indicators: IndicatorRow[] = [];
  private readonly unlabelledFunding: Array<{ row: Cell[]; line: number; after: number | undefined }> = [];
  private readonly fundingSeen: number[] = [];
  private state: 'fields' | 'funding' | 'goal' | 'table' | 'after' = 'fields';
  private fundingHeading: Cell | undefined;
  private fundingColumns: string[] = [];
  private fundingRows = 0;
  private tableFields: string[] = [];
  private caption: { key: string; line: number } | undefined;
  private standingSub: { text: string; line: number } | undefined;
  private goalColumns = 0;
  private printedTotals: { weight: string; score: string; line: number } | undefined;
  /** The execution score printed in the funding block's first row. */
  private executionScore: string | undefined;

  constructor(private readonly v: Vocabulary) {}

  parse(lines: readonly RawLine[]): Grid {
    for (const line of lines) if (!isBlankLine(line)) this.line(line);
    this.placeLeftOvers();
    return this.grid();
  }

  private line(line: RawLine): void {
    if (this.v.isTitle(line.text)) return void this.top.unshift([{ text: line.text, line: line.no, col: 0 }]);
    if (this.v.isSubtitle(line.text)) return void this.top.push([{ text: line.text, line: line.no, col: 0 }]);
    if (this.state === 'funding' && this.fundingLine(line)) return;
    if (this.state === 'goal' && this.goalLine(line)) return;
    if (this.state === 'table') return this.tableLine(line);
    if (isTitleLine(line, this.v.columnKeys)) return this.tableHeader(line);
    if (line.tokens.length === 1 && this.v.isFundingHeading(line.text)) {
      this.fundingHeading = { text: line.text, line: line.no, col: 0 };
      this.rows.push([this.fundingHeading]);
      this.state = 'funding';
      return;
    }
    this.fieldLine(line);
  }

  /** 项目名称 X 预算单位 Y …: labels and their values, values without a label kept to be paired. */
  private fieldLine(line: RawLine): void {
    const paths = line.tokens.map((t) => this.v.fieldOf(t));
    if (paths.every((p) => p === undefined)) return void this.leftOver.push(line);
    if (paths[0] === 'form.goalExpected' || paths[0] === 'form.goalActual') {
      if (paths.some((p) => p === undefined)) lost(line.no);
      this.rows.push(line.tokens.map((t, i) => ({ text: t, line: line.no, col: i })));
      this.goalColumns = line.tokens.length;
      this.state = 'goal';
      return;
    }
    if (paths.length === 1 && paths[0] === 'form.goalHeading') return void this.rows.push([{ text: line.text, line: line.no, col: 0 }]);
    const row: Cell[] = [];
    let i = 0;
    while (i < line.tokens.length) {
      const path = paths[i];
      if (path === undefined) {
        this.orphans.push({ row, at: row.length, line: line.no });
        row.push({ text: line.tokens[i]!, line: line.no, col: 0 });
        i++;
        continue;
      }
      const label: Cell = { text: line.tokens[i]!, line: line.no, col: 0 };
      let end = i + 1;
      while (end < line.tokens.length && paths[end] === undefined) end++;
      if (end === i + 1) {
        if (line.tokens.length === 1) {
          this.lonely.push({ path, line: line.no, text: line.text });
          return;
        }
        row.push(label);
        i++;
        continue;
      }
      // Text blocks take the whole run; any other field one token, the rest are values of labels drawn later.
      const take = TEXT_BLOCKS.has(path) ? end - i - 1 : 1;
      row.push(label, { text: line.tokens.slice(i + 1, i + 1 + take).join(' '), line: line.no, col: 0 });
      i += 1 + take;
    }
    this.rows.push(row);
  }

  /** The 项目资金 block: its column titles, then one row per source. */
  private fundingLine(line: RawLine): boolean {
    const titles = line.tokens.map((t) => this.v.fundingTitle(t));
    if (this.fundingColumns.length === 0 && titles.every((t) => t !== undefined)) {
      this.fundingColumns = titles as string[];
      this.rows.at(-1)!.push(...line.tokens.map((t, i) => ({ text: t, line: line.no, col: 2 + i })));
      return true;
    }
    const source = this.v.source(line.tokens[0]!);
    const values = source === undefined ? line.tokens : line.tokens.slice(1);
    const numbers = values.every((t) => readAmount(t, '元').ok || readRate(t).ok);
    if (source === undefined && (!numbers || values.length === 0)) {
      this.state = 'fields';
      return false;
    }
    if (this.fundingColumns.length === 0 || !numbers) lost(line.no);
    const total = source === 0 || (source === undefined && this.fundingSeen.length === 0 && this.unlabelledFunding.length === 0);
    const expected = total ? [this.fundingColumns.length] : [0, Math.min(AMOUNT_TITLES, this.fundingColumns.length)];
    if (!expected.includes(values.length)) lost(line.no);
    const row: Cell[] = values.map((t, i) => ({ text: t, line: line.no, col: 2 + i }));
    if (total) this.executionScore = values[this.fundingColumns.indexOf('form.funding.score')];
    if (source !== undefined) {
      row.unshift({ text: line.tokens[0]!, line: line.no, col: 1 });
      this.fundingSeen.push(source);
    } else this.unlabelledFunding.push({ row, line: line.no, after: this.fundingSeen.at(-1) });
    this.rows.push(row);
    this.fundingRows++;
    this.fundingHeading!.rowSpan = this.fundingRows + 1;
    return true;
  }

  /** 预期目标 | 实际完成情况, then one line holding both, one space apart. */
  private goalLine(line: RawLine): boolean {
    this.state = 'fields';
    if (isTitleLine(line, this.v.columnKeys) || line.tokens.some((t) => this.v.fieldOf(t) !== undefined)) return false;
    if (line.tokens.length !== this.goalColumns) lost(line.no);
    this.rows.push(line.tokens.map((t, i) => ({ text: t, line: line.no, col: i })));
    return true;
  }

  private tableHeader(line: RawLine): void {
    this.tableFields = printedColumns(this.v.template).map((c) => c.field);
    // A title that wraps in its cell is drawn later: the template's own title stands in for it (row-cells.ts reads every row against all the template's columns).
    this.rows.push(
      printedColumns(this.v.template).map((c, col) => ({ text: line.tokens.find((t) => labelVariants(c.title).has(labelKey(t))) ?? c.title.zh, line: line.no, col })),
    );
    this.state = 'table';
  }

  private tableLine(line: RawLine): void {
    if (isTitleLine(line, this.v.columnKeys)) return;
    if (this.v.isTotals(line.tokens[0]!)) return this.totals(line);
    const tokens = [...line.tokens];
    let category: string | undefined;
    let sub: { text: string; category: string } | undefined;
    if (tokens.length > 0 && (category = this.v.category(tokens[0]!)) !== undefined) tokens.shift();
    if (tokens.length > 0 && (sub = this.v.subcategory(tokens[0]!)) !== undefined) tokens.shift();
    if (tokens.length === 0) {
      // A caption merged over the rows below it.
      if (category !== undefined) this.caption = { key: category, line: line.no };
      if (category !== undefined || sub) this.standingSub = sub ? { text: sub.text, line: line.no } : undefined;
      return;
    }
    const fields = this.tableFields.filter((f) => !GROUPED.has(f));
    const readings = rowReadings(tokens, fields, MAX_READINGS + 1);
    if (readings.length === 0 || readings.length > MAX_READINGS) return void this.leftOver.push(line);
    if (category !== undefined) this.caption = undefined;
    if (sub) this.standingSub = undefined;
    const fromCaption = category === undefined ? this.caption : undefined;
    const fromSub = sub === undefined ? this.standingSub : undefined;
    this.indicators.push({
      line: line.no,
      cells: readings[0]!,
      readings,
      category: category ?? fromCaption?.key,
      categoryLine: category !== undefined ? line.no : fromCaption?.line,
      subcategory: sub?.text ?? fromSub?.text,
      subcategoryLine: sub ? line.no : fromSub?.line,
    });
  }

  private totals(line: RawLine): void {
    const numbers = line.tokens.slice(1);
    if (numbers.length !== 2) lost(line.no);
    this.printedTotals = { weight: numbers[0]!, score: numbers[1]!, line: line.no };
    const weight = this.tableFields.indexOf('weight');
    const score = this.tableFields.indexOf('score');
    this.indicatorRowsToGrid();
    this.rows.push([
      { text: line.tokens[0]!, line: line.no, col: 0 },
      { text: numbers[0]!, line: line.no, col: weight },
      { text: numbers[1]!, line: line.no, col: score },
    ]);
    this.state = 'after';
  }

  private indicatorRowsToGrid(): void {
    // Indicators are put into the grid when the table ends, after their captions are known; see placeLeftOvers.
    this.rows.push([{ text: '\u0000indicators', line: 0, col: 0 }]);
  }

  /** Left-over lines → template words, given back where the order decides; anything else is lost. */
  private placeLeftOvers(): void {
    const words = this.words();
    const subs = words.filter((w) => w.word.kind === 'subcategory');
    const captions = words.filter((w) => w.word.kind === 'category');
    const sources = words.filter((w) => w.word.kind === 'source');
    const labels = words.filter((w) => w.word.kind === 'label').map((w) => ({ path: (w.word as { path: string }).path, line: w.line, text: w.text }));
    this.placeSubcategories(subs);
    this.placeCategories(captions);
    this.chooseReadings();
    this.placeSources(sources);
    this.placeLabels([...this.lonely, ...labels].sort((a, b) => a.line - b.line));
    if (this.indicators.length > 0 && !this.rows.some((r) => r[0]?.text === '\u0000indicators')) lost(this.indicators.at(-1)!.line + 1);
  }

  private words(): Word1[] {
    const out: Word1[] = [];
    const lines = this.leftOver;
    let i = 0;
    while (i < lines.length) {
      let found: { word: Word; n: number } | undefined;
      for (let n = Math.min(MAX_WRAP, lines.length - i); n >= 1; n--) {
        const run = lines.slice(i, i + n);
        if (run.some((l, k) => k > 0 && l.no !== run[k - 1]!.no + 1)) continue;
        const word = this.v.word(run.map((l) => l.text).join(''));
        if (word) {
          found = { word, n };
          break;
        }
      }
      if (!found) lost(lines[i]!.no);
      out.push({ word: found!.word, line: lines[i]!.no, text: lines.slice(i, i + found!.n).map((l) => l.text).join('') });
      i += found!.n;
    }
    return out;
  }

  private placeSubcategories(subs: Word1[]): void {
    if (this.v.template.categories.every((c) => c.subcategories.length === 0)) return;
    const missing = this.indicators.filter((r) => r.subcategory === undefined);
    if (missing.length !== subs.length) lost((missing[0] ?? this.indicators[0])?.line ?? subs[0]?.line ?? 1);
    missing.forEach((row, i) => {
      const word = subs[i]!.word as { text: string; category: string };
      if (row.category !== undefined && row.category !== word.category) lost(subs[i]!.line);
      row.subcategory = word.text;
      row.subcategoryLine = subs[i]!.line;
    });
  }

  /** Rows without a 一级指标: runs of them get the captions left over, in order; one run over several blocks is cut where the template's caps are filled. */
  private placeCategories(captions: Word1[]): void {
    const keys = captions.map((c) => ({ key: (c.word as { key: string }).key, line: c.line })).filter((c, i, all) => i === 0 || all[i - 1]!.key !== c.key);
    const runs: IndicatorRow[][] = [];
    this.indicators.forEach((row, i) => {
      if (row.category !== undefined) return;
      if (i > 0 && this.indicators[i - 1]!.category === undefined) runs.at(-1)!.push(row);
      else runs.push([row]);
    });
    if (runs.length === 0) return;
    if (keys.length === 0) lost(runs[0]![0]!.line);
    if (runs.length === keys.length) {
      runs.forEach((run, i) => run.forEach((row) => ((row.category = keys[i]!.key), (row.categoryLine = keys[i]!.line))));
      return;
    }
    if (runs.length !== 1 || runs[0]!.length !== this.indicators.length) lost(runs[0]![0]!.line);
    const unsure = this.indicators.find((r) => r.readings.length > 1);
    if (unsure) lost(unsure.line);
    let k = 0;
    // Weights in integer hundredths (points have at most 2 decimals): the sums are exact.
    let filled = 0;
    for (const row of this.indicators) {
      const key = keys[k];
      const cap = key && this.v.template.caps.find((c) => c.categories.length === 1 && c.categories[0] === key.key);
      if (!key || !cap) lost(row.line);
      row.category = key!.key;
      row.categoryLine = key!.line;
      filled += pointsHundredthsOf(row.cells.get('weight') ?? '0') ?? 0;
      const against = compareHundredths(filled, cap!.points);
      if (against > 0) lost(row.line);
      if (against === 0) {
        k++;
        filled = 0;
      }
    }
    if (k !== keys.length) lost(this.indicators.at(-1)!.line);
  }

  /**
   * Rows that read in several ways (`=12 12 10 10`: the actual, or a weight of 12 and a remark of
   * 10?): the one combination of readings whose weights fill the template's blocks and whose
   * weights and scores sum to the printed totals. None, or more than one: refused.
   */
  private chooseReadings(): void {
    const unsure = this.indicators.filter((r) => r.readings.length > 1);
    if (unsure.length === 0) return;
    const combinations = unsure.reduce((n, r) => n * r.readings.length, 1);
    if (combinations > MAX_COMBINATIONS || !this.printedTotals) lost(unsure[0]!.line);
    const fits: RowCells[][] = [];
    for (let n = 0; n < combinations && fits.length < 2; n++) {
      let rest = n;
      const pick = unsure.map((r) => {
        const cells = r.readings[rest % r.readings.length]!;
        rest = Math.floor(rest / r.readings.length);
        return cells;
      });
      unsure.forEach((r, i) => (r.cells = pick[i]!));
      if (this.sumsHold()) fits.push(pick);
    }
    if (fits.length !== 1) lost(unsure[0]!.line);
    unsure.forEach((r, i) => (r.cells = fits[0]![i]!));
  }

  private sumsHold(): boolean {
    const template = this.v.template;
    // Row cells were read as points; the printed totals and execution score may be anything.
    // All in integer hundredths, so the sums are exact; the template's numbers are compared exactly.
    const weights = this.indicators.map((r) => pointsHundredthsOf(r.cells.get('weight')!)!);
    const scores = this.indicators.map((r) => pointsHundredthsOf(r.cells.get('score')!)!);
    const totalWeight = pointsHundredthsOf(this.printedTotals!.weight);
    const totalScore = pointsHundredthsOf(this.printedTotals!.score);
    const executionScore = this.executionScore === undefined ? 0 : pointsHundredthsOf(this.executionScore);
    if (totalWeight === null || totalScore === null || executionScore === null) return false;
    for (const cap of template.caps) {
      const inCap = sumOf(this.indicators.flatMap((r, i) => (r.category !== undefined && cap.categories.includes(r.category) ? [weights[i]!] : [])));
      if (compareHundredths(inCap, cap.points) !== 0) return false;
    }
    const executionWeight = template.execution.scored ? template.execution.weight : 0;
    // weights + the execution weight = the printed total, the template's weight compared exactly.
    return compareHundredths(totalWeight - sumOf(weights), executionWeight) === 0 && sumOf(scores) + executionScore === totalScore;
  }

  /** A funding row printed without its source: the one source the template has between the printed ones. */
  private placeSources(sources: Word1[]): void {
    const left = sources.map((s) => ({ index: (s.word as { index: number }).index, line: s.line, text: s.text }));
    for (const row of this.unlabelledFunding) {
      const next = this.fundingSeen.find((s) => row.after === undefined || s > row.after);
      const from = row.after === undefined ? 0 : row.after + 1;
      const to = next === undefined ? SOURCE_KEYS.length : next;
      const candidates = left.filter((s) => s.index >= from && s.index < to);
      if (to - from !== 1 || candidates.length !== 1) lost(row.line);
      row.row.unshift({ text: candidates[0]!.text, line: candidates[0]!.line, col: 1 });
    }
  }

  /** Values printed without their label ↔ labels printed without a value, in order; nothing else pairs them. */
  private placeLabels(labels: Array<{ path: string; line: number; text: string }>): void {
    if (this.orphans.length > 0 && this.orphans.length !== labels.length) lost(this.orphans[0]!.line);
    if (this.orphans.length > 0) {
      // Insert from the end of each row so that earlier positions stay valid.
      const pairs = this.orphans.map((o, i) => ({ o, label: labels[i]! }));
      for (const { o, label } of [...pairs].reverse()) {
        if (this.v.fieldOf(o.row[o.at]!.text) !== undefined || TEXT_BLOCKS.has(label.path)) lost(o.line);
        o.row.splice(o.at, 0, { text: label.text, line: label.line, col: 0 });
      }
      return;
    }
    for (const label of labels) this.rows.push([{ text: label.text, line: label.line, col: ALONE }]);
  }

  private grid(): Grid {
    const cells: GridCell[] = [];
    let r = 0;
    const put = (row: Cell[]): void => {
      row.forEach((c, i) => {
        const col = c.col === 0 && row.every((x) => x.col === 0) ? i : c.col;
        cells.push({ row: r, col, rowSpan: c.rowSpan ?? 1, colSpan: 1, text: c.text, location: `line ${c.line}` });
      });
      r++;
    };
    for (const row of this.top) put(row);
    for (const row of this.rows) {
      if (row[0]?.text !== '\u0000indicators') {
        put(row);
        continue;
      }
      for (const ind of this.indicators) {
        const out: Cell[] = [];
        this.tableFields.forEach((field, col) => {
          if (field === 'category' && ind.category !== undefined) out.push({ text: this.v.template.categories.find((c) => c.key === ind.category)!.label.zh, line: ind.categoryLine!, col });
          else if (field === 'subcategory' && ind.subcategory !== undefined) out.push({ text: ind.subcategory, line: ind.subcategoryLine!, col });
          else if (ind.cells.has(field)) out.push({ text: ind.cells.get(field)!, line: ind.line, col });
        });
        put(out);
      }
    }
    return { source: 'text', cells };
  }
}

/** Where forms start: at each 项目名称 line, with a title line just before it. */
function formParts(lines: readonly RawLine[], v: Vocabulary): RawLine[][] {
  const content = lines.filter((l) => !isBlankLine(l));
  const starts: number[] = [];
  content.forEach((l, i) => {
    if (l.tokens[0] === undefined || v.fieldOf(l.tokens[0]) !== 'project.name') return;
    starts.push(i > 0 && v.isTitle(content[i - 1]!.text) ? i - 1 : i);
  });
  if (starts.length === 0) return [content];
  starts[0] = 0;
  return starts.map((s, i) => content.slice(s, starts[i + 1] ?? content.length));
}

/** Points in integer hundredths, summed exactly. */
function sumOf(hundredths: readonly number[]): number {
  let total = 0;
  for (const h of hundredths) total += h;
  return total;
}


/** `extra`: templates besides the built-in ones, as the other readers take them. */
export function readRawForms(file: string, lines: readonly RawLine[], template: Template, extra: readonly Template[] = []): RawReading {
  const v = new Vocabulary(template);
  const grids: Grid[] = [];
  try {
    for (const part of formParts(lines, v)) grids.push(new FormParser(v).parse(part));
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
  const result = recognizeForms(grids, { file, templateId: template.id, registry: templateRegistry(extra) });
  for (const [i, form] of result.forms.entries()) {
    const what = addsUp(form.evaluation, template);
    if (what !== undefined) {
      const line = Number(/\d+/u.exec(form.locations['totals.score'] ?? form.start)?.[0] ?? 1);
      return { ok: false, refusal: { kind: 'doesNotAddUp', line, what: `evaluations[${i}] ${what}` } };
    }
  }
  return { ok: true, result };
}
