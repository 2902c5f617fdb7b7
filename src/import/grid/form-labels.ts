/** The template's labels as matchers over cell text, and which cells of a form are labels. */
import type { Template } from '../../core/templates/template.ts';
import { labelKey, labelVariants, matchLabel, type AmountUnit } from '../labels/label-key.ts';
import type { PlacedCell } from './form-region.ts';

/** Field-label keys that are values, not labels (是/否) or free text (说明). */
const NOT_LABELS = new Set(['form.yes', 'form.no', 'form.notes']);

export class FormLabels {
  private readonly variants = new Map<string, Set<string>>();
  private readonly allKeys = new Set<string>();

  constructor(readonly template: Template) {
    for (const [key, label] of Object.entries(template.fieldLabels)) {
      const variants = labelVariants(label);
      this.variants.set(key, variants);
      if (!NOT_LABELS.has(key)) variants.forEach((v) => this.allKeys.add(v));
    }
    for (const column of template.columns) {
      const variants = labelVariants(column.title);
      this.variants.set(`column.${column.field}`, variants);
      variants.forEach((v) => this.allKeys.add(v));
    }
  }

  /** Whether a cell prints this field-label key (`project.name`, `column.weight`, `form.yes`). */
  match(key: string, text: string): { unit: AmountUnit | undefined } | undefined {
    const variants = this.variants.get(key);
    return variants ? matchLabel(text, variants) : undefined;
  }

  has(key: string): boolean {
    return this.variants.has(key);
  }

  /** Whether a cell is some label of the form rather than a value. */
  isLabel(cell: PlacedCell | undefined): boolean {
    if (!cell) return false;
    const key = labelKey(cell.text);
    if (key === '') return false;
    return this.allKeys.has(key) || [...this.variants.keys()].some((k) => !NOT_LABELS.has(k) && this.match(k, cell.text) !== undefined);
  }

  /** The column field a header cell names (`target` for 指标解释). */
  columnOf(text: string): string | undefined {
    for (const column of this.template.columns) {
      if (this.match(`column.${column.field}`, text)) return column.field;
    }
    if (this.match('indicators[].level', text)) return 'level';
    return undefined;
  }
}
