/**
 * A cycle document's form (cycle-form.ts) as the PDF's FormLayout, on the machinery of the
 * evaluation's form: the same label | value rows, merged captions, page breaks and wrapping.
 */
import { pairRows, wideFieldRow, type FieldValue } from '../pdf/field-rows.ts';
import { cellOver, columnEdges, type Cell, type FormLayout, type Row, type TableSection, type TextBlock } from '../pdf/form-table.ts';
import { COLUMN_WEIGHTS, DEFAULT_COLUMN_WEIGHT, FIELD_GRID, FONT_SIZE, TABLE_WIDTH } from '../pdf/page-layout.ts';
import type { CycleField, CycleForm, CycleFunding, FormText } from './cycle-form.ts';

/** Relative widths of the 项目资金 block: caption, source, then the amount columns share the rest. */
const FUNDING_CAPTION = 62;
const FUNDING_SOURCE = 110;
const FUNDING_AMOUNTS = 300;

function fieldValue(field: CycleField): FieldValue {
  return { label: field.label.text, labelSource: field.label.source, value: field.value.text, source: field.value.source, align: field.align };
}

function fundingRows(funding: CycleFunding): Row[] {
  const n = funding.columns.length;
  const edges = columnEdges([FUNDING_CAPTION, FUNDING_SOURCE, ...Array.from({ length: n }, () => FUNDING_AMOUNTS / n)], TABLE_WIDTH);
  const caption: Cell = cellOver(edges, 0, 1, { text: funding.heading.text, align: 'center', mergeKey: 'funding', source: funding.heading.source });
  const titles: Row = {
    cells: [caption, cellOver(edges, 1, 2, { text: '', align: 'center', source: 'funding' }), ...funding.columns.map((c, i) => cellOver(edges, i + 2, i + 3, { text: c.text, align: 'center', source: c.source }))],
  };
  const rows = funding.rows.map((row): Row => ({
    cells: [
      caption,
      cellOver(edges, 1, 2, { text: row.source.text, align: 'left', source: row.source.source }),
      ...row.values.map((v, i) => cellOver(edges, i + 2, i + 3, { text: v.text, align: 'right', source: v.source })),
    ],
  }));
  return [titles, ...rows];
}

/** 年度总体目标 | text, or under the merged label the heads 全年目标 | 1—7月执行情况 over their texts. */
function goalRows(goal: CycleForm['goal']): Row[] {
  if (goal.heads.length === 0) {
    const [value] = goal.values as [FormText];
    return [wideFieldRow({ label: goal.label.text, labelSource: goal.label.source, value: value.text, source: value.source, align: 'left' }, true)];
  }
  const w = FIELD_GRID.labelWidth;
  const edges = [0, ...columnEdges(goal.heads.map(() => 1), TABLE_WIDTH - w).map((x) => x + w)];
  const label: Cell = { x0: 0, x1: w, text: goal.label.text, align: 'center', mergeKey: 'goal', source: goal.label.source };
  return [
    { cells: [label, ...goal.heads.map((h, i) => cellOver(edges, i + 1, i + 2, { text: h.text, align: 'center', source: h.source }))] },
    { cells: [label, ...goal.values.map((v, i) => cellOver(edges, i + 1, i + 2, { text: v.text, align: 'left', source: v.source }))], splittable: true },
  ];
}

const NUMBER_FIELDS = new Set(['weight']);
const CENTRED_FIELDS = new Set(['category', 'subcategory', 'likelihood']);

function tableSection(table: CycleForm['table']): TableSection {
  const edges = columnEdges(table.columns.map((c) => COLUMN_WEIGHTS[c.field] ?? DEFAULT_COLUMN_WEIGHT), TABLE_WIDTH);
  const header: Row = { cells: table.columns.map((c, i) => cellOver(edges, i, i + 1, { text: c.title, align: 'center', source: `columns.${c.field}` })) };
  let block = 0;
  const rows = table.rows.map((cells, r): Row => {
    const category = table.columns.findIndex((c) => c.field === 'category');
    if (r > 0 && category >= 0 && cells[category]!.text !== table.rows[r - 1]![category]!.text) block++;
    return {
      cells: cells.map((cell, i) => {
        const field = table.columns[i]!.field;
        // 一级指标 merged over its block, 二级指标 over consecutive rows naming it (blank ones stay apart).
        const mergeKey = field === 'category' ? `category:${block}` : field === 'subcategory' && cell.text !== '' ? `subcategory:${block}:${cell.text}` : undefined;
        const align = NUMBER_FIELDS.has(field) ? 'right' : CENTRED_FIELDS.has(field) ? 'center' : 'left';
        return cellOver(edges, i, i + 1, { text: cell.text, align, source: cell.source, ...(mergeKey ? { mergeKey } : {}) });
      }),
    };
  });
  return { header: [header], rows };
}

export function cycleFormLayout(form: CycleForm): FormLayout {
  const title: TextBlock[] = [{ lines: [{ text: form.title, source: 'title' }], size: FONT_SIZE.title, align: 'center', bold: true }];
  if (form.subtitle !== undefined) title.push({ lines: [{ text: form.subtitle, source: 'form.subtitle' }], size: FONT_SIZE.subtitle, align: 'center', bold: false });
  const name = form.fields.find((f) => f.label.source === 'project.name');
  const rest = form.fields.filter((f) => f !== name);
  const top: Row[] = [
    ...(name ? [wideFieldRow(fieldValue(name))] : []),
    ...pairRows(rest.map(fieldValue)),
    ...(form.funding ? fundingRows(form.funding) : []),
    ...goalRows(form.goal),
  ];
  return { title, sections: [{ header: [], rows: top }, tableSection(form.table)], name: form.name };
}
