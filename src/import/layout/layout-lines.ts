/**
 * `pdftotext -layout` text as positioned pieces: pages split at form feeds, each line cut into
 * tokens at spaces, each token with its character column (pdftotext places every character,
 * CJK included, in one column of its grid) and its 1-based line number in the file.
 */

export interface LayoutToken {
  text: string;
  /** Character columns [start, end) on the line. */
  start: number;
  end: number;
  /** Index of the line in the document (pages joined), and its 1-based line number in the file. */
  line: number;
  lineNo: number;
  page: number;
  /** A label wrapped in its cell and joined onto one line: the lines its pieces were printed on. */
  printedOver?: { first: number; last: number };
}

export interface LayoutLine {
  index: number;
  lineNo: number;
  page: number;
  tokens: LayoutToken[];
  /** Pieces of the line split at runs of two or more spaces, for telling labels and values apart. */
  pieces: LayoutToken[];
  /** Held a piece of a wrapped label since joined onto another line: printed on, though it may read empty now. */
  heldLabel?: boolean;
}

/** A surrogate pair: a character that is two UTF-16 code units but one column. */
const PAIR = /[\u{10000}-\u{10FFFF}]/u;

/** A line's words: its text split at spaces, each with the columns it is printed at. */
function spans(text: string, line: number, lineNo: number, page: number): LayoutToken[] {
  // Columns count characters; without surrogate pairs that is the string index.
  const columns = PAIR.test(text) ? (s: string) => [...s].length : (s: string) => s.length;
  const out: LayoutToken[] = [];
  let offset = 0;
  for (const part of text.split(/( +)/u)) {
    const at = text.indexOf(part, offset);
    offset = at + part.length;
    if (part.trim() === '') continue;
    const start = columns(text.slice(0, at));
    out.push({ text: part, start, end: start + columns(part), line, lineNo, page });
  }
  return out;
}

/**
 * Pieces of one line's tokens (or of a column's part of them): tokens a single space apart are one
 * piece: what tells labels and values apart on a line, and again on lines whose tokens were moved
 * or joined once read.
 */
export function piecesOf(tokens: readonly LayoutToken[]): LayoutToken[] {
  const pieces: LayoutToken[] = [];
  for (const t of tokens) {
    const last = pieces.at(-1);
    if (last && t.start - last.end <= 1) pieces[pieces.length - 1] = { ...last, text: `${last.text} ${t.text}`, end: t.end };
    else pieces.push({ ...t });
  }
  return pieces;
}

export function layoutLines(text: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let page = 1;
  text.split(/\r?\n/u).forEach((raw, i) => {
    let body = raw;
    while (body.startsWith('\f')) {
      body = body.slice(1);
      page++;
    }
    body = body.replace(/\f/gu, '').replace(/\t/gu, ' ');
    const index = lines.length;
    const tokens = spans(body, index, i + 1, page);
    lines.push({ index, lineNo: i + 1, page, tokens, pieces: piecesOf(tokens) });
  });
  // The form feed ending the last page starts no page of its own.
  while (lines.length > 0 && lines[lines.length - 1]!.tokens.length === 0) lines.pop();
  return lines;
}

/**
 * Whether extracted text keeps the page's columns as positions: many lines hold several pieces
 * set apart by wide runs of spaces, or start far indented.
 */
export function looksLikeLayout(text: string): boolean {
  // A trailing \r is white space to both tests: splitting at \n alone counts the same lines.
  const lines = text.split('\n');
  let content = 0;
  let spread = 0;
  for (const l of lines) {
    if (l.trim() === '') continue;
    content++;
    // Both patterns need a run of four spaces: most lines of other text have none.
    if (l.includes('    ') && (/ {4,}\S/u.test(l.trimStart().replace(/^\f/u, '')) || /^\f? {8,}\S/u.test(l))) spread++;
  }
  return content > 0 && spread / content >= 0.3;
}

/** A cell's lines, top to bottom, each once. */
export function linesOf(cell: { readonly tokens: readonly LayoutToken[] }): number[] {
  return [...new Set(cell.tokens.map((t) => t.line))].sort((a, b) => a - b);
}

/** A cell's tokens on one of its lines. */
export function tokensOn(cell: { readonly tokens: readonly LayoutToken[] }, line: number): LayoutToken[] {
  return cell.tokens.filter((t) => t.line === line);
}

/** The column a line's (or a cell's) text starts at: its leftmost token's. */
export function leftEdge(tokens: readonly LayoutToken[]): number {
  return Math.min(...tokens.map((t) => t.start));
}

/**
 * How wide a line's text prints, in the width of a Chinese character: pdftotext gives every
 * character a column, but a Latin letter or digit prints half as wide, so a line holding many
 * (个/年，覆盖全区15个街) takes more columns than one as wide holding fewer.
 */
export function printedWidth(tokens: readonly LayoutToken[]): number {
  const sorted = [...tokens].sort((a, b) => a.start - b.start);
  // The text from the column's edge on, up to a wider gap (another column's text drifted beside it).
  const run = sorted.filter((t, i) => sorted.slice(1, i + 1).every((u, k) => u.start - sorted[k]!.end <= 1));
  const half = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
  return run.reduce((w, t, i) => w + half(t.text) + (i === 0 ? 0 : t.start - run[i - 1]!.end), 0);
}
