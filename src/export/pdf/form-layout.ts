/**
 * One evaluation as the printed form's parts, in the layout of its template: title, header
 * grid, 项目资金 block (national), annual goal, indicator table with 合计, closing rows, notes.
 */
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { closingRows, notesBlock } from './closing-rows.ts';
import { formContext } from './form-context.ts';
import type { FormLayout, TableSection } from './form-table.ts';
import type { Lang } from './form-words.ts';
import { fundingRows } from './funding-rows.ts';
import { annualGoalRows, hasFundingBlock, projectRows, titleBlocks } from './header-rows.ts';
import { indicatorSection } from './indicator-rows.ts';

export function formLayout(evaluation: Evaluation, template: Template, lang: Lang): FormLayout {
  const ctx = formContext(evaluation, template, lang);
  const top: TableSection = {
    header: [],
    rows: [...projectRows(ctx), ...(hasFundingBlock(ctx) ? fundingRows(ctx) : []), ...annualGoalRows(ctx)],
  };
  const bottom: TableSection = { header: [], rows: closingRows(ctx) };
  const notes = notesBlock(ctx);
  return {
    title: titleBlocks(ctx),
    sections: [top, indicatorSection(ctx), bottom].filter((s) => s.rows.length > 0),
    ...(notes ? { notes } : {}),
    name: evaluation.project.name,
  };
}
