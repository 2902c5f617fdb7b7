/** TOTAL_MISMATCH, GRADE_MISMATCH: the stated total and grade are those of the scores. */
import { normalizeText } from '../targets/normalize.ts';
import { finding, type Check } from './finding.ts';

export const totalMismatch: Check = ({ evaluation, computed }) => {
  const totals = evaluation.totals;
  const out = [];
  if (totals?.score !== undefined && totals.score !== computed.score) {
    out.push(finding('TOTAL_MISMATCH', 'totals.score', { stated: totals.score, computed: computed.score }));
  }
  if (totals?.weight !== undefined && totals.weight !== computed.weight) {
    out.push(finding('TOTAL_MISMATCH', 'totals.weight', { stated: totals.weight, computed: computed.weight }, { variant: 'weight' }));
  }
  return out;
};

export const gradeMismatch: Check = ({ evaluation, computed }) => {
  const stated = normalizeText(evaluation.grade ?? '').toLowerCase();
  const expected = [computed.grade.label.zh, computed.grade.label.en].map((l) => normalizeText(l).toLowerCase());
  if (stated === '' || expected.includes(stated)) return [];
  return [finding('GRADE_MISMATCH', 'grade', { stated: evaluation.grade ?? '', expected: computed.grade.label, score: computed.score })];
};
