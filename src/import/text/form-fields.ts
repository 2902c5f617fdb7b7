/**
 * The `label value` fields of one form. Extractors print the right-hand labels of a two-column
 * row apart from their values (预算单位 … on lines of their own, the value at the end of the
 * left-hand label's line: 项目名称 金融业务费用 上海市普陀区金融服务办公室). A bare label is paired
 * with the label printed before it in the template's reading order (fieldLabels), and the line's
 * words are split between the two by what each field holds.
 */
import type { ClassifiedLine, FieldPart } from './classify-lines.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { fieldWord } from './diagnostics.ts';
import { isNarrative, kindOf, type ValueKind } from './field-kinds.ts';
import { readAmount, readDate, readRate, readYesNo } from '../../core/values/read-value.ts';
import type { LabelCatalog } from './form-labels.ts';
import { joinWrapped, readNarrative } from './narratives.ts';
import { isNumberToken, tokensOf, wordsOf } from './text-lines.ts';
import { isBareLabel } from './split-forms.ts';

export interface PrintedValue {
  value: string;
  line: number;
}

export interface FormFields {
  /** Field path → value as printed ('' where the label is printed with nothing after it). */
  values: Map<string, PrintedValue>;
  /** Indices of content lines the narratives took. */
  taken: Set<number>;
}

export function readFormFields(lines: readonly ClassifiedLine[], catalog: LabelCatalog, rep: DiagnosticSink): FormFields {
  const fields: FormFields = { values: new Map(), taken: new Set() };
  const bare = new Set(lines.filter(isBareLabel).flatMap((l) => (l.is.kind === 'field' ? l.is.parts.map((p) => p.path) : [])));
  const order = catalog.fieldOrder;
  const assign = (path: string, value: string, line: number) => assignOnce(fields, catalog, rep, path, { value, line });
  lines.forEach((line, i) => {
    if (line.is.kind !== 'field') return;
    const onLine = new Set(line.is.parts.map((p) => p.path));
    if (isNarrativeColumns(line.is.parts)) {
      for (const [path, text] of readNarrativeColumns(lines, i, line.is.parts, fields, catalog, rep)) assign(path, text, line.no);
      return;
    }
    for (const part of line.is.parts) {
      if (isNarrative(part.path)) {
        const n = line.is.parts.length === 1 ? readNarrative(lines, i, part.value, (j) => !fields.taken.has(j)) : { text: part.value, taken: [] };
        n.taken.forEach((j) => fields.taken.add(j));
        assign(part.path, n.text, line.no);
        continue;
      }
      if (part.value === '' && kindOf(part.path) === 'totals') {
        assign(part.path, totalsBelow(lines, i, fields.taken), line.no);
        continue;
      }
      if (part.value === '' && bare.has(part.path)) continue;
      const partner = partnerOf(part.path, order, bare, onLine);
      for (const [path, value] of splitBetween(part, partner, catalog, rep, line.no)) assign(path, value, line.no);
    }
  });
  return fields;
}

/** 合计 with its numbers on the lines below it (a wrapped totals row): up to two bare numbers. */
function totalsBelow(lines: readonly ClassifiedLine[], at: number, taken: Set<number>): string {
  const numbers: string[] = [];
  for (let j = at + 1; j < lines.length && numbers.length < 2; j++) {
    const line = lines[j]!;
    if (line.is.kind === 'blank') continue;
    if (line.is.kind !== 'content' || !line.words.every((w) => isNumberToken(w.text))) break;
    for (const w of line.words) numbers.push(w.text);
    taken.add(j);
  }
  return numbers.join(' ');
}

/** 预期目标 实际完成情况 side by side, their texts on the lines below. */
function isNarrativeColumns(parts: readonly FieldPart[]): boolean {
  return parts.length > 1 && parts.every((p) => isNarrative(p.path) && p.value === '');
}

/**
 * Side-by-side narratives: each line below splits into as many pieces as there are columns (at
 * the widest gap). A line that does not split so is given to the first column, and it is said.
 */
