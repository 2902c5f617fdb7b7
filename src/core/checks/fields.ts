/** MISSING_FIELD: the fields the template requires are filled. */
import type { Evaluation } from '../model/evaluation.ts';
import { fieldLabel } from '../templates/labels.ts';
import type { Template } from '../templates/template.ts';
import { finding, type Check, type Finding } from './finding.ts';

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

/** A requirement read once per template: the keys to walk, and whether it is one per indicator. */
interface Requirement {
  field: string;
  severity: Template['requiredFields'][number]['severity'];
  each: boolean;
  keys: string[];
  /** "name" of `indicators[].name`: the path after `indicators[i].`. */
  rest: string;
}

const REQUIREMENTS = new WeakMap<Template, Requirement[]>();

function requirementsOf(template: Template): Requirement[] {
  let requirements = REQUIREMENTS.get(template);
  if (requirements) return requirements;
  requirements = template.requiredFields
    .filter((req) => applies(template, req.field))
    .map((req) => {
      const each = req.field.startsWith(EACH_INDICATOR);
      const keys = (each ? req.field.slice(EACH_INDICATOR.length) : req.field).split('.');
      return { field: req.field, severity: req.severity, each, keys, rest: keys.join('.') };
    });
  REQUIREMENTS.set(template, requirements);
  return requirements;
}

/**
 * Values jixiao computes are never asked for: the grade follows the total through the template's
 * bands (the editor shows it and has no input for it), the totals are sums. A template that lists
 * them as required means they are printed; GRADE_MISMATCH and TOTAL_MISMATCH judge a stated one.
 */
const COMPUTED = new Set(['grade', 'totals.score', 'totals.weight', 'project.executionRate']);

function applies(template: Template, field: string): boolean {
  if (COMPUTED.has(field)) return false;
  return !field.startsWith('execution.') || template.execution.scored;
}

/** The blank places of each requirement, in order: `indicators[].name` is one place per indicator. */
export const missingField: Check = ({ evaluation, template }) => {
  const out: Finding[] = [];
  for (const req of requirementsOf(template)) {
    if (!req.each) {
      if (isBlank(valueAt(evaluation, req.keys))) out.push(missing(template, req, req.field));
      continue;
    }
    const indicators = evaluation.indicators;
    for (let i = 0; i < indicators.length; i++) {
      if (isBlank(valueAt(indicators[i], req.keys))) out.push(missing(template, req, `indicators[${i}].${req.rest}`));
    }
  }
  return out;
};

function missing(template: Template, req: Requirement, path: string): Finding {
  return finding('MISSING_FIELD', path, { field: fieldLabel(template, path) }, { severity: req.severity });
}
