/**
 * The evaluation a project of the year's list starts as, and what a later list changes in it.
 *
 * A new project's form is last year's form of the project carried over (its goal and indicators
 * with their targets, weights, rules and lineage ids; what happened is cleared, as "copy to next
 * year" does) when there is one on the same template, else the template's blank form. Either way
 * the project's facts come from the list: name, code, unit, department, recurring, budgets.
 *
 * A later list changes a fact in the form only where the form still holds what the list said
 * before (the unit has not changed it) and the form is still with the unit (draft or returned);
 * otherwise the form keeps its value and the change is reported.
 */
import { fenOf } from '../numbers/hundredths.ts';
import type { Evaluation, Project } from '../model/evaluation.ts';
import { blankEvaluation } from '../templates/blank-evaluation.ts';
import type { Template } from '../templates/template.ts';
import { nextYearDraft } from '../workflow/next-year.ts';
import type { ProjectFacts } from './project-plan.ts';

export interface DraftContext {
  year: number;
  facts: ProjectFacts;
  /** The unit's name as the form prints it (预算单位 / 主管部门). */
  budgetUnit: string;
}

/** The form's field of each fact. */
const FIELD: Readonly<Record<keyof ProjectFacts, keyof Project>> = {
  code: 'code',
  name: 'name',
  budget: 'budgetCurrentYear',
  previousBudget: 'budgetPreviousYear',
  department: 'department',
  recurring: 'recurring',
};

export const FACT_PATHS: Readonly<Record<keyof ProjectFacts, string>> = Object.fromEntries(
  Object.entries(FIELD).map(([fact, field]) => [fact, `project.${field}`]),
) as Record<keyof ProjectFacts, string>;

function projectFields(facts: ProjectFacts, budgetUnit: string): Partial<Project> {
  const fields: Partial<Project> = { name: facts.name, budgetUnit };
  for (const fact of ['code', 'budget', 'previousBudget', 'department'] as const) if (facts[fact] !== '') fields[FIELD[fact]] = facts[fact] as never;
  if (facts.recurring !== null) fields.recurring = facts.recurring;
  return fields;
}

/**
 * A new project's form made from its approved targets (evaluation-from-targets.ts: the indicator
 * table with the targets' ids, the goal, the declared amounts), the project's facts from the list.
 */
export function projectDraftFromTargets(context: DraftContext, fromTargets: Evaluation): Evaluation {
  return { ...fromTargets, year: context.year, project: { ...fromTargets.project, ...projectFields(context.facts, context.budgetUnit) } };
}

export function projectDraft(context: DraftContext, template: Template, previous: Evaluation | null): Evaluation {
  const base = previous && previous.template === template.id
    ? { ...nextYearDraft(previous), year: context.year }
    : blankEvaluation(template, context.year, context.facts.name, context.budgetUnit);
  return { ...base, project: { ...base.project, ...projectFields(context.facts, context.budgetUnit) } };
}

/** A form field holds a fact's value: amounts compared as amounts ("1200" is "1200.00"). */
function holds(value: unknown, fact: keyof ProjectFacts, expected: ProjectFacts[keyof ProjectFacts]): boolean {
  if (fact === 'recurring') return (value ?? null) === expected;
  const text = typeof value === 'string' ? value.trim() : value === undefined ? '' : String(value);
  if (fact === 'budget' || fact === 'previousBudget') {
    if (text === '' || expected === '') return text === expected;
    return fenOf(text) !== null && fenOf(text) === fenOf(String(expected));
  }
  return text === expected;
}

export interface FactUpdate {
  document: Evaluation;
  /** The facts written into the form. */
  applied: Array<keyof ProjectFacts>;
  /** The facts the unit had changed in the form: its value is kept. */
  kept: Array<keyof ProjectFacts>;
}

/** The list's new facts in the form, where the form still holds the old ones. */
export function updateFacts(document: Evaluation, before: ProjectFacts, after: ProjectFacts, changed: ReadonlyArray<keyof ProjectFacts>): FactUpdate {
  const project: Record<string, unknown> = { ...document.project };
  const applied: Array<keyof ProjectFacts> = [];
  const kept: Array<keyof ProjectFacts> = [];
  for (const fact of changed) {
    const field = FIELD[fact];
    if (!holds(project[field], fact, before[fact])) {
      kept.push(fact);
      continue;
    }
    const value = after[fact];
    if (value === '' || value === null) delete project[field];
    else project[field] = value;
    applied.push(fact);
  }
  return { document: { ...document, project: project as Project }, applied, kept };
}
