/**
 * The interchange files of the cycle's documents as text: `{"evaluations": […]}`,
 * `{"targets": […]}`, `{"monitoring": […]}`. Reading validates (each problem at its path, e.g.
 * `targets[0].indicators[2].weight`); writing gives what reading takes back, unknown fields and
 * key order included.
 */
import { validateEvaluationFile, validateMonitoringFile, validateTargetsFile, type SchemaProblem, type Validated } from './validate.ts';
import type { EvaluationFile } from './evaluation.ts';
import type { MonitoringFile } from './monitoring.ts';
import type { TargetsFile } from './targets.ts';

interface Documents {
  evaluations: EvaluationFile;
  targets: TargetsFile;
  monitoring: MonitoringFile;
}

export type DocumentKind = keyof Documents;

const VALIDATORS: { [K in DocumentKind]: (data: unknown) => Validated<Documents[K]> } = {
  evaluations: validateEvaluationFile,
  targets: validateTargetsFile,
  monitoring: validateMonitoringFile,
};

/** The file's text read as the kind of document it must hold. */
export function readInterchange<K extends DocumentKind>(kind: K, text: string): Validated<Documents[K]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const problem: SchemaProblem = { path: '(root)', message: `not JSON: ${(error as Error).message}` };
    return { ok: false, problems: [problem] };
  }
  return VALIDATORS[kind](data);
}

/** The file of `kind` holding `documents`, as text (2-space indented, a final newline). */
export function writeInterchange<K extends DocumentKind>(kind: K, documents: Documents[K][K]): string {
  return `${JSON.stringify({ [kind]: documents }, null, 2)}\n`;
}
