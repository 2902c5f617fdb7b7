import { memoByString } from '../memo.ts';

/**
 * Text as people and extractors write it, folded to one spelling: NFKC (full-width digits and
 * signs), no white space, no thousands separators inside numbers.
 */
export const normalizeText = memoByString(fold);

function fold(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** An alternation of words, longest first so that the longest spelling wins. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
