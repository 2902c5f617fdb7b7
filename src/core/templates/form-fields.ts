/**
 * Which model fields stand where on the official forms, shared by the PDF and XLSX forms and the
 * importer that reads them back. A template shows the fields it has labels for.
 */

/** The project fields of the header grid, in the forms' order (in pairs: left | right). */
export const HEADER_PROJECT_FIELDS = [
  'project.name',
  'project.budgetUnit',
  'project.department',
  'project.recurring',
  'project.budgetCurrentYear',
  'project.budgetPreviousYear',
  'project.executed',
  'project.executionRate',
] as const;

/** Amounts and the rate that the national form shows in its 项目资金 block rather than in the header grid. */
export const FUNDING_BLOCK_FIELDS: ReadonlySet<string> = new Set(['project.budgetInitial', 'project.budgetCurrentYear', 'project.executed', 'project.executionRate']);

/** Project fields that hold money (元 in the model; 万元 where the form prints it). */
export const AMOUNT_FIELDS: ReadonlySet<string> = new Set(['project.budgetInitial', 'project.budgetCurrentYear', 'project.budgetPreviousYear', 'project.executed']);
