import { explain, type Explanation, type MessageParams } from '../explanation.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { Computed } from '../scoring/compute.ts';
import type { Target } from '../targets/parse-target.ts';
import type { Template } from '../templates/template.ts';

/** The checks of PRODUCT.md with their stable codes and severities. */
export const CHECKS = {
  WEIGHT_TOTAL: 'error',
  CATEGORY_WEIGHT: 'error',
  SCORE_RANGE: 'error',
  TOTAL_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  RATE_MISMATCH: 'error',
  EXECUTION_SCORE: 'error',
  OVERSPENT: 'error',
  NEGATIVE_AMOUNT: 'error',
  MISSING_FIELD: 'error',
  DEDUCTION_UNEXPLAINED: 'warning',
  HIGH_SCORE_LOW_EXECUTION: 'warning',
  PROBLEMS_UNSTATED: 'warning',
  TARGET_RULE_MISMATCH: 'warning',
  TARGET_TOO_LOW: 'warning',
  QUALITATIVE_BAND: 'warning',
} as const satisfies Record<string, Severity>;

/**
 * The checks of the cycle (PRODUCT.md, "The cycle"): an evaluation against its approved targets,
 * and a monitoring document on its own. Apart from CHECKS, which `evaluate` runs on one form.
 */
export const CYCLE_CHECKS = {
  TARGET_CHANGED: 'error',
  WEIGHT_CHANGED: 'error',
  INDICATOR_REMOVED: 'error',
  INDICATOR_ADDED: 'warning',
  MONITOR_EXECUTION_LAG: 'warning',
  MONITOR_OFF_TRACK: 'warning',
  MONITOR_LIKELIHOOD: 'warning',
  MONITOR_EXPECTED_OVERSPEND: 'error',
} as const satisfies Record<string, Severity>;

const SEVERITIES: Readonly<Record<CheckCode, Severity>> = { ...CHECKS, ...CYCLE_CHECKS };

export type Severity = 'error' | 'warning';
export type EvaluationCheckCode = keyof typeof CHECKS;
export type CycleCheckCode = keyof typeof CYCLE_CHECKS;
export type CheckCode = EvaluationCheckCode | CycleCheckCode;

export interface Finding {
  code: CheckCode;
  severity: Severity;
  /** Where on the form: `indicators[8].score`, `project.executionRate`. */
  path: string;
  /** What to say; rendered in either language by the locale. */
  message: Explanation;
}

export interface CheckContext {
  evaluation: Evaluation;
  template: Template;
  computed: Computed;
  /** Each indicator's parsed target, in form order, when the caller has them (`evaluate` does). */
  targets?: readonly Target[];
}

export type Check = (context: CheckContext) => Finding[];

/**
 * A finding of `code` at `path`. The message key is the code, or `CODE.variant` where one code
 * says different things; the severity is the code's unless the template says otherwise.
 */
export function finding(
  code: CheckCode,
  path: string,
  params: MessageParams = {},
  options: { variant?: string; severity?: Severity } = {},
): Finding {
  const key = options.variant ? `${code}.${options.variant}` : code;
  return { code, severity: options.severity ?? SEVERITIES[code], path, message: explain(key, params) };
}
