/**
 * A targets declaration (绩效目标申报表) or a monitoring form (绩效目标执行监控表) as the parts of
 * its printed form, in the layout its template gives (`documents.targets` / `documents.monitoring`):
 * title, project fields two to a row, the 项目资金 block, the annual goal, the indicator table.
 * Pure: the PDF and the XLSX are drawn from this, and the importer reads back what it lays down.
 * Every word comes from the layout (never a second copy in code).
 */
import { amountInUnit, type AmountUnit } from '../../core/model/amount-unit.ts';
import type { Monitoring } from '../../core/model/monitoring.ts';
import type { Targets } from '../../core/model/targets.ts';
import { categoryLabel } from '../../core/templates/labels.ts';
import type { DocumentLayout, Template } from '../../core/templates/template.ts';
import { groupThousands } from '../../core/format.ts';
import { fenOf, hundredthsText, mulDivRound } from '../../core/numbers/hundredths.ts';
import { fill, type Lang } from '../pdf/form-words.ts';
import { pointsText } from '../pdf/form-values.ts';

export type CycleKind = 'targets' | 'monitoring';
export type CycleDocument = Targets | Monitoring;

export interface FormText {
  text: string;
  /** A model path (`project.name`, `indicators[2].target`) or a layout key (`form.funding.total`). */
  source: string;
  /** An amount (元 in the model, printed in `unit`) or a rate in percent: a spreadsheet writes it as a number. */
  number?: { value: string; as: 'amount'; unit: AmountUnit } | { value: string; as: 'rate' };
}

function amountText(amount: string | undefined, unit: AmountUnit, source: string): FormText {
  const text = moneyText(amount, unit);
  return text === '' || amount === undefined ? { text, source } : { text, source, number: { value: amount, as: 'amount', unit } };
}

export interface CycleField {
  label: FormText;
  value: FormText;
  align: 'left' | 'right' | 'center';
}

export interface CycleFunding {
  /** 项目资金（元）: the merged caption over the block. */
  heading: FormText;
  columns: FormText[];
  rows: { source: FormText; values: FormText[] }[];
}

export interface CycleForm {
  kind: CycleKind;
  name: string;
  title: string;
  subtitle: string | undefined;
  fields: CycleField[];
  funding: CycleFunding | undefined;
  /** 年度总体目标: one text, or (monitoring) column heads 全年目标 | 1—7月执行情况 over two texts. */
  goal: { label: FormText; heads: FormText[]; values: FormText[] };
  table: { columns: { field: string; title: string }[]; rows: FormText[][] };
}

/** The layout's words in one language, with the document's parameters ({year}, {month}, {asOf}, {unit}). */
export class LayoutWords {
  constructor(
    readonly layout: DocumentLayout,
    readonly lang: Lang,
    readonly params: Record<string, string | number>,
  ) {}

  has(key: string): boolean {
    return this.layout.fieldLabels[key] !== undefined;
  }

  word(key: string, extra: Record<string, string | number> = {}): string {
    const label = this.layout.fieldLabels[key];
    return label === undefined ? key : fill(label[this.lang], { ...this.params, ...extra });
  }

  title(): string {
    return fill(this.layout.title[this.lang], this.params);
  }

  column(column: DocumentLayout['columns'][number]): string {
    return fill(column.title[this.lang], this.params);
  }
}

/** The layout of the document's kind on its template; an error names what is missing. */
export function documentLayout(template: Template, kind: CycleKind): DocumentLayout {
  const layout = template.documents?.[kind];
  if (!layout) throw new Error(`template "${template.id}" has no ${kind} layout`);
  return layout;
}

/** The words' parameters of a document: its year, and for monitoring the month and date it is as of. */
export function layoutParams(document: Pick<Monitoring, 'year'> & { asOf?: string }, unit: AmountUnit): Record<string, string | number> {
  const month = document.asOf ? Number(document.asOf.slice(5, 7)) : undefined;
  return { year: document.year, unit, ...(month ? { month } : {}), ...(document.asOf ? { asOf: document.asOf } : {}) };
}

/** "133590.00" → "133,590.00"; in 万元 exactly. */
export function moneyText(amount: string | undefined, unit: AmountUnit = '元'): string {
  if (amount === undefined || amount.trim() === '') return '';
  return groupThousands(amountInUnit(amount, unit) ?? amount.trim());
}

/** Project fields the layout has words for, in the order of its field labels (`project.name` first). */
function projectFields(words: LayoutWords, document: CycleDocument, skip: ReadonlySet<string>): CycleField[] {
  const project = document.project as Record<string, unknown>;
  return Object.keys(words.layout.fieldLabels)
    .filter((key) => key.startsWith('project.') && !skip.has(key))
    .map((key) => {
      const raw = project[key.slice('project.'.length)];
      const label = { text: words.word(key), source: key };
      if (typeof raw === 'boolean') return { label, value: { text: words.word(raw ? 'form.yes' : 'form.no'), source: key }, align: 'center' as const };
      if (AMOUNT_KEYS.has(key)) return { label, value: amountText(raw as string | undefined, '元', key), align: 'right' as const };
      return { label, value: { text: typeof raw === 'string' ? raw : '', source: key }, align: 'left' as const };
    });
}

/** Project fields holding money: printed in 元 whatever the block's unit (their labels say so, or say none). */
export const AMOUNT_KEYS: ReadonlySet<string> = new Set([
  'project.budgetCurrentYear', 'project.budgetPreviousYear', 'project.budgetInitial', 'project.executedToDate', 'project.expectedYearEnd',
]);

/** Project fields a monitoring form shows in its 项目资金 block when it has funding rows. */
const MONITORING_SPENDING = new Set(['project.budgetCurrentYear', 'project.executedToDate', 'project.expectedYearEnd']);

