/**
 * One form's text into an evaluation: the year, the `label value` fields converted by kind, the
 * narratives, the totals and the indicators, with where each came from.
 */
import { EVALUATION_SCHEMA_ID, type Evaluation, type Project } from '../../core/model/evaluation.ts';
import { inferYear } from '../form-year.ts';
import type { ImportedForm } from '../import-result.ts';
import type { ClassifiedLine } from './classify-lines.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { fieldWord } from './diagnostics.ts';
import { kindOf } from './field-kinds.ts';
import { readAmount, readDate, readPoints, readRate, readYesNo, type ValueReading } from '../../core/values/read-value.ts';
import { readFormFields, type PrintedValue } from './form-fields.ts';
import { readFunding } from './funding-block.ts';
import { readIndicators } from './form-indicators.ts';
import type { LabelCatalog } from './form-labels.ts';
import type { FormText } from './split-forms.ts';
import { lineLocation } from '../diagnostics.ts';
import { tokensOf } from './text-lines.ts';

export function readForm(form: FormText, catalog: LabelCatalog, documentYear: number | undefined, rep: DiagnosticSink): ImportedForm {
  const lines = form.lines;
  const fields = readFormFields(lines, catalog, rep);
  const locations: Record<string, string> = {};
  const unit = amountUnit(lines, catalog);
  const values: Record<string, unknown> = {};
  for (const path of catalog.fieldPaths) {
    const printed = fields.values.get(path);
    if (!printed && printedInFundingTable(path, lines)) continue;
    if (!printed) {
      rep.add('warning', 'FIELD_NOT_FOUND', 'text.fieldNotFound', { field: fieldWord(catalog.template, path) }, { path });
      continue;
    }
    locations[path] = lineLocation(printed.line);
    setConverted(values, path, printed, unit, catalog, rep, locations);
  }
  const funding = readFunding(lines, catalog, unit, rep);
  for (const [path, value] of Object.entries(funding?.values ?? {})) {
    if (values[path] !== undefined && values[path] !== '') continue;
    values[path] = value;
    locations[path] = funding!.locations[path]!;
  }
  // The funding table's locations, then the fields', then the rows' (which the rows' reader adds
  // in place: copying or spreading this large object again cost more than building it).
  const all = Object.assign({}, funding?.locations, locations);
  const { indicators } = readIndicators(lines, fields.taken, catalog, rep, all);
  const start = lineLocation(firstLine(lines));
  const year = inferYear({ printed: printedYear(lines), inFile: documentYear, evaluatedOn: values.evaluatedOn, location: start }, rep);
  const evaluation = assemble(catalog, year, values, indicators, unit);
  if (funding) evaluation.funding = funding.rows;
  return { evaluation: withExecution(evaluation, values), locations: all, start };
}

/** National forms print budget and execution in the funding table, not as `label value`. */
function printedInFundingTable(path: string, lines: readonly ClassifiedLine[]): boolean {
  return path.startsWith('project.') && path !== 'project.name' && lines.some((l) => l.is.kind === 'fundingRow');
}

/** The execution score of templates that score execution (national: 分值 10, 得分). */
function withExecution(evaluation: Evaluation, values: Record<string, unknown>): Evaluation {
  const weight = values['execution.weight'];
  const score = values['execution.score'];
  if (typeof weight === 'number') evaluation.execution = typeof score === 'number' ? { weight, score } : { weight };
  return evaluation;
}

/** The year the lines print in a title or under it (（2021年度）). */
export function printedYear(lines: readonly ClassifiedLine[]): number | undefined {
  for (const line of lines) if ((line.is.kind === 'title' || line.is.kind === 'year') && line.is.year !== null) return line.is.year;
  return undefined;
}

function firstLine(lines: readonly ClassifiedLine[]): number {
  return (lines.find((l) => l.is.kind !== 'blank') ?? lines[0])?.no ?? 1;
}

