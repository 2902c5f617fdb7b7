import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../core/checks/run-checks.ts';
import { validateEvaluation } from '../core/model/validate.ts';
import { BUILT_IN_TEMPLATES } from '../core/templates/registry.ts';
import { syntheticEvaluations } from './synthetic-evaluations.ts';

const OPTIONS = { units: 12, projectsPerUnit: 5, years: [2021, 2023] as const, seed: 42 };

test('the same seed gives the same forms; another seed other forms', () => {
  const a = JSON.stringify([...syntheticEvaluations(OPTIONS, BUILT_IN_TEMPLATES)]);
  assert.equal(JSON.stringify([...syntheticEvaluations(OPTIONS, BUILT_IN_TEMPLATES)]), a);
  assert.notEqual(JSON.stringify([...syntheticEvaluations({ ...OPTIONS, seed: 43 }, BUILT_IN_TEMPLATES)]), a);
});

test('units × projects × years forms, valid, both templates, every grade, and no check error', () => {
  const forms = [...syntheticEvaluations(OPTIONS, BUILT_IN_TEMPLATES)];
  assert.equal(forms.length, 12 * 5 * 3);
  const grades = new Set<string>();
  for (const form of forms) {
    assert.ok(validateEvaluation(form).ok, JSON.stringify(validateEvaluation(form)));
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === form.template)!;
    const report = evaluate(form, template);
    const errors = report.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, [], `${form.project.name}: ${JSON.stringify(errors)}`);
    grades.add(`${form.template}:${report.computed.grade.label.zh}`);
  }
  for (const t of BUILT_IN_TEMPLATES) for (const g of t.grades) assert.ok(grades.has(`${t.id}:${g.label.zh}`), `${t.id} ${g.label.zh} occurs`);
});
