/**
 * One targets or monitoring form's cells → the document (`jixiao/targets@1`,
 * `jixiao/monitoring@1`): the project fields by their labels, the 项目资金 block, the annual goal,
 * the indicator table. What cannot be read is said where it stands, and the document is
 * validated as a file would be; nothing is guessed.
 */
import type { AmountUnit } from '../../core/model/amount-unit.ts';
import { DEVIATION_CAUSES, LIKELIHOODS, MONITORING_SCHEMA_ID } from '../../core/model/monitoring.ts';
import { TARGETS_SCHEMA_ID } from '../../core/model/targets.ts';
import { validateMonitoring, validateTargets } from '../../core/model/validate.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import { readAmount, readDate, readPoints, readYesNo, yesNoWords } from '../../core/values/read-value.ts';
import { AMOUNT_KEYS, type CycleDocument } from '../../export/cycle/cycle-form.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { FormRegion, type PlacedCell } from '../grid/form-region.ts';
import { joinWrapped } from '../pdf/ruling-grid.ts';
import { readFundingBlock, readIndicatorBlock, type FundingBlock, type ReadCell } from './read-cycle-blocks.ts';
import { LayoutLabels } from './layout-labels.ts';
import type { CycleTitle } from './recognize-cycle.ts';

type Fields = Record<string, unknown>;

class FormReader {
  readonly region: FormRegion;
  readonly labels: LayoutLabels;

  constructor(
    readonly title: CycleTitle,
    readonly cells: readonly PlacedCell[],
    readonly sink: DiagnosticSink,
  ) {
    this.region = new FormRegion(cells);
    this.labels = new LayoutLabels(title.layout);
  }

  unreadable(path: string, cell: ReadCell, key = 'cycle.unreadableValue'): void {
    this.sink.add('error', 'UNREADABLE_VALUE', key, { field: path, text: cell.text }, { location: cell.location, path });
  }

  amount(path: string, cell: ReadCell | undefined, unit: AmountUnit): string | undefined {
    if (!cell || cell.text === '') return undefined;
    const reading = readAmount(cell.text, unit);
    if (reading.ok) return reading.value.yuan;
    this.unreadable(path, cell);
    return undefined;
  }

  /** The cell right of a label (among `cells`), for each field key the layout has. */
  labelled(keys: readonly string[], cells: readonly PlacedCell[]): Map<string, ReadCell> {
    const out = new Map<string, ReadCell>();
    for (const key of keys) {
      const label = cells.find((c) => this.labels.match(key, c.text));
      if (!label) continue;
      const value = this.region.rightOf(label);
      out.set(key, { text: value?.text.trim() ?? '', location: value?.location ?? label.location });
    }
    return out;
  }
}

/** The year the title or the subtitle under it prints. */
function yearOf(reader: FormReader): number | undefined {
  if (reader.title.year !== undefined) return reader.title.year;
  for (const cell of reader.cells.slice(0, 6)) {
    const year = reader.labels.match('form.subtitle', cell.text)?.[0];
    if (year && /^\d{4}$/u.test(year)) return Number(year);
  }
  return undefined;
}

function projectOf(reader: FormReader, outside: readonly PlacedCell[], skip: ReadonlySet<string>): Fields {
  const keys = Object.keys(reader.title.layout.fieldLabels).filter((k) => k.startsWith('project.') && !skip.has(k));
  const project: Fields = {};
  const fieldLabels = reader.title.layout.fieldLabels;
  const zh = yesNoWords({ fieldLabels } as Parameters<typeof yesNoWords>[0]);
  // The English words too, as an export in English (--lang en) prints them.
  const en = (key: string) => (fieldLabels[key] ? [normalizeText(fieldLabels[key].en).toLowerCase()] : []);
  const words = { yes: [...zh.yes, ...en('form.yes')], no: [...zh.no, ...en('form.no')] };
  for (const [key, cell] of reader.labelled(keys, outside)) {
    if (cell.text === '') continue;
    const field = key.slice('project.'.length);
    if (AMOUNT_KEYS.has(key)) project[field] = reader.amount(key, cell, '元');
    else if (key === 'project.recurring') {
      const reading = readYesNo(cell.text, words);
      if (reading.ok) project[field] = reading.value;
      else reader.unreadable(key, cell);
    } else project[field] = cell.text;
  }
  return project;
}

/** 一级指标 as the template's key (产出指标 → output); a word it does not know stands for itself. */
function categoryKey(reader: FormReader, text: string): string {
  const key = normalizeText(text);
  return reader.title.template.categories.find((c) => [c.key, c.label.zh, c.label.en].some((w) => normalizeText(w) === key))?.key ?? text;
}

function causesOf(reader: FormReader, path: string, cell: ReadCell): string[] {
  if (cell.text === '') return [];
  const keys = DEVIATION_CAUSES.map((c) => `form.cause.${c}`);
  return cell.text.split(/[、,，;；\n]+/u).map((w) => w.trim()).filter((w) => w !== '').flatMap((word) => {
    const key = reader.labels.wordOf(word, keys);
    if (key) return [key.slice('form.cause.'.length)];
    reader.unreadable(path, { ...cell, text: word }, 'cycle.unknownCause');
    return [];
  });
}

function likelihoodOf(reader: FormReader, path: string, cell: ReadCell): string | undefined {
  const key = reader.labels.wordOf(cell.text, LIKELIHOODS.map((l) => `form.likelihood.${l}`));
  if (key) return key.slice('form.likelihood.'.length);
  reader.unreadable(path, cell, 'cycle.unknownLikelihood');
  return undefined;
}

