/**
 * The words a template prints, as comparison keys: field labels (with aliases), column titles,
 * block captions and the title. Everything the text reader recognises comes from here, so a new
 * template's labels are read without code changes.
 */
import type { Template } from '../../core/templates/template.ts';
import { yesNoWords, type YesNoWords } from '../../core/values/read-value.ts';
import { alternation, escapeRegExp } from '../../core/targets/normalize.ts';
import { matchKey } from '../../core/targets/normalize.ts';
import { labelKeys } from '../labels/label-key.ts';
import { printedColumns } from '../../core/templates/template.ts';

export interface LabelCatalog {
  template: Template;
  /** Label key → field path (`project.name`), for the fields printed as label and value. */
  fields: Map<string, string>;
  /** Label keys longest first, so that 预算执行率 wins over 执行率. */
  fieldKeys: string[];
  /** Every proper prefix of a label key: a line whose first word is none starts with no label of several words. */
  fieldPrefixes: Set<string>;
  /** Column title key → indicator field (`target`). */
  columns: Map<string, string>;
  /** Block caption key (产出指标) → category key (output). */
  categories: Map<string, string>;
  /** Subcategory key (数量指标) → [category key, subcategory as printed]. */
  subcategories: Map<string, [string, string]>;
  /** Matches the title in a line key; group `year` when the title carries it. */
  title: RegExp;
  /** The title's longest fixed part (年度财政项目绩效自评价): a key without it holds no title. */
  titleNeedle: string;
  /** The paths `fields` leads to, each once, in the order of `fields`. */
  fieldPaths: string[];
  /** The same paths in the template's reading order (fieldLabels). */
  fieldOrder: string[];
  /** The subtitle that carries the year where the title does not: （2021年度）. */
  subtitle: RegExp | null;
  /** A block caption, 产出指标 or 产出指标(45分), with groups `category` and `points`. */
  caption: RegExp;
  /** The points part of a caption alone on its line, (45分), with group `points`. */
  captionPoints: RegExp | null;
  /** The form's words for yes and no (是 / 否). */
  yesNo: YesNoWords;
  /** How the printed notes under the table begin (说明：), as a key. */
  notesStart: string | null;
  /** Funding row label key (年度资金总额) → the row's source as printed. */
  fundingRows: Map<string, string>;
  /** Funding table column title key (年初预算数, 执行率) → column (initial, rate). */
  fundingColumns: Map<string, string>;
  /** The funding table's heading (项目资金), key. */
  fundingHeading: string | null;
}

/** Paths the indicator table or the reader itself covers, not printed as `label value`. */
const NOT_FIELD_LINES = /^(?:indicators|funding|execution|totals\.weight$|totals$|form\.)/u;

/** Built once per template object (a catalog is read only) and reused by every read. */
const catalogs = new WeakMap<Template, LabelCatalog>();

export function labelCatalog(template: Template): LabelCatalog {
  let catalog = catalogs.get(template);
  if (catalog === undefined) {
    catalog = buildCatalog(template);
    catalogs.set(template, catalog);
  }
  return catalog;
}

