/**
 * Label | value rows: the header grid (项目名称 | … | 预算单位 | …), the 项目年度总目标 row, and
 * the closing rows (自评时间 | … | 绩效等级 | …, 主要绩效 …). Two pairs to a row on the grid of
 * FIELD_GRID; a lone field takes the whole row.
 */
import { FIELD_GRID, TABLE_WIDTH } from './page-layout.ts';
import type { Align, Cell, Row } from './form-table.ts';

export interface FieldValue {
  label: string;
  /** The label's key in the template, for reports. */
  labelSource: string;
  value: string;
  /** The model path of the value. */
  source: string;
  align: Align;
}

const SPLIT = TABLE_WIDTH * FIELD_GRID.pairSplitShare;

function labelCell(field: FieldValue, x0: number, x1: number): Cell {
  return { x0, x1, text: field.label, align: 'center', source: field.labelSource };
}

function valueCell(field: FieldValue, x0: number, x1: number): Cell {
  return { x0, x1, text: field.value, align: field.align, source: field.source };
}

/**
 * One field over the whole width: label, then its value. A long text (目标, 主要绩效) may split
 * across pages; its label is then a merged cell, so the continued part is labelled too.
 */
export function wideFieldRow(field: FieldValue, splittable = false): Row {
  const label = labelCell(field, 0, FIELD_GRID.labelWidth);
  return {
    cells: [splittable ? { ...label, mergeKey: `label:${field.source}` } : label, valueCell(field, FIELD_GRID.labelWidth, TABLE_WIDTH)],
    splittable,
  };
}

/** Two fields side by side. */
export function pairRow(left: FieldValue, right: FieldValue): Row {
  const w = FIELD_GRID.labelWidth;
  return {
    cells: [labelCell(left, 0, w), valueCell(left, w, SPLIT), labelCell(right, SPLIT, SPLIT + w), valueCell(right, SPLIT + w, TABLE_WIDTH)],
  };
}

/** Fields two to a row, in order; an odd last one takes a row of its own. */
export function pairRows(fields: readonly FieldValue[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const right = fields[i + 1];
    rows.push(right === undefined ? wideFieldRow(fields[i]!) : pairRow(fields[i]!, right));
  }
  return rows;
}
