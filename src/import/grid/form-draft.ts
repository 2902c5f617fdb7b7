/**
 * The form being read: the evaluation's fields as they are found, and where each was found.
 * Fields the form does not print stay absent; printed but blank fields are blank strings.
 */
import { EVALUATION_SCHEMA_ID, type Evaluation, type FundingRow, type Indicator, type Project } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import type { AmountUnit } from '../labels/label-key.ts';

export interface FormDraft {
  template: Template;
  project: Partial<Project> & Record<string, unknown>;
  fields: Record<string, unknown>;
  funding: FundingRow[] | undefined;
  execution: { weight?: number; score?: number } | undefined;
  indicators: Indicator[];
  totals: { weight?: number; score?: number } | undefined;
  /** Units the form printed amounts in (from labels, headings, or after numbers). */
  units: Set<AmountUnit>;
  locations: Record<string, string>;
  diagnostics: DiagnosticSink;
}

export function newDraft(template: Template, diagnostics: DiagnosticSink): FormDraft {
  return {
    template,
    project: {},
    fields: {},
    funding: undefined,
    execution: undefined,
    indicators: [],
    totals: undefined,
    units: new Set(),
    locations: {},
    diagnostics,
  };
}

/** A top-level or `project.` field. */
export function setField(draft: FormDraft, path: string, value: unknown, location: string | undefined): void {
  if (path.startsWith('project.')) draft.project[path.slice('project.'.length)] = value;
  else draft.fields[path] = value;
  if (location !== undefined) draft.locations[path] = location;
}

/** The unit the form printed: 万元 if it said so anywhere, else the one it said, else the template's. */
export function formUnit(draft: FormDraft): AmountUnit | undefined {
  if (draft.units.has('万元')) return '万元';
  const [only] = draft.units;
  return only;
}

export function toEvaluation(draft: FormDraft, year: number): Evaluation {
  const project = { name: '', ...draft.project } as Project;
  const unit = formUnit(draft);
  // The unit is recorded where the form printed 万元 or a unit other than the template's.
  if (unit !== undefined && (unit === '万元' || unit !== draft.template.amountUnit)) project.amountUnit = unit;
  const evaluation: Evaluation = {
    schema: EVALUATION_SCHEMA_ID,
    template: draft.template.id,
    year,
    project,
    indicators: draft.indicators,
  };
  if (draft.funding !== undefined) evaluation.funding = draft.funding;
  if (draft.execution?.weight !== undefined) evaluation.execution = { ...draft.execution, weight: draft.execution.weight };
  if (draft.totals !== undefined) evaluation.totals = draft.totals;
  return Object.assign(evaluation, draft.fields);
}
