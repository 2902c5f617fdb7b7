/**
 * The fillable template's data validation: drop-downs for 一级指标, 二级指标, 达成程度, 是/否 and
 * 绩效等级, numbers only in the amount, rate and points cells. Lists longer than a cell formula
 * allows live on a hidden sheet.
 */
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { categoryLabel } from '../../core/templates/labels.ts';
import type { Template } from '../../core/templates/template.ts';
import type { FormMarks } from './form-context.ts';
import { levelWord } from './form-indicators.ts';
import { categoryCaption, formWord } from './form-words.ts';
import { columnLetter, type Range } from './sheet-cells.ts';

const LEVELS = ['achieved', 'partial', 'notAchieved'];
export const LISTS_SHEET = 'lists';

/** Writes a list into a column of the hidden sheet; returns its absolute reference. */
function listRange(lists: Worksheet, col: number, values: readonly string[]): string {
  values.forEach((v, i) => {
    lists.getCell(i + 1, col).value = v;
  });
  const letter = columnLetter(col);
  return `${LISTS_SHEET}!$${letter}$1:$${letter}$${Math.max(1, values.length)}`;
}

function apply(ws: Worksheet, ranges: readonly Range[], validation: DataValidation): void {
  for (const range of ranges) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) ws.getCell(r, c).dataValidation = validation;
    }
  }
}

function listOf(reference: string, title: string): DataValidation {
  return { type: 'list', allowBlank: true, formulae: [reference], showErrorMessage: true, errorTitle: title, error: title };
}

function decimalBetween(min: number, max: number | undefined): DataValidation {
  return max === undefined
    ? { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [min], showErrorMessage: true }
    : { type: 'decimal', operator: 'between', allowBlank: true, formulae: [min, max], showErrorMessage: true };
}

export function addValidations(workbook: Workbook, ws: Worksheet, template: Template, marks: FormMarks): void {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const captions = template.categories.map((c) => categoryCaption(template, c.key));
  const label = (key: string): string => formWord(template, key) ?? key;
  apply(ws, marks.categories, listOf(listRange(lists, 1, captions), label('indicators[].category')));
  apply(ws, marks.levels, listOf(listRange(lists, 2, LEVELS.map(levelWord)), label('indicators[].level')));
  const grades = template.grades.map((g) => g.label.zh);
  apply(ws, marks.grades, listOf(listRange(lists, 3, grades), label('grade')));
  const yesNo = [formWord(template, 'form.yes'), formWord(template, 'form.no')].filter((w): w is string => w !== undefined);
  if (yesNo.length > 0) apply(ws, marks.yesNo, listOf(listRange(lists, 4, yesNo), label('project.recurring')));
  template.categories.forEach((category, i) => {
    if (category.subcategories.length === 0) return;
    const reference = listRange(lists, 5 + i, category.subcategories);
    const ranges = marks.subcategories.filter((s) => s.category === category.key).map((s) => s.range);
    apply(ws, ranges, listOf(reference, `${categoryLabel(template, category.key).zh}`));
  });
  apply(ws, marks.points, decimalBetween(0, template.totalPoints));
  apply(ws, marks.amounts, decimalBetween(0, undefined));
  apply(ws, marks.rates, decimalBetween(0, undefined));
  apply(ws, marks.dates, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true });
}