/** An indicator's printed cells as the model's fields; optional words left blank are left out. */
function indicatorOf(reader: FormReader, row: Map<string, ReadCell>, i: number): Fields {
  const out: Fields = {};
  for (const [field, cell] of row) {
    const path = `indicators[${i}].${field}`;
    if (field === 'category') out.category = categoryKey(reader, cell.text);
    else if (field === 'weight') {
      const reading = readPoints(cell.text);
      if (reading.ok) out.weight = reading.value;
      else reader.unreadable(path, cell);
    } else if (field === 'deviationCauses') out.deviationCauses = causesOf(reader, path, cell);
    else if (field === 'likelihood') out.likelihood = likelihoodOf(reader, path, cell);
    else if (cell.text !== '' || REQUIRED_TEXT.has(field)) out[field] = cell.text;
  }
  return out;
}

const REQUIRED_TEXT = new Set(['name', 'target', 'progress', 'expectedYearEnd']);

function fundingOf(reader: FormReader, block: FundingBlock, columns: readonly string[]): Fields[] {
  return block.rows.map((row, i) => {
    const out: Fields = { source: row.source.text };
    for (const field of columns) out[field] = reader.amount(`funding[${i}].${field}`, row.values.get(field), block.unit) ?? '';
    return out;
  });
}

const SPENDING = ['budget', 'executedToDate', 'expectedYearEnd'];
const MONITORING_SPENDING = new Set(['project.budgetCurrentYear', 'project.executedToDate', 'project.expectedYearEnd']);

export function readCycleForm(title: CycleTitle, cells: readonly PlacedCell[], sink: DiagnosticSink): CycleDocument | undefined {
  const reader = new FormReader(title, cells, sink);
  const start = cells[0]?.location ?? '';
  const table = readIndicatorBlock(reader.region, reader.labels);
  if (!table) {
    sink.add('error', 'TABLE_NOT_FOUND', 'cycle.tableNotFound', {}, { location: start, path: 'indicators' });
    return undefined;
  }
  const kind = title.kind;
  const amountColumns = kind === 'targets' ? ['budget'] : SPENDING;
  const funding = readFundingBlock(reader.region, reader.labels, amountColumns);
  const outside = cells.filter((c) => c.vrow < table.fromRow && !(funding && c.vrow >= funding.fromRow && c.vrow <= funding.toRow));
  const project = projectOf(reader, outside, funding && kind === 'monitoring' ? MONITORING_SPENDING : new Set());
  if (funding?.unit === '万元') project.amountUnit = '万元';
  const year = yearOf(reader);
  if (year === undefined) sink.add('error', 'YEAR_NOT_FOUND', 'cycle.yearNotFound', {}, { location: start, path: 'year' });
  const goal = goalOf(reader, outside, kind);
  const indicators = table.rows.map((row, i) => indicatorOf(reader, row, i));
  const head = { template: title.template.id, year, project: { name: '', ...project } };
  const fundingRows = funding && funding.rows.length > 0 ? { funding: fundingOf(reader, funding, amountColumns) } : {};
  if (kind === 'targets') {
    return validated(sink, validateTargets({ schema: TARGETS_SCHEMA_ID, ...head, ...fundingRows, annualGoal: goal.annualGoal, indicators }));
  }
  const asOf = reader.labelled(['asOf'], outside).get('asOf');
  const date = asOf ? readDate(asOf.text) : undefined;
  if (asOf && !date?.ok) reader.unreadable('asOf', asOf);
  const document = { schema: MONITORING_SCHEMA_ID, ...head, asOf: date?.ok ? date.value : '', ...fundingRows, annualGoal: goal.annualGoal, progressSummary: goal.progressSummary ?? '', indicators };
  return validated(sink, validateMonitoring(document));
}

/**
 * 年度总体目标: the text right of it, or (monitoring) the texts under 全年目标 and 1—7月执行情况
 * beside it. A text the export split over pages goes on in rows of the next page that print the
 * label again: their parts are joined as a cell's wrapped lines are.
 */
function goalOf(reader: FormReader, outside: readonly PlacedCell[], kind: string): { annualGoal: string; progressSummary?: string } {
  const { region, labels } = reader;
  const label = outside.find((c) => labels.match('annualGoal', c.text));
  if (!label) return { annualGoal: '' };
  const heads = kind === 'targets' ? [] : region.startingIn(label.vrow).filter((c) => c.col > label.col);
  const first = kind === 'targets' ? label.vrow : label.vrow + 1;
  const texts = new Map<number, string>();
  for (const vrow of region.rows) {
    if (vrow < first) continue;
    const side = region.covering(vrow, label.col);
    if (!side || !labels.match('annualGoal', side.text)) break;
    const columns = kind === 'targets' ? [region.rightOf(side)?.col ?? -1] : heads.map((h) => h.col);
    columns.forEach((col, i) => {
      const cell = region.startingIn(vrow).find((c) => c.col === col);
      if (cell) texts.set(i, joinWrapped(texts.get(i) ?? '', cell.text.trim()));
    });
  }
  if (kind === 'targets') return { annualGoal: texts.get(0) ?? '' };
  const under = (key: string) => texts.get(heads.findIndex((h) => labels.match(key, h.text))) ?? '';
  return { annualGoal: under('form.goalExpected'), progressSummary: under('progressSummary') };
}

function validated<T extends CycleDocument>(sink: DiagnosticSink, result: { ok: true; value: T } | { ok: false; problems: { path: string; message: string }[] }): T | undefined {
  if (result.ok) return result.value;
  for (const problem of result.problems) sink.add('error', 'INVALID_VALUE', 'grid.invalidValue', { field: problem.path, problem: problem.message }, { path: problem.path });
  return undefined;
}
