/** MISSING_FIELD: the fields the template requires are filled. */
import type { Evaluation } from '../model/evaluation.ts';
import { fieldLabel } from '../templates/labels.ts';
import type { Template } from '../templates/template.ts';
import { finding, type Check } from './finding.ts';

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function valueAt(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** The concrete paths a requirement names: `indicators[].name` is one path per indicator. */
function concretePaths(evaluation: Evaluation, field: string): Array<{ path: string; value: unknown }> {
  const each = /^indicators\[\]\.(.+)$/u.exec(field);
  if (!each) return [{ path: field, value: valueAt(evaluation, field) }];
  return evaluation.indicators.map((indicator, i) => ({ path: `indicators[${i}].${each[1]}`, value: valueAt(indicator, each[1]!) }));
}

function applies(template: Template, field: string): boolean {
  return !field.startsWith('execution.') || template.execution.scored;
}

export const missingField: Check = ({ evaluation, template }) =>
  template.requiredFields
    .filter((req) => applies(template, req.field))
    .flatMap((req) =>
      concretePaths(evaluation, req.field)
        .filter(({ value }) => isBlank(value))
        .map(({ path }) => finding('MISSING_FIELD', path, { field: fieldLabel(template, path) }, { severity: req.severity })),
    );
