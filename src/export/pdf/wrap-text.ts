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

/**
 * Wrapped lines of short texts by weight, size, width and text. Labels and column titles recur
 * on every form and merged captions are wrapped again at each size tried, so most lookups hit;
 * long texts (goals, narratives) are wrapped once per form and not kept. Bounded, since values
 * differ from form to form.
 */
const wrapped = new Map<string, readonly string[]>();
const WRAPPED_LIMIT = 20_000;
const KEPT_LENGTH = 48;

/** The lines `text` takes in `width` points; explicit newlines are kept, an empty text is no line. */
export function wrapText(text: string, width: number, options: WrapOptions): string[] {
  if (text === '') return [];
  if (text.length > KEPT_LENGTH) return wrapLines(text, width, options);
  const key = `${options.weight ?? 'regular'} ${options.size} ${width} ${text}`;
  let lines = wrapped.get(key);
  if (lines === undefined) {
    lines = wrapLines(text, width, options);
    if (wrapped.size >= WRAPPED_LIMIT) wrapped.clear();
    wrapped.set(key, lines);
  }
  // A copy: callers may change their lines.
  return lines.slice();
}

function wrapLines(text: string, width: number, options: WrapOptions): string[] {
  return text.includes('\n') ? text.split(/\r?\n/u).flatMap((paragraph) => wrapParagraph(paragraph, width, options)) : wrapParagraph(text, width, options);
}

const SPACE = /^\s$/u;

function wrapParagraph(paragraph: string, width: number, options: WrapOptions): string[] {
  const { size, weight } = options;
  const tokens: string[] = [];
  const widths: number[] = [];
  for (const t of paragraph.match(TOKEN) ?? []) {
    const w = textWidth(t, size, weight);
    if (w > width && t.length > 1) {
      for (const ch of t) {
        tokens.push(ch);
        widths.push(textWidth(ch, size, weight));
      }
    } else {
      tokens.push(t);
      widths.push(w);
    }
  }
  const space = tokens.map((t) => t.length === 1 && SPACE.test(t));
  const lines: string[] = [];
  // The line being filled: tokens [from, to) less the ones carried over, kept as a list of indices.
  let line: number[] = [];
  let lineWidth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const w = widths[k]!;
    // Spaces at the start of a wrapped line are dropped; a paragraph's own indent (　　　2、) stays.
    if (line.length === 0 && lines.length > 0 && space[k]) continue;
    if (lineWidth + w <= width || line.length === 0) {
      line.push(k);
      lineWidth += w;
      continue;
    }
    const carried = carryOver(line, tokens, tokens[k]!);
    lines.push(joined(line, tokens, space));
    line = carried;
    line.push(k);
    lineWidth = 0;
    for (const i of line) lineWidth += widths[i]!;
    if (lineWidth > width) {
      // The carried characters do not fit with the token: give up the rule rather than overflow.
      lines.push(joined(carried.slice(0, -1), tokens, space));
      line = [k];
      lineWidth = w;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(joined(line, tokens, space));
  return lines;
}

/** The tokens of a line joined, trailing spaces dropped. */
function joined(line: readonly number[], tokens: readonly string[], space: readonly boolean[]): string {
  let end = line.length;
  while (end > 0 && space[line[end - 1]!]) end--;
  let out = '';
  for (let i = 0; i < end; i++) out += tokens[line[i]!];
  return out;
}

/**
 * The tokens to take off the end of the full line so that the next line does not start with
 * `next` when `next` may not start a line, and the full line does not end with an opening mark.
 * Removes them from `line` and returns them.
 */
function carryOver(line: number[], tokens: readonly string[], next: string): number[] {
  const carried: number[] = [];
  if (NO_LINE_START.has(firstChar(next)) && line.length > 1) carried.unshift(line.pop()!);
  while (line.length > 1 && NO_LINE_END.has(lastChar(tokens[line[line.length - 1]!]!))) carried.unshift(line.pop()!);
  return carried;
}

function firstChar(token: string): string {
  return String.fromCodePoint(token.codePointAt(0) ?? 0);
}

function lastChar(token: string): string {
  const last = token.charCodeAt(token.length - 1);
  return (last & 0xfc00) === 0xdc00 && token.length > 1 ? token.slice(-2) : token.slice(-1);
}
