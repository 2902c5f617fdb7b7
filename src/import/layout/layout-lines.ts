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
}

/** A surrogate pair: a character that is two UTF-16 code units but one column. */
const PAIR = /[\u{10000}-\u{10FFFF}]/u;

function spans(text: string, gap: RegExp, line: number, lineNo: number, page: number): LayoutToken[] {
  // Columns count characters; without surrogate pairs that is the string index.
  const columns = PAIR.test(text) ? (s: string) => [...s].length : (s: string) => s.length;
  const out: LayoutToken[] = [];
  let offset = 0;
  for (const part of text.split(gap)) {
    const at = text.indexOf(part, offset);
    offset = at + part.length;
    if (part.trim() === '') continue;
    const start = columns(text.slice(0, at));
    out.push({ text: part, start, end: start + columns(part), line, lineNo, page });
  }
  return out;
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
    lines.push({ index, lineNo: i + 1, page, tokens: spans(body, /( +)/u, index, i + 1, page), pieces: spans(body, /( {2,})/u, index, i + 1, page) });
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
