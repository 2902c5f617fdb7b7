/**
 * The templates' labels indexed by their spellings, for the layout reader's many questions about
 * one piece of text (is it a label, which column does it title). It answers as FormLabels.match
 * does — a text matches a label when its key is one of the label's spellings, or such a spelling
 * followed by a bracket — but looks the key up once instead of matching every label in turn.
 */
import type { Template } from '../../core/templates/template.ts';
import { labelKey, labelVariants, splitBracket } from '../labels/label-key.ts';

export class LabelIndex {
  private readonly keysOf = new Map<string, Set<string>>();

  constructor(readonly template: Template) {
    const labels = [...Object.entries(this.template.fieldLabels), ...this.template.columns.map((c) => [`column.${c.field}`, c.title] as const)];
    for (const [key, label] of labels) {
      for (const spelling of labelVariants(label)) this.keysOf.set(spelling, new Set([...(this.keysOf.get(spelling) ?? []), key]));
    }
  }

  /** The label keys (`project.name`, `column.weight`, `form.yes`) a text prints. */
  matches(text: string): ReadonlySet<string> {
    const key = labelKey(text);
    if (key === '') return new Set();
    const whole = this.keysOf.get(key);
    const parts = splitBracket(key);
    const base = parts.bracket === undefined ? undefined : this.keysOf.get(parts.base);
    return base === undefined ? (whole ?? new Set()) : new Set([...(whole ?? []), ...base]);
  }

  /** The column a text titles, in the template's column order (as FormLabels.columnOf). */
  columnOf(matched: ReadonlySet<string>): string | undefined {
    const column = this.template.columns.find((c) => matched.has(`column.${c.field}`));
    if (column) return column.field;
    return matched.has('indicators[].level') ? 'level' : undefined;
  }
}