function buildCatalog(template: Template): LabelCatalog {
  const fields = new Map<string, string>();
  for (const [path, label] of Object.entries(template.fieldLabels)) {
    if (NOT_FIELD_LINES.test(path)) continue;
    for (const key of labelKeys(label)) if (!fields.has(key)) fields.set(key, path);
  }
  const columns = new Map<string, string>();
  for (const c of printedColumns(template)) for (const key of labelKeys(c.title)) columns.set(key, c.field);
  const categories = new Map(template.categories.map((c) => [matchKey(c.label.zh), c.key] as const));
  const subcategories = new Map<string, [string, string]>();
  for (const c of template.categories) for (const s of c.subcategories) subcategories.set(matchKey(s), [c.key, s]);
  const fieldKeys = [...fields.keys()].sort((a, b) => b.length - a.length);
  const printed = new Set(fields.values());
  const label = (path: string) => template.fieldLabels[path];
  return {
    template,
    fields,
    fieldKeys,
    fieldPrefixes: new Set(fieldKeys.flatMap((k) => Array.from({ length: k.length - 1 }, (_, n) => k.slice(0, n + 1)))),
    columns,
    categories,
    subcategories,
    title: placeholderPattern(template.title.zh, { year: '(?<year>\\d{4})' }),
    titleNeedle: matchKey(template.title.zh).split('{year}').reduce((a, b) => (b.length > a.length ? b : a), ''),
    fieldPaths: [...printed],
    fieldOrder: Object.keys(template.fieldLabels).filter((path) => printed.has(path)),
    subtitle: label('form.subtitle') ? placeholderPattern(label('form.subtitle')!.zh, { year: '(?<year>\\d{4})' }) : null,
    ...captionPatterns(label('form.blockCaption')?.zh ?? '{category}', categories),
    yesNo: yesNoWords(template),
    notesStart: notesStart(label('form.notes')?.zh),
    fundingRows: fundingRows(template),
    fundingColumns: fundingColumns(template),
    fundingHeading: label('funding') ? matchKey(label('funding')!.zh) : null,
  };
}

/** The title in a line key, as `catalog.title.exec` finds it. */
export function titleIn(key: string, catalog: LabelCatalog): RegExpExecArray | null {
  // Most lines lack the title's words: a substring test rules them out before the pattern runs.
  return key.includes(catalog.titleNeedle) ? catalog.title.exec(key) : null;
}

/** A printed phrase with `{name}` holes as a pattern over line keys. */
function placeholderPattern(phrase: string, holes: Record<string, string>, anchored = false): RegExp {
  const source = matchKey(phrase)
    .split(/(\{\w+\})/u)
    .map((part) => {
      const hole = /^\{(\w+)\}$/u.exec(part)?.[1];
      return hole !== undefined && holes[hole] !== undefined ? holes[hole] : escapeRegExp(part);
    })
    .join('');
  return new RegExp(anchored ? `^${source}$` : source, 'u');
}

/**
 * 产出指标(45分) as the template prints it; the points part may stand alone on the next line,
 * since extractors break the caption where the cell wraps.
 */
function captionPatterns(phrase: string, categories: Map<string, string>): { caption: RegExp; captionPoints: RegExp | null } {
  const key = matchKey(phrase);
  const at = key.indexOf('{category}');
  const before = escapeRegExp(key.slice(0, Math.max(at, 0)));
  const rest = at >= 0 ? key.slice(at + '{category}'.length) : key;
  const points = rest.includes('{points}') ? placeholderPattern(rest, { points: '(?<points>\\d+(?:\\.\\d+)?)' }).source : null;
  const names = alternation([...categories.keys()]);
  return {
    caption: new RegExp(`^${before}(?<category>${names})${points ? `(?:${points})?` : ''}$`, 'u'),
    captionPoints: points ? new RegExp(`^${points}$`, 'u') : null,
  };
}

/** The notes' opening word with its colon, 说明：, from the printed notes. */
function notesStart(notes: string | undefined): string | null {
  const opening = notes === undefined ? null : /^[^\d\s]+?[:：]/u.exec(notes.trim());
  return opening ? matchKey(opening[0]) : null;
}

function fundingRows(template: Template): Map<string, string> {
  const rows = new Map<string, string>();
  for (const [path, label] of Object.entries(template.fieldLabels)) {
    if (!path.startsWith('form.funding.') || ['weight', 'rate', 'score'].includes(path.split('.').at(-1)!)) continue;
    for (const key of labelKeys(label)) rows.set(key, label.zh.replace(/^其中[:：]/u, ''));
  }
  return rows;
}

/** funding[].initial → initial, form.funding.rate → rate. */
function fundingColumns(template: Template): Map<string, string> {
  const columns = new Map<string, string>();
  for (const [path, label] of Object.entries(template.fieldLabels)) {
    const column = /^(?:funding\[\]|form\.funding)\.(initial|adjusted|executed|weight|rate|score)$/u.exec(path)?.[1];
    if (column) for (const key of labelKeys(label)) columns.set(key, column);
  }
  return columns;
}