function readNarrativeColumns(lines: readonly ClassifiedLine[], at: number, parts: readonly FieldPart[], fields: FormFields, catalog: LabelCatalog, rep: DiagnosticSink): Array<[string, string]> {
  const texts: string[][] = parts.map(() => []);
  const block = readNarrative(lines, at, '', (j) => !fields.taken.has(j));
  block.taken.forEach((j) => fields.taken.add(j));
  let unclear = false;
  for (const j of block.taken) {
    const pieces = lines[j]!.text.split(/\s{2,}|\u3000+/u).filter((p) => p !== '');
    const split = pieces.length === parts.length ? pieces : lines[j]!.text.split(/\s+/u);
    if (split.length === parts.length) split.forEach((p, n) => texts[n]!.push(p));
    else {
      texts[0]!.push(lines[j]!.text);
      unclear = true;
    }
  }
  if (unclear) rep.add('warning', 'NARRATIVE_COLUMNS_UNCLEAR', 'text.narrativeColumnsUnclear', { fields: parts.map((p) => fieldWord(catalog.template, p.path).zh).join(' / ') }, { line: lines[at]!.no, path: parts[0]!.path });
  return parts.map((p, n) => [p.path, joinWrapped(texts[n]!)]);
}

/** The bare right-hand label on the same printed row: the next field in reading order. */
function partnerOf(path: string, order: readonly string[], bare: ReadonlySet<string>, onLine: ReadonlySet<string>): string | null {
  const next = order[order.indexOf(path) + 1];
  return next !== undefined && bare.has(next) && !onLine.has(next) ? next : null;
}

function assignOnce(fields: FormFields, catalog: LabelCatalog, rep: DiagnosticSink, path: string, printed: PrintedValue): void {
  const before = fields.values.get(path);
  if (before === undefined || (before.value === '' && printed.value !== '')) {
    fields.values.set(path, printed);
  } else if (printed.value !== '' && printed.value !== before.value) {
    const field = fieldWord(catalog.template, path);
    rep.add('warning', 'DUPLICATE_FIELD', 'text.duplicateField', { field, value: printed.value, kept: before.value }, { line: printed.line, path });
  }
}

/** The words after a label, split between its field and its partner's (the last word). */
function splitBetween(part: FieldPart, partner: string | null, catalog: LabelCatalog, rep: DiagnosticSink, line: number): Array<[string, string]> {
  const own = kindOf(part.path);
  if (partner !== null) {
    const words = wordsOf(part.value);
    const last = words.at(-1);
    const theirs = kindOf(partner);
    if (last === undefined) return ownValue(part.path, part.value, rep, line, catalog);
    if (words.length === 1) {
      return isSpecific(theirs) && fits(theirs, last.text, catalog) && (!isSpecific(own) || !fits(own, last.text, catalog))
        ? [[part.path, ''], [partner, last.text]]
        : [[part.path, last.text], [partner, '']];
    }
    if (fits(theirs, last.text, catalog)) return [...ownValue(part.path, part.value.slice(0, last.start).trim(), rep, line, catalog), [partner, last.text]];
  }
  return ownValue(part.path, part.value, rep, line, catalog);
}

/** A field that holds one word (an amount, a date) takes the first; the others are reported. */
function ownValue(path: string, value: string, rep: DiagnosticSink, line: number, catalog: LabelCatalog): Array<[string, string]> {
  const words = tokensOf(value);
  if (!isSpecific(kindOf(path)) || words.length <= 1) return [[path, value]];
  const field = fieldWord(catalog.template, path);
  rep.add('warning', 'EXTRA_VALUE', 'text.extraValue', { field, value: words.slice(1).join(' ') }, { line, path });
  return [[path, words[0]!]];
}

function isSpecific(kind: ValueKind): boolean {
  return kind !== 'text' && kind !== 'narrative' && kind !== 'grade' && kind !== 'totals';
}

function fits(kind: ValueKind, word: string, catalog: LabelCatalog): boolean {
  switch (kind) {
    case 'amount':
      return readAmount(word, '元').ok;
    case 'percent':
      return /[%％]$/u.test(word) && readRate(word).ok;
    case 'yesNo':
      return readYesNo(word, catalog.yesNo).ok;
    case 'date':
      return readDate(word).ok;
    default:
      return true;
  }
}
