/**
 * Checking throughput: `evaluate` (totals, grade, rate, suggestions, every check) over synthetic
 * forms of both templates, against validating the same forms with the zod schema in the same run.
 *   node --import tsx bench/check.bench.ts [forms]
 */
import { evaluate } from '../src/core/checks/run-checks.ts';
import { validateEvaluation } from '../src/core/model/validate.ts';
import { BUILT_IN_TEMPLATES, templateRegistry } from '../src/core/templates/registry.ts';
import { syntheticEvaluations } from '../src/demo/synthetic-evaluations.ts';
import { machine } from './machine.ts';

const count = Number(process.argv[2] ?? 20_000);
const registry = templateRegistry();
const forms = [...syntheticEvaluations({ units: Math.ceil(count / 20), projectsPerUnit: 20, years: [2023, 2023], seed: 7 }, BUILT_IN_TEMPLATES)].slice(0, count);

function rate(run: () => void): number {
  run(); // warm-up
  const start = performance.now();
  run();
  return forms.length / ((performance.now() - start) / 1000);
}

console.log(`machine: ${machine()}`);
const checked = rate(() => {
  for (const form of forms) evaluate(form, registry.get(form.template)!);
});
const validated = rate(() => {
  for (const form of forms) validateEvaluation(form);
});
console.log(`check: ${checked.toFixed(0)} forms/s over ${forms.length} synthetic forms`);
console.log(`baseline, zod validation of the same forms: ${validated.toFixed(0)} forms/s`);
console.log(`check ÷ validation: ${(checked / validated).toFixed(2)}`);
