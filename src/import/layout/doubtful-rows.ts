/**
 * The check that keeps a layout text from giving a wrong indicator silently. pdftotext drops the
 * rules between a table's rows: where the lines of neighbouring rows' wrapped cells interleave,
 * the rows are rebuilt from positions, which can put a cell in the wrong row. The printed points
 * tell: the weights fill the template's blocks and add up to the printed total, as do the scores.
 * When they do not, every indicator field is reported, with its line, as possibly belonging to a
 * neighbouring row.
 */
import { explain } from '../../core/explanation.ts';
import type { Template } from '../../core/templates/template.ts';
import type { ImportDiagnostic, ImportedForm } from '../import-result.ts';
import { addsUp } from '../text/raw-text/read-raw-forms.ts';

export function doubtfulRows(file: string, form: ImportedForm, index: number, template: Template): ImportDiagnostic[] {
  const evaluation = form.evaluation;
  if (evaluation.indicators.length === 0) return [];
  const what = addsUp(evaluation, template);
  if (what === undefined) return [];
  const out: ImportDiagnostic[] = [];
  evaluation.indicators.forEach((indicator, i) => {
    for (const [field, value] of Object.entries(indicator)) {
      if (value === undefined || value === '' || field === 'id') continue;
      const path = `indicators[${i}].${field}`;
      const location = form.locations[path];
      const line = /\d+/u.exec(location ?? '')?.[0] ?? '?';
      out.push({
        severity: 'warning',
        code: 'LAYOUT_ROW_UNCLEAR',
        file,
        ...(location === undefined ? {} : { location }),
        path: `evaluations[${index}].${path}`,
        message: explain('layout.rowUnclear', { line, field: path, what }),
      });
    }
  });
  return out;
}
