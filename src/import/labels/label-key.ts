/**
 * Matching the form's printed labels, for every reader (grids of PDFs, spreadsheets, HTML and
 * Word tables, layout text, raw text, the classic text reader): a cell or a word matches a template label after NFKC and removing
 * white space (so `具体实施处（科室` + newline + `）` is `具体实施处(科室)`), a trailing colon, and a
 * trailing unit in brackets (`当年预算数（万元）` matches `当年预算数` and says 万元).
 */
import type { AmountUnit } from '../../core/model/amount-unit.ts';
import { projectSchema } from '../../core/model/evaluation.ts';
import { normalizeText } from '../../core/targets/normalize.ts';
import type { FormLabel, Label } from '../../core/templates/template.ts';

export type { AmountUnit };
/** 元 and 万元, longest first, from the model's own list. */
export const AMOUNT_UNITS: readonly AmountUnit[] = [...projectSchema.shape.amountUnit.unwrap().options].sort((a, b) => b.length - a.length);

export function labelKey(text: string): string {
  return normalizeText(text).replace(/[:：]+$/u, '');
}

export interface KeyParts {
  base: string;
  /** What the brackets held: 元, 万元, %, … */
  bracket: string | undefined;
}

/** `当年预算数(元)` → base `当年预算数`, bracket `元`. */
export function splitBracket(key: string): KeyParts {
  const match = /^(.+?)\(([^()]*)\)$/u.exec(key);
  return match ? { base: match[1]!, bracket: match[2] } : { base: key, bracket: undefined };
}

export function unitOf(bracket: string | undefined): AmountUnit | undefined {
  return AMOUNT_UNITS.find((u) => bracket === u);
}

/** A label's spellings: its words and aliases; "年度总体目标·预期目标" is printed as its last part too. */
export function labelSpellings(label: FormLabel | Label): string[] {
  const words = [label.zh, ...('aliases' in label ? label.aliases : [])];
  return words.flatMap((w) => (w.includes('·') ? [w, w.split('·').at(-1)!] : [w]));
}

/** A label's spellings as keys, each once. */
export function labelKeys(label: FormLabel | Label): string[] {
  return [...new Set(labelSpellings(label).map(labelKey))].filter((k) => k !== '');
}

/** All spellings of a label, as keys, with and without their brackets. */
export function labelVariants(label: FormLabel | Label): Set<string> {
  const keys = new Set<string>();
  for (const word of labelSpellings(label)) {
    const key = labelKey(word);
    keys.add(key);
    keys.add(splitBracket(key).base);
  }
  return keys;
}
