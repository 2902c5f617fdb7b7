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

function valueAt(root: unknown, keys: readonly string[]): unknown {
  let node = root;
  for (const key of keys) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

const EACH_INDICATOR = 'indicators[].';

/** The blank places a requirement names: `indicators[].name` is one place per indicator. */
function blankPaths(evaluation: Evaluation, field: string): string[] {
  if (!field.startsWith(EACH_INDICATOR)) return isBlank(valueAt(evaluation, field.split('.'))) ? [field] : [];
  const keys = field.slice(EACH_INDICATOR.length).split('.');
  const paths: string[] = [];
  evaluation.indicators.forEach((indicator, i) => {
    if (isBlank(valueAt(indicator, keys))) paths.push(`indicators[${i}].${keys.join('.')}`);
  });
  return paths;
}

function applies(template: Template, field: string): boolean {
  return !field.startsWith('execution.') || template.execution.scored;
}

export const missingField: Check = ({ evaluation, template }) =>
  template.requiredFields
    .filter((req) => applies(template, req.field))
    .flatMap((req) =>
      blankPaths(evaluation, req.field).map((path) => finding('MISSING_FIELD', path, { field: fieldLabel(template, path) }, { severity: req.severity })),
    );
