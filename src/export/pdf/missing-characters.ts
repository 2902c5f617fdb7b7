/**
 * Characters the form's font cannot draw. A PDF would show them as empty boxes (.notdef) and
 * copying would give nothing useful, so the export refuses them: renderEvaluationsPdf throws a
 * MissingCharactersError listing each character with every place it occurs, and
 * findMissingCharacters lets a caller (the UI, the CLI) ask before exporting.
 */
import type { FormLayout } from './form-table.ts';
import { hasGlyph } from './form-font.ts';

export interface MissingCharacter {
  char: string;
  /** "U+20000". */
  codePoint: string;
  /** Where it occurs: `evaluations[0].indicators[3].name`, or a template label (`evaluations[0] label form.notes`). */
  where: string[];
}

export class MissingCharactersError extends Error {
  constructor(readonly missing: MissingCharacter[]) {
    super(
      `The PDF font (Noto Sans SC) has no glyph for ${missing.length} character(s): ` +
        missing.map((m) => `${m.char} (${m.codePoint}) in ${m.where.join(', ')}`).join('; '),
    );
    this.name = 'MissingCharactersError';
  }
}

/** Template words are labels; everything else names a model path of the evaluation. */
/** Reports of parts of the forms (in order) as one: each character once, its places in order. */
export function mergeMissing(parts: readonly MissingCharacter[][]): MissingCharacter[] {
  const merged = new Map<string, MissingCharacter>();
  for (const part of parts) {
    for (const m of part) {
      const known = merged.get(m.char);
      if (known) known.where.push(...m.where.filter((w) => !known.where.includes(w)));
      else merged.set(m.char, { ...m, where: [...m.where] });
    }
  }
  return [...merged.values()];
}

function place(formIndex: number, source: string): string {
  const isLabel = /^(form\.|columns\.|title$)/u.test(source) || source.includes('label:');
  return isLabel ? `evaluations[${formIndex}] label ${source}` : `evaluations[${formIndex}].${source}`;
}

/** The printed texts of the forms with where each comes from (a model path or label key). */
function* printedTexts(layouts: readonly FormLayout[]): Generator<{ text: string; formIndex: number; source: string; bold: boolean }> {
  for (const [formIndex, layout] of layouts.entries()) {
    for (const block of [...layout.title, ...(layout.notes ? [layout.notes] : [])]) {
      for (const line of block.lines) yield { text: line.text, formIndex, source: line.source, bold: block.bold === true };
    }
    for (const section of layout.sections) {
      for (const row of [...section.header, ...section.rows]) {
        for (const cell of row.cells) yield { text: cell.text, formIndex, source: cell.source, bold: false };
      }
    }
  }
}

const WHITESPACE = /\s/u;

/** The characters the layouts print that the font lacks; `firstIndex` numbers the first layout's evaluation. */
export function missingCharactersIn(layouts: readonly FormLayout[], firstIndex = 0): MissingCharacter[] {
  const found = new Map<string, Set<string>>();
  for (const { text, formIndex, source, bold } of printedTexts(layouts)) {
    const weight = bold ? 'bold' : 'regular';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const astral = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const ch = astral ? text.slice(i, i + 2) : text[i]!;
      if (astral) i++;
      if (hasGlyph(ch, weight) || WHITESPACE.test(ch)) continue;
      if (!found.has(ch)) found.set(ch, new Set());
      found.get(ch)!.add(place(firstIndex + formIndex, source));
    }
  }
  return [...found].map(([char, where]) => ({
    char,
    codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    where: [...where],
  }));
}
