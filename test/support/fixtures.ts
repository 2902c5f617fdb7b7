/** The shipped fixtures, loaded fresh for each test so that mutations do not leak. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import type { Template } from '../../src/core/templates/template.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_FILE = `${ROOT}demo/seed-2021-putuo.json`;
export const NATIONAL_FILE = `${ROOT}test/fixtures/real-2022-putuo-sports.json`;

function load(file: string): Evaluation[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { evaluations: Evaluation[] }).evaluations;
}

export const seedEvaluations = (): Evaluation[] => load(SEED_FILE);
export const nationalEvaluation = (): Evaluation => load(NATIONAL_FILE)[0]!;

export function template(id: string): Template {
  const found = templateRegistry().get(id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}
