/**
 * What every cell of the form needs: the evaluation, its template, what jixiao computes for it,
 * the findings by path, and (when editable) the way to change it. One context instead of
 * threading six props through the header grid, the indicator table and the narratives.
 */
import { createContext, useContext } from 'react';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Computed } from '../../core/scoring/compute.ts';
import type { Template } from '../../core/templates/template.ts';
import type { FindingIndex } from '../form/findings.ts';
import type { Beside } from './beside.ts';

export type Change = (update: (evaluation: Evaluation) => Evaluation) => void;

export interface FormState {
  evaluation: Evaluation;
  template: Template;
  computed: Computed;
  findings: FindingIndex;
  /** Absent on a read-only form (frozen, or the public page). */
  change?: Change | undefined;
  /** The suggested scores under 自评分: for the people filling in and reviewing, not the public. */
  showSuggestions: boolean;
  /** Last year's figures and the re-check scores, shown beside this year's (beside.ts). */
  beside: Beside;
}

export const FormContext = createContext<FormState | null>(null);

export function useForm(): FormState {
  const state = useContext(FormContext);
  if (!state) throw new Error('useForm outside FormContext');
  return state;
}

/** `indicators[3].score` → its label on this template (自评分 / 得分). */
export function useFieldLabel(): (path: string) => string {
  const { template } = useForm();
  return (path) => {
    const generic = path.replace(/\[\d+\]/gu, '[]');
    const label = template.fieldLabels[generic] ?? template.fieldLabels[path];
    return label ? label.zh : path;
  };
}
