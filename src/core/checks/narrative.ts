/** DEDUCTION_UNEXPLAINED, PROBLEMS_UNSTATED: deductions and low execution are explained. */
import { pointsHundredths } from '../numbers/hundredths.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { normalizeText } from '../targets/normalize.ts';
import { NO_PROBLEM_WORDS } from '../targets/vocabulary.ts';
import { finding, type Check } from './finding.ts';

function deducted(evaluation: Evaluation): number[] {
  return evaluation.indicators.flatMap((indicator, i) =>
    indicator.score !== undefined && indicator.weight !== undefined && indicator.score < indicator.weight ? [i] : [],
  );
}

export const deductionUnexplained: Check = ({ evaluation }) =>
  deducted(evaluation)
    .filter((i) => !evaluation.indicators[i]!.remark?.trim())
    .map((i) => {
      const indicator = evaluation.indicators[i]!;
      return finding('DEDUCTION_UNEXPLAINED', `indicators[${i}].score`, { name: indicator.name, score: indicator.score!, weight: indicator.weight! });
    });

function statesNoProblem(text: string | undefined): boolean {
  const normal = normalizeText(text ?? '').replace(/[。.！!；;]+$/u, '');
  return normal === '' || NO_PROBLEM_WORDS.includes(normal);
}

export const problemsUnstated: Check = ({ evaluation, template, computed }) => {
  if (!template.narratives.includes('problems') || !statesNoProblem(evaluation.problems)) return [];
  const lost = deducted(evaluation).length;
  const rate = computed.executionRate;
  const figures = computed.exact.execution;
  const lowRate = figures !== null && figures.rate < pointsHundredths(template.scoring.problemsRequiredBelowRate);
  if (lost === 0 && !lowRate) return [];
  return [finding('PROBLEMS_UNSTATED', 'problems', {
    deducted: lost,
    rate: rate ?? '',
    threshold: template.scoring.problemsRequiredBelowRate,
  }, { variant: lowRate ? 'lowRate' : 'deducted' })];
};
