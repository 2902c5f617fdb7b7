/** Everything the row builders of one form need: the evaluation, its template, words and unit. */
import { computeEvaluation, type Computed } from '../../core/scoring/compute.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { printedAmountUnit, type AmountUnit } from '../../core/model/amount-unit.ts';
import type { Lang, Words } from './form-words.ts';

export interface FormContext {
  evaluation: Evaluation;
  template: Template;
  words: Words;
  unit: AmountUnit;
  /** What jixiao computes, for values the form leaves blank (a missing 执行率 or 合计). */
  computed: Computed;
}

export function formContext(evaluation: Evaluation, template: Template, lang: Lang): FormContext {
  return {
    evaluation,
    template,
    words: { template, lang },
    unit: printedAmountUnit(evaluation, template),
    computed: computeEvaluation(evaluation, template),
  };
}