/** Amounts are printed in 万元 where a label says so (项目资金（万元）), else in the template's unit. */
function amountUnit(lines: readonly ClassifiedLine[], catalog: LabelCatalog): '元' | '万元' {
  for (const line of lines) {
    if (line.is.kind === 'content' || line.is.kind === 'blank') continue;
    if (line.key.includes('(万元)')) return '万元';
    if (line.key.includes('(元)')) return '元';
  }
  return catalog.template.amountUnit;
}

function setConverted(values: Record<string, unknown>, path: string, printed: PrintedValue, unit: '元' | '万元', catalog: LabelCatalog, rep: DiagnosticSink, locations: Record<string, string>): void {
  if (kindOf(path) === 'totals') return setTotals(values, printed, catalog, rep, locations);
  const converted = convert(path, printed.value, unit, catalog);
  if (converted.ok) {
    if (converted.value !== '' || kindOf(path) !== 'yesNo') values[path] = converted.value;
    return;
  }
  rep.add('warning', 'UNREADABLE_VALUE', 'text.valueUnreadable', { field: fieldWord(catalog.template, path), value: printed.value }, { line: printed.line, path });
}

function convert(path: string, raw: string, unit: '元' | '万元', catalog: LabelCatalog): ValueReading<string | boolean> {
  if (raw === '') return { ok: true, value: '' };
  switch (kindOf(path)) {
    case 'amount': {
      const read = readAmount(raw, unit);
      return read.ok ? { ok: true, value: read.value.yuan } : read;
    }
    case 'percent':
      return readRate(raw);
    case 'date':
      return readDate(raw);
    case 'yesNo':
      return readYesNo(raw, catalog.yesNo);
    default:
      return { ok: true, value: raw };
  }
}

/** 合计 100 95: total weight and total score; a single number is the score. Each is read on its own, as a grid's cells are. */
function setTotals(values: Record<string, unknown>, printed: PrintedValue, catalog: LabelCatalog, rep: DiagnosticSink, locations: Record<string, string>): void {
  const tokens = tokensOf(printed.value);
  delete locations['totals.score'];
  if (tokens.length > 2) {
    rep.add('warning', 'UNREADABLE_VALUE', 'text.valueUnreadable', { field: fieldWord(catalog.template, 'totals.score'), value: printed.value }, { line: printed.line, path: 'totals' });
    return;
  }
  const parts = tokens.length === 2 ? (['weight', 'score'] as const) : (['score'] as const);
  parts.forEach((part, i) => {
    const path = `totals.${part}`;
    const read = readPoints(tokens[i]!);
    if (read.ok) {
      values[path] = read.value;
      locations[path] = lineLocation(printed.line);
    } else rep.add('warning', 'UNREADABLE_VALUE', 'text.valueUnreadable', { field: fieldWord(catalog.template, path), value: tokens[i]! }, { line: printed.line, path });
  });
}

/** The evaluation in the interchange format's field order, with only what the form gave. */
function assemble(catalog: LabelCatalog, year: number, values: Record<string, unknown>, indicators: Evaluation['indicators'], unit: '元' | '万元'): Evaluation {
  const project: Project = { name: '' };
  const others: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    if (path.startsWith('project.')) (project as Record<string, unknown>)[path.slice('project.'.length)] = value;
    else if (!/^(?:totals|execution)\./u.test(path) && path !== 'annualGoal' && path !== 'actualOutcome') others[path] = value;
  }
  if (catalog.template.amountUnit !== '元' || unit !== '元') project.amountUnit = unit;
  const totals = defined({ weight: values['totals.weight'], score: values['totals.score'] });
  return {
    schema: EVALUATION_SCHEMA_ID,
    template: catalog.template.id,
    year,
    project,
    ...defined({ annualGoal: values.annualGoal, actualOutcome: values.actualOutcome }),
    indicators,
    ...(Object.keys(totals).length > 0 && { totals }),
    ...others,
  };
}

function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
