/**
 * The indicator table as a stream of words, cut into rows. Whatever the extractor did to the
 * layout, a row reads `name target weight rule score [remark]` (the template's columns in order):
 * its two bare numbers, weight and score, are the fixed points. Text before the weight is the
 * name and target cells, text between the numbers the rule, text after the score on its line the
 * remark. Which line a piece came from and which blank-separated chunk it sat in is kept, for
 * telling a wrapped name from a target (indicator-cells.ts).
 */
import type { ClassifiedLine } from './classify-lines.ts';
import { readPoints, valueOf } from '../../core/values/read-value.ts';
import { isNumberToken, type Word } from './text-lines.ts';

/** Consecutive words of one line, between numbers. */
export interface Piece {
  text: string;
  words: string[];
  line: number;
  /** Blank-separated chunk the line sat in; cells wrapped together share a chunk. */
  chunk: number;
  /** On the same line as the row's weight, before it ("=5 8": the "=5"). */
  withWeight: boolean;
}

export interface PrintedNumber {
  raw: string;
  value: number | null;
  line: number;
}

export interface RawRow {
  before: Piece[];
  weight: PrintedNumber | null;
  between: Piece[];
  score: PrintedNumber | null;
  after: Piece[];
}

interface TableLine {
  line: ClassifiedLine;
  chunk: number;
}

/** The form's table lines: content nothing else took; anything else breaks a chunk. */
export function tableLines(lines: readonly ClassifiedLine[], taken: ReadonlySet<number>): TableLine[] {
  const out: TableLine[] = [];
  let chunk = 0;
  let open = false;
  lines.forEach((line, i) => {
    if (line.is.kind === 'content' && !taken.has(i)) {
      if (!open) chunk++;
      open = true;
      out.push({ line, chunk });
    } else open = false;
  });
  return out;
}

export interface RowOptions {
  /** A number above this is no weight (the template's total points). */
  maxWeight: number;
  /** The template has no text column between weight and score (national: 分值 得分). */
  scoreFollowsWeight: boolean;
  /** The template has a text column before the weight that may print as a bare number (实际完成值). */
  actualBeforeWeight: boolean;
}

export function cutRows(table: readonly TableLine[], options: RowOptions): { rows: RawRow[]; unfinished: RawRow | null } {
  const rows: RawRow[] = [];
  let row = emptyRow();
  for (const { line, chunk } of table) {
    const words = line.words;
    let pieceStart = -1;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!.text;
      if (row.score !== null || !isNumberToken(word) || !takesNumber(row, word, lookAhead(words, w), options)) {
        if (pieceStart < 0) pieceStart = w;
        continue;
      }
      if (pieceStart >= 0) addPiece(row, line, chunk, words.slice(pieceStart, w));
      pieceStart = -1;
      const number: PrintedNumber = { raw: word, value: valueOf(readPoints(word)) ?? null, line: line.no };
      if (row.weight === null) {
        row.before.filter((p) => p.line === line.no).forEach((p) => (p.withWeight = true));
        row.weight = number;
      } else row.score = number;
    }
    if (pieceStart >= 0) addPiece(row, line, chunk, words.slice(pieceStart));
    if (row.score !== null) {
      rows.push(row);
      row = emptyRow();
    }
  }
  const unfinished = row.before.length + row.between.length > 0 || row.weight !== null ? row : null;
  return { rows, unfinished };
}

/** Consecutive words of a line, to the part of the row the numbers so far put them in. */
function addPiece(row: RawRow, line: ClassifiedLine, chunk: number, slice: readonly Word[]): void {
  const piece: Piece = {
    text: line.text.slice(slice[0]!.start, slice.at(-1)!.end),
    words: slice.map((w) => w.text),
    line: line.no,
    chunk,
    withWeight: false,
  };
  (row.weight === null ? row.before : row.score === null ? row.between : row.after).push(piece);
}

function emptyRow(): RawRow {
  return { before: [], weight: null, between: [], score: null, after: [] };
}

interface Ahead {
  /** Bare numbers in a row from this word on, this one included. */
  numbers: number;
  /** A word follows the run of numbers on the line. */
  wordAfter: boolean;
}

function lookAhead(words: readonly Word[], from: number): Ahead {
  let n = from;
  while (n < words.length && isNumberToken(words[n]!.text)) n++;
  return { numbers: n - from, wordAfter: n < words.length };
}

/**
 * Whether a bare number is the row's weight or score rather than text: a number in the rule
 * above the weight with words after it ("满 10 场") is text; so is an actual printed bare where
 * a weight and a score follow it on the line (national: 实际完成值 分值 得分).
 */
function takesNumber(row: RawRow, word: string, ahead: Ahead, options: RowOptions): boolean {
  // Only a bare unsigned number (isNumberToken) gets here: a row's cells are told apart by their
  // form alone, so "-5" or "+3" (a target's change, a range cut at a dash) stays text.
  const value = valueOf(readPoints(word));
  if (value === undefined) return false;
  if (row.weight === null) {
    if (value > options.maxWeight) return false;
    return !(options.actualBeforeWeight && ahead.numbers >= 3);
  }
  if (options.scoreFollowsWeight) return true;
  return !(value > (row.weight.value ?? Infinity) && ahead.wordAfter);
}
