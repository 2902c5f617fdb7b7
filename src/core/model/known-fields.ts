/**
 * An evaluation with only the fields of `jixiao/evaluation@1`, at every level. The model keeps
 * fields it does not know (a newer jixiao's, another tool's) through a read and a write; what is
 * published — the public page, its JSON, the printed form — shows only what the form has, so that a
 * field nobody sees in the editor is never published.
 */
import { evaluationSchema, fundingRowSchema, indicatorSchema, projectSchema, type Evaluation } from './evaluation.ts';

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
const EVALUATION_KEYS = keysOf(evaluationSchema);
const PROJECT_KEYS = keysOf(projectSchema);
const FUNDING_KEYS = keysOf(fundingRowSchema);
const INDICATOR_KEYS = keysOf(indicatorSchema);
const EXECUTION_KEYS = ['weight', 'score'];
const TOTALS_KEYS = ['weight', 'score'];

function pick<T>(value: T, keys: readonly string[]): T {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])) as T;
}

export function knownFieldsOnly(evaluation: Evaluation): Evaluation {
  const known = pick(evaluation, EVALUATION_KEYS);
  known.project = pick(evaluation.project, PROJECT_KEYS);
  known.indicators = evaluation.indicators.map((i) => pick(i, INDICATOR_KEYS));
  if (evaluation.funding) known.funding = evaluation.funding.map((row) => pick(row, FUNDING_KEYS));
  if (evaluation.execution) known.execution = pick(evaluation.execution, EXECUTION_KEYS);
  if (evaluation.totals) known.totals = pick(evaluation.totals, TOTALS_KEYS);
  return known;
}
