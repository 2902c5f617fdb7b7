/**
 * What kind of value each model field holds, which decides how its printed value is read. This is
 * the model's knowledge (a rate is a percentage), not the form's words, which live in templates.
 */
export type ValueKind = 'text' | 'narrative' | 'amount' | 'percent' | 'yesNo' | 'date' | 'totals' | 'grade';

const KINDS: Readonly<Record<string, ValueKind>> = {
  'project.recurring': 'yesNo',
  'project.budgetInitial': 'amount',
  'project.budgetCurrentYear': 'amount',
  'project.budgetPreviousYear': 'amount',
  'project.executed': 'amount',
  'project.executionRate': 'percent',
  annualGoal: 'narrative',
  actualOutcome: 'narrative',
  achievements: 'narrative',
  problems: 'narrative',
  improvements: 'narrative',
  evaluatedOn: 'date',
  grade: 'grade',
  /** 合计 100 95: the total weight, then the total score. */
  'totals.score': 'totals',
};

export function kindOf(path: string): ValueKind {
  return KINDS[path] ?? 'text';
}

export function isNarrative(path: string): boolean {
  return kindOf(path) === 'narrative';
}
