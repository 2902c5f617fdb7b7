/** A new, empty evaluation on a template: the blank form, ready to be filled in. */
import { EVALUATION_SCHEMA_ID, type Evaluation } from '../model/evaluation.ts';
import type { Template } from './template.ts';

/** The national form's funding rows, labelled as the form prints them. */
const FUNDING_ROWS = ['form.funding.total', 'form.funding.appropriation', 'form.funding.carryOver', 'form.funding.other'];

export function blankEvaluation(template: Template, year: number, projectName: string, budgetUnit = ''): Evaluation {
  const evaluation: Evaluation = {
    schema: EVALUATION_SCHEMA_ID,
    template: template.id,
    year,
    project: { name: projectName, budgetUnit, department: '', budgetCurrentYear: '', executed: '' },
    annualGoal: '',
    indicators: [],
    achievements: '',
    problems: '',
    improvements: '',
  };
  if (template.execution.scored) {
    evaluation.execution = { weight: template.execution.weight };
    evaluation.actualOutcome = '';
    evaluation.project.budgetInitial = '';
  }
  if (template.fieldLabels['funding']) {
    evaluation.funding = FUNDING_ROWS.map((key) => ({ source: template.fieldLabels[key]?.zh ?? key, initial: '', adjusted: '', executed: '' }));
  }
  return evaluation;
}
