/** The template's labels as matchers over cell text, and which cells of a form are labels. */
import { memoByString } from '../../core/memo.ts';
import type { Template } from '../../core/templates/template.ts';
import { LabelIndex } from '../labels/label-index.ts';
import { labelKey, splitBracket, unitOf, type AmountUnit } from '../labels/label-key.ts';
import type { PlacedCell } from './form-region.ts';

/** Field-label keys that are values, not labels (是/否) or free text (说明). */
const NOT_LABELS = new Set(['form.yes', 'form.no', 'form.notes']);

interface TextLabels {
  /** The label keys the text prints (`project.name`, `column.weight`). */
  keys: ReadonlySet<string>;
  /** The unit in its brackets (当年预算数（万元）). */
  unit: AmountUnit | undefined;
}

export class FormLabels {
  private static readonly kept = new WeakMap<Template, FormLabels>();
  private readonly index: LabelIndex;
  private readonly keys: ReadonlySet<string>;
  /** Every question about a text is answered from one lookup of its key, asked once per text. */
  private readonly read: (text: string) => TextLabels;

  /**
   * The labels of a template, made once and kept with it: a file of many forms, and the next
   * file, ask about the same texts again.
   */
  static of(template: Template): FormLabels {
    let labels = FormLabels.kept.get(template);
    if (labels === undefined) FormLabels.kept.set(template, (labels = new FormLabels(template)));
    return labels;
  }

  constructor(readonly template: Template) {
    this.index = new LabelIndex(template);
    this.keys = new Set([...Object.keys(template.fieldLabels), ...template.columns.map((c) => `column.${c.field}`)]);
    this.read = memoByString((text) => ({ keys: this.index.matches(text), unit: unitOf(splitBracket(labelKey(text)).bracket) }));
  }

  /** Whether a cell prints this field-label key (`project.name`, `column.weight`, `form.yes`). */
  match(key: string, text: string): { unit: AmountUnit | undefined } | undefined {
    const read = this.read(text);
    return read.keys.has(key) ? { unit: read.unit } : undefined;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Whether a cell is some label of the form rather than a value. */
  isLabel(cell: PlacedCell | undefined): boolean {
    if (!cell) return false;
    for (const key of this.read(cell.text).keys) if (!NOT_LABELS.has(key)) return true;
    return false;
  }

  /** The column field a header cell names (`target` for 指标解释). */
  columnOf(text: string): string | undefined {
    return this.index.columnOf(this.read(text).keys);
  }
}
