/**
 * Lines of extracted text with what every later step needs: the line number people find it by,
 * the text as printed (radicals folded, ends trimmed), and a comparison key (NFKC, no white
 * space) so that （元） and (元), ４ and 4 compare equal without changing what is kept.
 */
import { normalizeExtractedText } from './cjk-radicals.ts';
import { splitLines } from './decode-text.ts';
import { isNfkcStable, matchKey } from '../../core/targets/normalize.ts';

export interface TextLine {
  /** 1-based line number in the file. */
  no: number;
  text: string;
  key: string;
}

export function toLines(text: string): TextLine[] {
  return splitLines(normalizeExtractedText(text)).map((raw, i) => {
    const line = raw.trim();
    return { no: i + 1, text: line, key: matchKey(line) };
  });
}

export function isBlank(line: TextLine): boolean {
  return line.key === '';
}

/** A word of a line as the extractor separated it (white space), where it stands on the line. */
export interface Word {
  /** The word as printed. */
  text: string;
  /** Its comparison key (matchKey). */
  key: string;
  start: number;
  end: number;
}

/**
 * The runs of a line between white space, as /[^\s\u3000]+/gu finds them, each made into what
 * the caller keeps. Scanned by hand: every line of a file goes through here, and a regex
 * iterator costs several times more.
 */
function runsOf<T>(text: string, make: (start: number, end: number) => T): T[] {
  const runs: T[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (!isWhiteSpace(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push(make(start, i));
      start = -1;
    }
  }
  if (start >= 0) runs.push(make(start, text.length));
  return runs;
}

/** The words of a line, each with its key and where it stands. */
export function wordsOf(text: string): Word[] {
  return runsOf(text, (start, end) => {
    const word = text.slice(start, end);
    return { text: word, key: matchKey(word), start, end };
  });
}

/** Words of a line as the extractor separated them (space or ideographic space). */
export function tokensOf(text: string): string[] {
  return runsOf(text, (start, end) => text.slice(start, end));
}

/**
 * What the regex class \s matches (ECMAScript WhiteSpace and LineTerminator: the ideographic
 * space U+3000 is one). Checked against the regex for every code unit in text-lines.test.ts.
 */
export function isWhiteSpace(c: number): boolean {
  if (c < 0xa0) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A bare number as the tables print weights and scores: "3", "9.5" (also as １０, which NFKC folds). */
export function isNumberToken(token: string): boolean {
  let unstable = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c) || c === 0x2e) continue;
    // A character NFKC keeps (and composes with nothing into a digit) that is no digit: no number.
    if (isNfkcStable(c)) return false;
    unstable = true;
  }
  // Only a token with characters NFKC changes (１０) needs normalising.
  return isBareNumber(unstable ? token.normalize('NFKC') : token);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** /^\d{1,6}(?:\.\d+)?$/ without a regex. */
function isBareNumber(s: string): boolean {
  let i = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === 0 || i > 6) return false;
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== 0x2e) return false;
  const decimals = ++i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i > decimals && i === s.length;
}

/**
 * Width in half-width cells, as the page lays text out: ideographs (and whatever is outside the
 * BMP) count two. By code unit: a surrogate pair is one character of width two.
 */
export function displayWidth(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        width += 2;
        i++;
        continue;
      }
    }
    width += isWide(c) ? 2 : 1;
  }
  return width;
}

/** East Asian wide and full-width code units (the blocks Chinese forms print), and the curly quotes. */
export function isWide(c: number): boolean {
  if (c < 0x1100) return false;
  if (c < 0x2e80) return c <= 0x115f || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d;
  return (
    (c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
  );
}
