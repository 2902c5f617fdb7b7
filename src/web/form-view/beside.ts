/**
 * What the form shows beside this year's figures: last year's target and actual of each indicator
 * (lineage) and the re-check score beside the self score (抽查复核). Pure, so the matching follows
 * the editor's every change (rows added, moved, renamed) with the same rules as the server.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import { matchPreviousYear, type MatchedBy } from '../../core/lineage/match-previous-year.ts';
import type { EvaluationRechecks, PreviousYear, RecheckOfForm } from '../api/lineage-types.ts';

export interface PreviousFigures {
  target: string | null;
  actual: string | null;
  score: number | null;
  /** Last year's 三级指标 when it was worded otherwise (matched by id after a rename). */
  renamedFrom: string | null;
  matchedBy: MatchedBy;
}

export interface RecheckBeside {
  drawId: string;
  complete: boolean;
  total: number | null;
  /** By index in `evaluation.indicators`. */
  scores: ReadonlyMap<number, { score: number | null; reason: string | null }>;
}

export interface Beside {
  /** Last year's year, and its figures per indicator of this form (null: not shown, or no last year). */
  previousYear: number | null;
  previous: ReadonlyArray<PreviousFigures | null> | null;
  recheck: RecheckBeside | null;
}

export const NOTHING_BESIDE: Beside = { previousYear: null, previous: null, recheck: null };

const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Last year's figures for each of `indicators` (this year's, as edited now). */
export function previousFigures(indicators: readonly Indicator[], previous: NonNullable<PreviousYear['previous']>): Array<PreviousFigures | null> {
  const before: Indicator[] = previous.indicators.map((p) => ({
    name: p.name, id: orUndefined(p.id), category: orUndefined(p.category), subcategory: orUndefined(p.subcategory),
  }));
  return matchPreviousYear(indicators, before).map((match, i) => {
    if (!match) return null;
    const p = previous.indicators[match.previousIndex]!;
    const same = p.name.replace(/\s+/gu, '') === (indicators[i]!.name ?? '').replace(/\s+/gu, '');
    return { target: p.target, actual: p.actual, score: p.score, renamedFrom: same ? null : p.name, matchedBy: match.matchedBy };
  });
}

/** The re-check to show: the latest draw that has any re-check score (the server already hid what the user may not see). */
export function recheckBeside(answer: EvaluationRechecks | null): RecheckBeside | null {
  const draw = [...(answer?.draws ?? [])].reverse().find((d: RecheckOfForm) => d.indicators.some((i) => i.recheckScore !== null));
  if (!draw) return null;
  return {
    drawId: draw.drawId,
    complete: draw.complete,
    total: draw.recheckTotal,
    scores: new Map(draw.indicators.map((i) => [i.index, { score: i.recheckScore, reason: i.reason }])),
  };
}
