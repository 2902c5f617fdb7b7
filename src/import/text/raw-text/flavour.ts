/**
 * Which kind of extracted text this is, for the two kinds whose table order cannot be trusted:
 *
 * - `pdftotext -raw` writes the text in the order the PDF draws it. A table row comes out as its
 *   cells in order, one space apart, on one line; but the cells LibreOffice draws in a second pass
 *   (wrapped cells, cells mixing Chinese and Latin text, merged captions) come out later, after
 *   the rows of the page. It writes no blank lines.
 * - pdftotext's default mode writes text blocks as paragraphs with blank lines between them: on a
 *   table, every cell is a paragraph of its own, so the column titles stand alone on their lines,
 *   and neighbouring cells can come out interleaved or out of their rows.
 *
 * Told apart from the other text the importer reads: `pdftotext -layout` keeps columns apart by
 * runs of spaces (and is dispatched before this), and the seed's extractor prints the column
 * titles on one line like `-raw` but separates its blocks by blank lines.
 */
import type { Template } from '../../../core/templates/template.ts';
import { labelKey, labelVariants } from '../../labels/label-key.ts';
import { normalizeExtractedText } from '../cjk-radicals.ts';
import { isNfkcStable } from '../../../core/targets/normalize.ts';
import { isBlankLine, type RawLine } from './raw-lines.ts';
import { printedColumns } from '../../../core/templates/template.ts';

export type Flavour = 'pdftotext-raw' | 'pdftotext-default';

export interface FlavourFinding {
  flavour: Flavour;
  /** The template whose column titles gave it away. */
  template: Template;
  /** The line that shows it: the column-title line (raw), the first lone column title (default). */
  line: number;
}

/** At least this many of a template's column titles make a title line, or give default mode away. */
const MIN_TITLES = 3;

/** Per template object, built once: callers only read it. */
const titleKeySets = new WeakMap<Template, ReadonlySet<string>>();

function titleKeys(template: Template): ReadonlySet<string> {
  let keys = titleKeySets.get(template);
  if (keys === undefined) {
    const built = new Set<string>();
    for (const column of printedColumns(template)) labelVariants(column.title).forEach((k) => built.add(k));
    keys = built;
    titleKeySets.set(template, keys);
  }
  return keys;
}

/** How many tokens of the line are column titles; a line is a title line when nearly all are. */
export function titleTokens(line: RawLine, keys: ReadonlySet<string>): number {
  return line.tokens.filter((t) => keys.has(labelKey(t))).length;
}

export function isTitleLine(line: RawLine, keys: ReadonlySet<string>): boolean {
  const titles = titleTokens(line, keys);
  // One title may wrap in its cell and be drawn later (偏差原因分析及改进措施), and pdftotext -layout keeps runs of spaces.
  return titles >= MIN_TITLES && titles >= line.tokens.length - 1 && !/\S {2,}\S/u.test(line.text);
}

export function detectFlavour(lines: readonly RawLine[], templates: readonly Template[]): FlavourFinding | undefined {
  const content = lines.filter((l) => !isBlankLine(l));
  if (content.length === 0) return undefined;
  const first = content[0]!.no;
  const last = content.at(-1)!.no;
  const blankInside = lines.some((l) => isBlankLine(l) && l.no > first && l.no < last);
  for (const template of templates) {
    const keys = titleKeys(template);
    const titleLine = content.find((l) => isTitleLine(l, keys));
    if (titleLine) {
      if (!blankInside) return { flavour: 'pdftotext-raw', template, line: titleLine.no };
      continue;
    }
    const lone = content.filter((l) => l.tokens.length === 1 && keys.has(l.key));
    if (new Set(lone.map((l) => l.key)).size >= MIN_TITLES) return { flavour: 'pdftotext-default', template, line: lone[0]!.no };
  }
  return undefined;
}

export { titleKeys };

/**
 * False when `detectFlavour` would surely find nothing, judged from the text alone without
 * building its lines: raw mode writes no blank line between its first and last line, and
 * default mode needs at least MIN_TITLES different column titles alone on their lines. Most
 * text the importer reads (the seed's extractor, with blank lines between its blocks and its
 * column titles on one line) is let go here at the cost of one pass over the lines.
 */
export function mayHaveFlavour(text: string, templates: readonly Template[]): boolean {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/u) : text.split('\n');
  let content = false;
  let blankAfterContent = false;
  let blankInside = false;
  // The key of a lone word, or null where it is surely longer than every column title.
  const lone: Array<string | null> = [];
  const longest = Math.max(0, ...templates.map((t) => Math.max(0, ...[...titleKeys(t)].map((k) => k.length))));
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = (raw.includes('\f') ? raw.replace(/\f/gu, ' ') : raw).trim();
    if (isBlankText(line)) {
      blankAfterContent ||= content;
      continue;
    }
    blankInside ||= blankAfterContent;
    content = true;
    if (!/\s/u.test(line)) lone.push(keyLengthAtLeast(line) > longest ? null : loneKey(line));
  }
  if (!blankInside) return true;
  if (lone.length < MIN_TITLES) return false;
  return templates.some((t) => {
    const keys = titleKeys(t);
    return new Set(lone.filter((k) => k !== null && keys.has(k))).size >= MIN_TITLES;
  });
}

/**
 * The key rawLines gives a line of one word. A word of characters NFKC keeps, without colons
 * or commas (which labelKey drops at the end, or between digits), is its own key: no
 * radicals to fold and nothing to normalise.
 */
function loneKey(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x3a || c === 0x2c || !isNfkcStable(c)) return labelKey(normalizeExtractedText(word));
  }
  return word;
}

/**
 * A lower bound of the length of a word's key (labelKey), without building it: NFKC neither drops
 * a character it keeps nor merges two of them, and the key drops only white space, colons at the
 * end and commas between digits. A wrapped paragraph is a lone word too, and far longer than a title.
 */
export function keyLengthAtLeast(word: string): number {
  let kept = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c !== 0x3a && c !== 0x2c && isNfkcStable(c)) kept++;
  }
  return kept;
}

/** Whether a trimmed line's key (labelKey: NFKC, no white space, no trailing colon) is empty. */
function isBlankText(line: string): boolean {
  if (line === '') return true;
  // A character NFKC keeps, other than a colon, stays in the key.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x3a && isNfkcStable(c)) return false;
  }
  return labelKey(line) === '';
}
