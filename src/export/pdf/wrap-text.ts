/**
 * Breaking a cell's text into lines that fit the cell: Chinese breaks between any two
 * characters, Latin words and numbers ("414,400.00", ">=50") stay whole, and the usual
 * Chinese line-breaking rules hold (no line starts with ，。）” and none ends with （“), so the
 * printed lines look like the official form's.
 */
import { textWidth, type FontWeight } from './form-font.ts';

/** Characters that may not begin a line. */
const NO_LINE_START = new Set([...'，。、；：？！）」』”’》〉】〕…·％,.;:?!)]}%‰、～']);
/** Characters that may not end a line. */
const NO_LINE_END = new Set([...'（「『“‘《〈【〔([{']);

/**
 * Tokens that stay on one line: a short bracketed group ("(45分)", "（元）"), a run of Latin
 * letters, digits and ASCII signs; every other character is a token of its own.
 */
const TOKEN = /[(（][^()（）\s]{1,8}[)）]|[A-Za-z0-9.,:;%+\-/_@#&'"()<>=~!?[\]{}*^$|\\]+|\s|[\s\S]/gu;

export interface WrapOptions {
  size: number;
  weight?: FontWeight;
}

/** The lines `text` takes in `width` points; explicit newlines are kept, an empty text is no line. */
export function wrapText(text: string, width: number, options: WrapOptions): string[] {
  if (text === '') return [];
  return text.split(/\r?\n/u).flatMap((paragraph) => wrapParagraph(paragraph, width, options));
}

function wrapParagraph(paragraph: string, width: number, options: WrapOptions): string[] {
  const measure = (s: string) => textWidth(s, options.size, options.weight);
  const tokens = (paragraph.match(TOKEN) ?? []).flatMap((t) => (measure(t) > width ? [...t] : [t]));
  const lines: string[][] = [];
  let line: string[] = [];
  let lineWidth = 0;
  for (const token of tokens) {
    const w = measure(token);
    // Spaces at the start of a wrapped line are dropped; a paragraph's own indent (　　　2、) stays.
    if (line.length === 0 && lines.length > 0 && /^\s$/u.test(token)) continue;
    if (lineWidth + w <= width || line.length === 0) {
      line.push(token);
      lineWidth += w;
      continue;
    }
    const carried = carryOver(line, token);
    lines.push(trimEnd(line));
    line = [...carried, token];
    lineWidth = line.reduce((sum, t) => sum + measure(t), 0);
    if (lineWidth > width) {
      // The carried characters do not fit with the token: give up the rule rather than overflow.
      lines.push(trimEnd(carried));
      line = [token];
      lineWidth = w;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(trimEnd(line));
  return lines.map((l) => l.join(''));
}

/**
 * The tokens to take off the end of the full line so that the next line does not start with
 * `next` when `next` may not start a line, and the full line does not end with an opening mark.
 * Removes them from `line` and returns them.
 */
function carryOver(line: string[], next: string): string[] {
  const carried: string[] = [];
  const firstChar = [...next][0] ?? '';
  if (NO_LINE_START.has(firstChar) && line.length > 1) carried.unshift(line.pop()!);
  while (line.length > 1 && NO_LINE_END.has(lastChar(line[line.length - 1]!))) carried.unshift(line.pop()!);
  return carried;
}

function lastChar(token: string): string {
  const chars = [...token];
  return chars[chars.length - 1] ?? '';
}

function trimEnd(line: string[]): string[] {
  const out = [...line];
  while (out.length > 0 && /^\s$/u.test(out[out.length - 1]!)) out.pop();
  return out;
}
