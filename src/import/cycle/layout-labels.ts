/**
 * The words of a targets or monitoring layout as matchers over printed cells: a label and its
 * aliases, compared as every label is (label-key.ts), with its parameters (`{year}`, `{month}`,
 * `{unit}`, `{asOf}`) matching whatever the form printed there — 1—7月执行情况 is the label
 * 1—{month}月执行情况 whichever month the form is as of.
 */
import { memoByString } from '../../core/memo.ts';
import { escapeRegExp } from '../../core/targets/normalize.ts';
import type { DocumentLayout, FormLabel, Label } from '../../core/templates/template.ts';
import { labelKey, labelSpellings } from '../labels/label-key.ts';

/**
 * A pattern over label keys; the captures are the parameters in the order written. Built once per
 * word: every cell of an imported file is tried against every template's titles. Without the `g`
 * or `y` flag a RegExp keeps no state between `exec` calls, so one can be shared.
 */
export const labelPattern: (word: string) => RegExp = memoByString((word) => {
  const parts = word.split(/\{\w+\}/u).map((part) => escapeRegExp(labelKey(part)));
  return new RegExp(`^${parts.join('(.+?)')}$`, 'u');
});

export class LayoutLabels {
  private readonly patterns = new Map<string, RegExp[]>();

  constructor(readonly layout: DocumentLayout) {
    for (const [key, label] of Object.entries(layout.fieldLabels)) this.patterns.set(key, patternsOf(label));
    for (const column of layout.columns) this.patterns.set(`column.${column.field}`, patternsOf(column.title));
  }

  /** The parameters the cell printed, when it is this label (`form.fundingHeading` → ['元']). */
  match(key: string, text: string): string[] | undefined {
    const cellKey = labelKey(text);
    if (cellKey === '') return undefined;
    for (const pattern of this.patterns.get(key) ?? []) {
      const m = pattern.exec(cellKey);
      if (m) return m.slice(1);
    }
    return undefined;
  }

  /** The column field a title cell names. */
  columnOf(text: string): string | undefined {
    return this.layout.columns.find((c) => this.match(`column.${c.field}`, text))?.field;
  }

  /** The field-label key (among `keys`) whose word this is: 确定能 → `form.likelihood.certain`. */
  wordOf(text: string, keys: readonly string[]): string | undefined {
    return keys.find((key) => this.match(key, text));
  }
}

function patternsOf(label: FormLabel | Label): RegExp[] {
  return [...new Set([...labelSpellings(label), label.en])].map(labelPattern);
}
