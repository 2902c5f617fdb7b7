/**
 * Whether a value reaches a target, as monitoring asks of the expected year-end value (PRODUCT.md,
 * "The cycle"): by the target's comparison — ≥ > and = (counts: positive, so more is reached),
 * ≤ <, a range "90%-95%", a deadline, a level on an ordered scale ("较满意": "满意" reaches it).
 * A value that states the target itself ("不发生" against "不发生") reaches it. Anything else
 * cannot be compared — a free-text target ("入选组委会刊"), a value in other units, a value that
 * is no number — and is said so (null), never guessed.
 */
import { compareExact } from '../numbers/exact-decimal.ts';
import { normalizeText } from '../targets/normalize.ts';
import { parseTarget, scalePosition, type Target } from '../targets/parse-target.ts';
import { comparable, makeQuantity, MULTIPLIER_SOURCE, NUMBER_SOURCE, parseQuantity, UNIT_SOURCE, type Quantity } from '../targets/quantity.ts';
import type { Operator } from '../targets/vocabulary.ts';
import { deadlineMet } from './suggest-score.ts';

/** true: reached; false: not reached; null: the two cannot be compared (or the value is blank). */
export type Reach = boolean | null;

export function reachesTarget(targetText: string | undefined, valueText: string | undefined): Reach {
  const value = normalizeText(valueText ?? '');
  const wanted = normalizeText(targetText ?? '');
  if (value === '' || wanted === '') return null;
  if (value === wanted) return true;
  const target = parseTarget(wanted);
  switch (target.kind) {
    case 'numeric':
      return reachesNumber(target.operator, target.quantity, parseQuantity(value));
    case 'deadline':
      return deadlineMet(value, target);
    case 'qualitative':
      return reachesRange(wanted, value) ?? reachesLevel(target, value);
    case 'empty':
      return null;
  }
}

/** Each operator as a test of compare(value, target). */
const MEETS: Readonly<Record<Operator, (order: -1 | 0 | 1) => boolean>> = {
  gte: (order) => order >= 0,
  // "=10场" on a count is positive (PRODUCT.md, "Targets and scoring"): 12场 reaches it.
  eq: (order) => order >= 0,
  gt: (order) => order > 0,
  lte: (order) => order <= 0,
  lt: (order) => order < 0,
};

function reachesNumber(operator: Operator, wanted: Quantity, value: Quantity | null): Reach {
  if (!value || !comparable(value, wanted)) return null;
  return MEETS[operator](compareExact(value.exact, wanted.exact));
}

const BOUND = String.raw`(${NUMBER_SOURCE})(${MULTIPLIER_SOURCE})?(%)?`;
/** "90%-95%", "5~10天", "3至5个", "90%到95%": both bounds inclusive. */
const RANGE = new RegExp(String.raw`^${BOUND}(?:-|~|—|–|至|到)${BOUND}(${UNIT_SOURCE})$`, 'u');

function reachesRange(wanted: string, value: string): Reach | undefined {
  const m = RANGE.exec(wanted);
  if (!m) return undefined;
  const percent = m[3] !== undefined || m[6] !== undefined;
  const unit = m[7] ?? '';
  const low = makeQuantity(m[1]!, m[2] ?? '', percent, unit);
  const high = makeQuantity(m[4]!, m[5] ?? '', percent, unit);
  const actual = parseQuantity(value);
  if (!actual || !comparable(actual, low)) return null;
  return compareExact(actual.exact, low.exact) >= 0 && compareExact(actual.exact, high.exact) <= 0;
}

function reachesLevel(target: Target & { kind: 'qualitative' }, value: string): Reach {
  const reached = scalePosition(value);
  if (!target.scale || !reached || reached.scale !== target.scale.scale) return null;
  return reached.rank <= target.scale.rank;
}
