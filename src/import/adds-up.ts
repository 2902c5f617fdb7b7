/**
 * Whether a form read from text that has lost its rules adds up: the raw-text and the layout readers
 * take it as the sign that their rows were cut right.
 */
import type { Evaluation } from '../core/model/evaluation.ts';
import type { Template } from '../core/templates/template.ts';
import { compareHundredths, pointsHundredths } from '../core/values/read-value.ts';

function sumOf(hundredths: readonly number[]): number {
  let total = 0;
  for (const h of hundredths) total += h;
  return total;
}

/**
 * The weights fill the template's blocks, and the printed totals are the sums. The indicators'
 * and the totals' points were read (at most 2 decimals): summed in integer hundredths, exactly; the
 * execution weight may be the template's, so it is compared exactly rather than converted.
 */
export function addsUp(evaluation: Evaluation, template: Template): string | undefined {
  const indicators = evaluation.indicators;
  if (indicators.some((i) => i.weight === undefined || i.score === undefined)) return 'weight/score';
  for (const cap of template.caps) {
    const weights = indicators.filter((i) => i.category !== undefined && cap.categories.includes(i.category)).map((i) => pointsHundredths(i.weight!));
    if (compareHundredths(sumOf(weights), cap.points) !== 0) return cap.categories.join('+');
  }
  const execution = evaluation.execution;
  const weights = sumOf(indicators.map((i) => pointsHundredths(i.weight!)));
  const scores = sumOf(indicators.map((i) => pointsHundredths(i.score!)));
  // indicators + execution = the printed total ⇔ printed total − indicators = execution.
  if (evaluation.totals?.weight !== undefined && compareHundredths(pointsHundredths(evaluation.totals.weight) - weights, execution?.weight ?? 0) !== 0) return 'totals.weight';
  if (evaluation.totals?.score === undefined || compareHundredths(pointsHundredths(evaluation.totals.score) - scores, execution?.score ?? 0) !== 0) return 'totals.score';
  return undefined;
}
