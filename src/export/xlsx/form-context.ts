/** What every part of a form sheet writes into, and where the blank form's validations go. */
import type { Worksheet } from 'exceljs';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import type { AmountUnit } from '../../core/model/amount-unit.ts';
import type { Range } from './sheet-cells.ts';

/** Cells of the form by what may be typed into them (for the fillable template's validations). */
export interface FormMarks {
  amounts: Range[];
  rates: Range[];
  points: Range[];
  categories: Range[];
  subcategories: { range: Range; category: string }[];
  levels: Range[];
  yesNo: Range[];
  grades: Range[];
  dates: Range[];
}

export interface FormContext {
  ws: Worksheet;
  template: Template;
  /** Undefined for the blank, fillable form. */
  evaluation: Evaluation | undefined;
  /** Printed columns; the level column, where there is one, lies beyond them. */
  width: number;
  unit: AmountUnit;
  marks: FormMarks;
}

export function emptyMarks(): FormMarks {
  return { amounts: [], rates: [], points: [], categories: [], subcategories: [], levels: [], yesNo: [], grades: [], dates: [] };
}

/** Where the right-hand half of a two-field row starts: 7 columns → D, 8 → D. */
export function pairSplit(width: number): number {
  return Math.ceil(width / 2);
}
