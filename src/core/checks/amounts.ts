/**
 * NEGATIVE_AMOUNT: a budget, an amount executed or a funding row's amount below zero. The editor
 * refuses a negative amount as it is typed; this check is for documents that come in otherwise
 * (an import, a JSON file, the API), where the model keeps the stated value and the finding says
 * what is wrong at its path instead of the value being changed.
 */
import { fenOf } from '../numbers/hundredths.ts';
import { fieldLabel } from '../templates/labels.ts';
import { finding, type Check, type Finding } from './finding.ts';

const PROJECT_AMOUNTS = ['budgetInitial', 'budgetCurrentYear', 'budgetPreviousYear', 'executed'] as const;
const FUNDING_AMOUNTS = ['initial', 'adjusted', 'executed'] as const;

export const negativeAmount: Check = ({ evaluation, template }) => {
  const out: Finding[] = [];
  const check = (path: string, value: string | undefined) => {
    const fen = value === undefined ? null : fenOf(value);
    if (fen !== null && fen < 0) out.push(finding('NEGATIVE_AMOUNT', path, { field: fieldLabel(template, path), amount: value!.trim() }));
  };
  for (const key of PROJECT_AMOUNTS) check(`project.${key}`, evaluation.project[key]);
  (evaluation.funding ?? []).forEach((row, i) => {
    for (const key of FUNDING_AMOUNTS) check(`funding[${i}].${key}`, row[key]);
  });
  return out;
};