function unitOf(document: CycleDocument): AmountUnit {
  return document.project.amountUnit ?? '元';
}

function indicatorTable(words: LayoutWords, template: Template, document: CycleDocument) {
  const columns = words.layout.columns.filter((c) => c.printed !== false);
  const rows = document.indicators.map((indicator, i) =>
    columns.map(({ field }): FormText => ({ text: cellText(words, template, indicator as Record<string, unknown>, field), source: `indicators[${i}].${field}` })),
  );
  return { columns: columns.map((c) => ({ field: c.field, title: words.column(c) })), rows };
}

function cellText(words: LayoutWords, template: Template, indicator: Record<string, unknown>, field: string): string {
  const value = indicator[field];
  if (value === undefined) return '';
  if (field === 'category') return categoryLabel(template, String(value ?? ''))[words.lang];
  if (field === 'deviationCauses') return (value as string[]).map((cause) => words.word(`form.cause.${cause}`)).join(CAUSE_SEPARATOR[words.lang]);
  if (field === 'likelihood') return words.word(`form.likelihood.${String(value)}`);
  if (typeof value === 'number') return pointsText(value);
  return typeof value === 'string' ? value : '';
}

/** How the causes of one indicator are listed in its cell. */
export const CAUSE_SEPARATOR: Record<Lang, string> = { zh: '、', en: ', ' };

type Params = Record<string, string | number>;

function head(document: CycleDocument, template: Template, kind: CycleKind, lang: Lang, params: Params): { words: LayoutWords; title: string; subtitle: string | undefined } {
  const words = new LayoutWords(documentLayout(template, kind), lang, { ...layoutParams(document as Monitoring, unitOf(document)), ...params });
  return { words, title: words.title(), subtitle: words.has('form.subtitle') ? words.word('form.subtitle') : undefined };
}

/** `params` replaces the document's ({year} of a blank form). */
export function targetsForm(document: Targets, template: Template, lang: Lang = 'zh', params: Params = {}): CycleForm {
  const { words, title, subtitle } = head(document, template, 'targets', lang, params);
  const unit = unitOf(document);
  const rows = document.funding ?? [];
  const funding: CycleFunding | undefined = rows.length === 0
    ? undefined
    : {
        heading: { text: fundingHeading(words, template, 'targets'), source: 'form.fundingHeading' },
        columns: [{ text: words.word('funding[].budget'), source: 'funding[].budget' }],
        rows: rows.map((row, i) => ({ source: { text: row.source, source: `funding[${i}].source` }, values: [amountText(row.budget, unit, `funding[${i}].budget`)] })),
      };
  return {
    kind: 'targets', name: document.project.name, title, subtitle,
    fields: projectFields(words, document, new Set()),
    funding,
    goal: { label: { text: words.word('annualGoal'), source: 'annualGoal' }, heads: [], values: [{ text: document.annualGoal, source: 'annualGoal' }] },
    table: indicatorTable(words, template, document),
  };
}

const SPENDING_COLUMNS = ['budget', 'executedToDate', 'rate', 'expectedYearEnd'] as const;

export function monitoringForm(document: Monitoring, template: Template, lang: Lang = 'zh', params: Params = {}): CycleForm {
  const { words, title, subtitle } = head(document, template, 'monitoring', lang, params);
  const unit = unitOf(document);
  const rows = document.funding ?? [];
  const funding: CycleFunding | undefined = rows.length === 0
    ? undefined
    : {
        heading: { text: fundingHeading(words, template, 'monitoring'), source: 'form.fundingHeading' },
        columns: SPENDING_COLUMNS.map((c) => ({ text: words.word(`funding[].${c}`), source: `funding[].${c}` })),
        rows: rows.map((row, i) => ({
          source: { text: row.source, source: `funding[${i}].source` },
          values: SPENDING_COLUMNS.map((c) => (c === 'rate' ? rateText(row.executedToDate, row.budget, `funding[${i}].rate`) : amountText(row[c], unit, `funding[${i}].${c}`))),
        })),
      };
  const asOf: CycleField = { label: { text: words.word('asOf'), source: 'asOf' }, value: { text: document.asOf, source: 'asOf' }, align: 'center' };
  return {
    kind: 'monitoring', name: document.project.name, title, subtitle,
    fields: [...projectFields(words, document, rows.length > 0 ? MONITORING_SPENDING : new Set()), asOf],
    funding,
    goal: {
      label: { text: words.word('annualGoal'), source: 'annualGoal' },
      heads: [{ text: words.word('form.goalExpected'), source: 'form.goalExpected' }, { text: words.word('progressSummary'), source: 'form.progressSummary' }],
      values: [{ text: document.annualGoal, source: 'annualGoal' }, { text: document.progressSummary, source: 'progressSummary' }],
    },
    table: indicatorTable(words, template, document),
  };
}

function fundingHeading(words: LayoutWords, template: Template, kind: CycleKind): string {
  if (!words.has('form.fundingHeading')) throw new Error(`the ${kind} layout of template "${template.id}" has no 项目资金 block (form.fundingHeading) for the document's funding rows`);
  return words.word('form.fundingHeading');
}

/** 执行率 of a row, shown only (never read back): executed ÷ budget in percent, as the checks compute it. */
function rateText(executed: string, budget: string, source: string): FormText {
  const e = fenOf(executed);
  const b = fenOf(budget);
  if (e === null || b === null || b <= 0) return { text: '', source };
  const rate = hundredthsText(mulDivRound(e, 10000, b));
  return { text: `${rate}%`, source, number: { value: rate, as: 'rate' } };
}
