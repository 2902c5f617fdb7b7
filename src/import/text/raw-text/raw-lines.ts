/**
 * Lines of pdftotext `-raw` / default-mode text as people number them in an editor: a form feed
 * (pdftotext's page break) starts a new page without starting a new line. Each line is cut into
 * tokens at white space: in these modes a space is all that separates two cells.
 */
import { normalizeExtractedText } from '../cjk-radicals.ts';
import { labelKey } from '../../labels/label-key.ts';

export interface RawLine {
  /** 1-based line number in the file. */
  no: number;
  /** 0-based page (form feeds before this line). */
  page: number;
  text: string;
  tokens: string[];
  /** Comparison key: NFKC, no white space, no trailing colon. */
  key: string;
}

export function rawLines(text: string): RawLine[] {
  let page = 0;
  return normalizeExtractedText(text)
    .split(/\r\n|\r|\n/u)
    .map((raw, i) => {
      const feeds = raw.split('\f').length - 1;
      const leading = /^[\s\f]*/u.exec(raw)![0].split('\f').length - 1;
      page += leading;
      const line = raw.replace(/\f/gu, ' ').trim();
      const out: RawLine = { no: i + 1, page, text: line, tokens: line === '' ? [] : line.split(/\s+/u), key: labelKey(line) };
      page += feeds - leading;
      return out;
    });
}

export const isBlankLine = (line: RawLine): boolean => line.key === '';
