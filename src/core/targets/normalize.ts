import { memoByString } from '../memo.ts';

/**
 * Text as people and extractors write it, folded to one spelling: matchKey (NFKC: full-width
 * digits and signs; no white space), and no thousands separators inside numbers.
 */
export const normalizeText = memoByString(fold);

function fold(raw: string): string {
  return matchKey(raw).replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '');
}

/**
 * The comparison key every reader compares printed words by: NFKC without white space, so that
 * （元） and (元), ４ and 4 compare equal. Labels add to it (import/labels/label-key.ts).
 */
export function matchKey(s: string): string {
  // Most keys are ASCII, CJK ideographs and full-width punctuation, which NFKC keeps or maps one
  // to one (，→ ,): fold those here and leave ICU the rest.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isNfkcStable(c)) continue;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      out += s.slice(from, i);
    } else if (c >= 0xff01 && c <= 0xff5e) {
      out += s.slice(from, i) + String.fromCharCode(c - 0xfee0);
    } else return s.normalize('NFKC').replace(/\s+/gu, '');
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Code units that NFKC keeps as they are, alone and next to each other (none is a combining
 * mark or composes with a neighbour): printable ASCII, CJK ideographs (with extension A), CJK
 * punctuation other than the ideographic space and the combining tone marks, and the curly
 * quotes and dash Chinese text uses. Full-width ASCII (U+FF01–FF5E) is its ASCII letter under
 * NFKC. Checked against String.normalize in import/text/text-lines.test.ts.
 */
export function isNfkcStable(c: number): boolean {
  if (c < 0x3001) return (c > 0x20 && c < 0x7f) || c === 0x2014 || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201c && c <= 0x201d);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c <= 0x3029 || (c >= 0x3030 && c <= 0x3035) || c === 0x3037 || (c >= 0x303b && c <= 0x303f));
}


export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** An alternation of words, longest first so that the longest spelling wins. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
