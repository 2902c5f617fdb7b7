/**
 * Checking throughput: `evaluate` (totals, grade, rate, suggestions, every check) over synthetic
 * forms of both templates, against validating the same forms with the zod schema in the same run.
 *   node --import tsx bench/check.bench.ts [forms]
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { evaluate } from '../src/core/checks/run-checks.ts';
import { validateEvaluation } from '../src/core/model/validate.ts';
import { BUILT_IN_TEMPLATES, templateRegistry } from '../src/core/templates/registry.ts';
import { syntheticEvaluations } from '../src/demo/synthetic-evaluations.ts';
import { machine } from './machine.ts';

export interface CheckFigures {
  forms: number;
  formsPerS: number;
  zodFormsPerS: number;
  load: number;
}

export function measureCheck(count = 20_000): CheckFigures {
  const registry = templateRegistry();
  const forms = [...syntheticEvaluations({ units: Math.ceil(count / 20), projectsPerUnit: 20, years: [2023, 2023], seed: 7 }, BUILT_IN_TEMPLATES)].slice(0, count);
  const rate = (run: () => void): number => {
    run(); // warm-up
    const start = performance.now();
    run();
    return forms.length / ((performance.now() - start) / 1000);
  };
  const formsPerS = rate(() => {
    for (const form of forms) evaluate(form, registry.get(form.template)!);
  });
  const zodFormsPerS = rate(() => {
    for (const form of forms) validateEvaluation(form);
  });
  return { forms: forms.length, formsPerS, zodFormsPerS, load: loadavg()[0]! };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = measureCheck(Number(process.argv[2] ?? 20_000));
  console.log(`machine: ${machine()}`);
  console.log(`check: ${figures.formsPerS.toFixed(0)} forms/s over ${figures.forms} synthetic forms`);
  console.log(`baseline, zod validation of the same forms: ${figures.zodFormsPerS.toFixed(0)} forms/s`);
  console.log(`check ÷ validation: ${(figures.formsPerS / figures.zodFormsPerS).toFixed(2)}`);
}
