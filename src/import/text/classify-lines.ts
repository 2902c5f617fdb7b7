/**
 * What each line of extracted text is, judged by the template's words alone: the title, the
 * indicator table's column header, a block caption, a `label value…` line, the form's printed
 * notes (说明), or content (narrative text and table cells, told apart later).
 */
import { titleIn, type LabelCatalog } from './form-labels.ts';
import { matchKey } from '../../core/targets/normalize.ts';
import { wordsOf, type TextLine, type Word } from './text-lines.ts';

/** One `label value…` stretch of a line; a line may carry several (项目名称 x 预算单位 y). */
export interface FieldPart {
  path: string;
  /** The value as printed, white space kept; '' when the line has the label only. */
  value: string;
}

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'title'; year: number | null }
  | { kind: 'year'; year: number }
  | { kind: 'header' }
  | { kind: 'caption'; category: string | null; points: number | null }
  | { kind: 'note' }
  | { kind: 'field'; parts: FieldPart[] }
  | { kind: 'fundingHeading' }
  | { kind: 'fundingHeader'; columns: string[] }
  | { kind: 'fundingRow'; source: string; values: string[] }
  | { kind: 'content' };

export interface ClassifiedLine extends TextLine {
  /** The line's words, cut once here for every later step (none on a blank line). */
  words: readonly Word[];
  is: LineKind;
}

const NO_WORDS: readonly Word[] = [];

/** The printed notes go on over numbered lines (2、…) after their opening word. */
const NOTE_MORE = /^\d{1,2}(?:、|\.(?!\d))/u;

export function classifyLines(lines: readonly TextLine[], catalog: LabelCatalog): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  let previous: LineKind = { kind: 'blank' };
  let headerPartial: string | null = null;
  for (const line of lines) {
    const words = line.key === '' ? NO_WORDS : wordsOf(line.text);
    let is = classifyLine(line, words, catalog, previous);
    // A wrapped column header (自评 / 分 / 备注) continues over short lines after the header.
    if (is.kind === 'content' && headerPartial !== null) {
      const joined: string = headerPartial + line.key;
      if (isColumnPrefix(joined, catalog)) {
        is = { kind: 'header' };
        headerPartial = catalog.columns.has(joined) ? '' : joined;
      } else headerPartial = null;
    } else if (is.kind === 'header') headerPartial = '';
    else if (is.kind !== 'blank') headerPartial = null;
    // Spelled out, not spread: a spread copy was a tenth of the whole text import.
    out.push({ no: line.no, text: line.text, key: line.key, words, is });
    if (is.kind !== 'blank') previous = is;
  }
  return out;
}

function classifyLine(line: TextLine, words: readonly Word[], catalog: LabelCatalog, previous: LineKind): LineKind {
  const key = line.key;
  if (key === '') return { kind: 'blank' };
  const title = titleIn(key, catalog);
  if (title) return { kind: 'title', year: title.groups?.year ? Number(title.groups.year) : null };
  const year = catalog.subtitle?.exec(key);
  if (year?.groups?.year && key.length <= year[0].length + 2) return { kind: 'year', year: Number(year.groups.year) };
  if ((catalog.notesStart && key.startsWith(catalog.notesStart)) || (previous.kind === 'note' && NOTE_MORE.test(key))) return { kind: 'note' };
  const caption = captionOf(key, catalog, previous);
  if (caption) return caption;
  if (isColumnHeader(words, catalog)) return { kind: 'header' };
  const funding = fundingLine(line, words, catalog, previous);
  if (funding) return funding;
  const parts = fieldParts(line.text, catalog, words);
  return parts.length > 0 ? { kind: 'field', parts } : { kind: 'content' };
}

/** 产出指标, 产出指标(45分), or a lone (45分) under a caption. */
function captionOf(key: string, catalog: LabelCatalog, previous: LineKind): LineKind | null {
  const alone = catalog.captionPoints?.exec(key);
  if (alone && previous.kind === 'caption') return { kind: 'caption', category: null, points: Number(alone.groups!.points) };
  const g = catalog.caption.exec(key)?.groups;
  if (!g) return null;
  return { kind: 'caption', category: catalog.categories.get(g.category!) ?? null, points: g.points ? Number(g.points) : null };
}

