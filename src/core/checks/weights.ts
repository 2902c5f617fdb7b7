/**
 * WEIGHT_TOTAL, CATEGORY_WEIGHT, SCORE_RANGE: the form's points add up to the template's.
 * Points have at most 2 decimals and computeEvaluation sums them in integer hundredths, so comparing numbers is exact.
 */
import { blockLabel } from '../templates/labels.ts';
import { finding, type Check, type Finding } from './finding.ts';

export const weightTotal: Check = ({ template, computed }) =>
  computed.weight === template.totalPoints
    ? []
    : [finding('WEIGHT_TOTAL', 'indicators', { weight: computed.weight, expected: template.totalPoints })];

export const categoryWeight: Check = ({ evaluation, template, computed }) => {
  const known = new Set(template.categories.map((c) => c.key));
  const unknown = evaluation.indicators.flatMap((indicator, i) =>
    indicator.category !== undefined && indicator.category !== '' && !known.has(indicator.category)
      ? [finding('CATEGORY_WEIGHT', `indicators[${i}].category`, { category: indicator.category }, { variant: 'unknown' })]
      : [],
  );
  const blocks = computed.blocks.flatMap((block) =>
    block.weight === block.cap
      ? []
      : [
          finding(
            'CATEGORY_WEIGHT',
            block.indicators.length > 0 ? `indicators[${block.indicators[0]}].weight` : 'indicators',
            { block: blockLabel(template, block.categories), weight: block.weight, expected: block.cap },
          ),
        ],
  );
  return [...unknown, ...blocks, ...executionWeight({ evaluation, template, computed })];
};

function executionWeight({ evaluation, template }: Parameters<Check>[0]): Finding[] {
  const stated = evaluation.execution?.weight;
  if (!template.execution.scored || stated === undefined || stated === template.execution.weight) return [];
  return [finding('CATEGORY_WEIGHT', 'execution.weight', { weight: stated, expected: template.execution.weight }, { variant: 'execution' })];
}

export const scoreRange: Check = ({ evaluation }) => {
  const pairs: Array<[string, number | undefined, number | undefined]> = evaluation.indicators.map((indicator, i) => [
    `indicators[${i}].score`,
    indicator.score,
    indicator.weight,
  ]);
  if (evaluation.execution) pairs.push(['execution.score', evaluation.execution.score, evaluation.execution.weight]);
  return pairs.flatMap(([path, score, weight]) =>
    score !== undefined && weight !== undefined && (score < 0 || score > weight)
      ? [finding('SCORE_RANGE', path, { score, weight })]
      : [],
  );
};
