import type { z } from 'zod';
import { evaluationFileSchema, evaluationSchema, type Evaluation, type EvaluationFile } from './evaluation.ts';
import { monitoringFileSchema, monitoringSchema, type Monitoring, type MonitoringFile } from './monitoring.ts';
import { formatPath } from './path.ts';
import { targetsFileSchema, targetsSchema, type Targets, type TargetsFile } from './targets.ts';

export interface SchemaProblem {
  /** Where the value is, e.g. `evaluations[0].indicators[2].weight`. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

function validateWith<T>(schema: z.ZodType<T>, data: unknown, prefix: PropertyKey[]): Validated<T> {
  const result = schema.safeParse(data);
  if (result.success) {
    // The input itself is returned, not zod's copy: the schema has no transforms, and the input
    // keeps the key order (and unknown fields) of the file it came from.
    return { ok: true, value: data as T };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatPath([...prefix, ...issue.path]) || '(root)',
      message: issue.message,
    })),
  };
}

export function validateEvaluationFile(data: unknown): Validated<EvaluationFile> {
  return validateWith(evaluationFileSchema, data, []);
}

export function validateEvaluation(data: unknown, prefix: PropertyKey[] = []): Validated<Evaluation> {
  return validateWith(evaluationSchema, data, prefix);
}

export function validateTargetsFile(data: unknown): Validated<TargetsFile> {
  return validateWith(targetsFileSchema, data, []);
}

export function validateTargets(data: unknown, prefix: PropertyKey[] = []): Validated<Targets> {
  return validateWith(targetsSchema, data, prefix);
}

export function validateMonitoringFile(data: unknown): Validated<MonitoringFile> {
  return validateWith(monitoringFileSchema, data, []);
}

export function validateMonitoring(data: unknown, prefix: PropertyKey[] = []): Validated<Monitoring> {
  return validateWith(monitoringSchema, data, prefix);
}
