/**
 * The level of a qualitative target: what the preparer picked, or what the actual value says on
 * the same ordered scale as the target ("较满意" against "满意" is one level short).
 */
import type { Indicator, QualitativeLevel } from '../model/evaluation.ts';
import { normalizeText } from '../targets/normalize.ts';
import { scalePosition, type Target } from '../targets/parse-target.ts';

export type LevelSource = 'picked' | 'actual';

export function qualitativeLevel(
  indicator: Indicator,
  target: Target & { kind: 'qualitative' },
): { level: QualitativeLevel; source: LevelSource } | null {
  if (indicator.level) return { level: indicator.level, source: 'picked' };
  const actual = normalizeText(indicator.actual ?? '');
  if (actual === '') return null;
  if (actual === target.text) return { level: 'achieved', source: 'actual' };
  const reached = scalePosition(actual);
  if (!reached || !target.scale || reached.scale !== target.scale.scale) return null;
  const shortBy = reached.rank - target.scale.rank;
  const level: QualitativeLevel = shortBy <= 0 ? 'achieved' : shortBy === 1 ? 'partial' : 'notAchieved';
  return { level, source: 'actual' };
}