/** At least three column titles and nothing much else: 一级指标 指标名称 目标值 权重 … */
function isColumnHeader(words: readonly Word[], catalog: LabelCatalog): boolean {
  let titles = 0;
  for (const w of words) if (catalog.columns.has(w.key)) titles++;
  return titles >= 3 && titles >= words.length * 0.6;
}

function isColumnPrefix(partial: string, catalog: LabelCatalog): boolean {
  for (const key of catalog.columns.keys()) if (key.startsWith(partial)) return true;
  return false;
}

/**
 * The `label value` stretches of a line. A label counts only where it fills whole words (or is
 * followed by a colon), so that an indicator named 绩效等级评定 is not read as 绩效等级.
 */
export function fieldParts(text: string, catalog: LabelCatalog, words: readonly Word[] = wordsOf(text)): FieldPart[] {
  const parts: FieldPart[] = [];
  let current: { path: string; from: number } | null = null;
  let i = 0;
  while (i < words.length) {
    const hit = labelAt(text, words, i, catalog);
    if (hit && (i === 0 || current !== null)) {
      if (current) parts.push({ path: current.path, value: text.slice(current.from, words[i]!.start).trim() });
      current = { path: hit.path, from: hit.valueFrom };
      i = hit.next;
    } else if (i === 0) return [];
    else i++;
  }
  if (current) parts.push({ path: current.path, value: text.slice(current.from).trim() });
  return parts;
}

/** A label made of up to three words at `i` (具体实施处 （科室）), or one word `label:value`. */
function labelAt(text: string, words: readonly Word[], i: number, catalog: LabelCatalog): { path: string; valueFrom: number; next: number } | null {
  let joined = '';
  for (let n = 0; n < 3 && i + n < words.length; n++) {
    joined += words[i + n]!.key;
    const path = catalog.fields.get(joined);
    if (path) return { path, valueFrom: words[i + n]!.end, next: i + n + 1 };
    // No label goes on from here: most lines' first word is no start of one.
    if (joined !== '' && !catalog.fieldPrefixes.has(joined)) break;
  }
  const word = words[i]!;
  // Most words hold no colon (in a key, NFKC has made a full-width one ':').
  if (!word.key.includes(':') && !word.key.includes('：')) return null;
  for (const label of catalog.fieldKeys) {
    if (word.key.startsWith(label) && /^[:：]/u.test(word.key.slice(label.length))) {
      const raw = text.slice(word.start, word.end);
      const colon = word.start + raw.search(/[:：]/u) + 1;
      return { path: catalog.fields.get(label)!, valueFrom: colon, next: i + 1 };
    }
  }
  return null;
}

/**
 * The funding table of the national form: its heading 项目资金（元）, its column titles
 * (年初预算数 全年预算数 全年执行数 分值 执行率 得分) and its rows (年度资金总额 …).
 */
function fundingLine(line: TextLine, cut: readonly Word[], catalog: LabelCatalog, previous: LineKind): LineKind | null {
  const key = line.key;
  if (catalog.fundingHeading && key.startsWith(catalog.fundingHeading) && key.length <= catalog.fundingHeading.length + 5) return { kind: 'fundingHeading' };
  if (previous.kind === 'fundingHeading' && /^\((?:万元|元)\)$/u.test(key)) return { kind: 'fundingHeading' };
  if (cut.length >= 3 && cut.every((w) => catalog.fundingColumns.has(w.key))) return { kind: 'fundingHeader', columns: cut.map((w) => catalog.fundingColumns.get(w.key)!) };
  if (catalog.fundingRows.size === 0) return null;
  for (let n = 1; n <= 2 && n <= cut.length; n++) {
    const source = catalog.fundingRows.get(n === 1 ? cut[0]!.key : matchKey(cut[0]!.text + cut[1]!.text));
    if (source) return { kind: 'fundingRow', source, values: cut.slice(n).map((w) => w.text) };
  }
  return null;
}
