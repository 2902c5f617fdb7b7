/**
 * The narrative fields (项目年度总目标, 主要绩效, 主要问题, 改进措施): text after the label on its line
 * and on the lines below, to the first blank line. Extractors wrap a cell's paragraph over many
 * lines; a line that ends a sentence well short of the others' width ends a paragraph, which is
 * kept as "\n" the way the form shows it.
 */
import type { ClassifiedLine } from './classify-lines.ts';
import { displayWidth, isNumberToken } from './text-lines.ts';

export interface Narrative {
  text: string;
  /** Indices (within the form's lines) of the lines the text was taken from. */
  taken: number[];
}

/** Below this share of the widest line, a line ending a sentence ends its paragraph. */
const SHORT_LINE_SHARE = 0.9;

/**
 * The narrative whose label is on line `at`; `inline` is the text after the label there.
 * `free(i)` says whether line i is not yet taken by anything else.
 */
export function readNarrative(lines: readonly ClassifiedLine[], at: number, inline: string, free: (i: number) => boolean): Narrative {
  const parts: string[] = inline === '' ? [] : [inline];
  const taken: number[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.is.kind === 'blank') {
      if (parts.length > 0) break;
      continue;
    }
    if (line.is.kind !== 'content' || !free(i)) break;
    // An empty narrative cell: what follows the blank lines is a table row, not this text.
    if (parts.length === 0 && looksLikeTableRow(line)) break;
    parts.push(line.text);
    taken.push(i);
  }
  return { text: joinWrapped(parts), taken };
}

function looksLikeTableRow(line: ClassifiedLine): boolean {
  return line.words.some((w) => isNumberToken(w.text));
}

/** Wrapped lines joined without a break, except where a paragraph ends. */
export function joinWrapped(parts: readonly string[]): string {
  const widest = Math.max(0, ...parts.map(displayWidth));
  let text = '';
  parts.forEach((part, i) => {
    if (i > 0) text += separator(parts[i - 1]!, part, widest);
    text += part;
  });
  return text;
}

function separator(previous: string, next: string, widest: number): string {
  if (/[。！？!?]$/u.test(previous) && displayWidth(previous) < widest * SHORT_LINE_SHARE) return '\n';
  // Latin words broken over lines keep a space between them.
  return /[A-Za-z]$/u.test(previous) && /^[A-Za-z]/u.test(next) ? ' ' : '';
}
