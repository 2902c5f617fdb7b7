/**
 * This year's indicators matched to last year's: by id first (the lineage a copy to next year
 * keeps), then by words for indicators either year has no shared id for — 一级 + 二级 + 三级,
 * then 一级 + 三级 (normalised: lineage-key.ts). Each of last year's indicators is matched once;
 * among equal words the first unmatched one in form order, so two same-named rows pair in order.
 */
import type { Indicator } from '../model/evaluation.ts';
import { fullKey, hasId, positionsByKey, shortKey } from './lineage-key.ts';

export type MatchedBy = 'id' | 'name';

export interface PreviousMatch {
  /** The index in last year's `indicators`. */
  previousIndex: number;
  matchedBy: MatchedBy;
}

/** One entry per indicator of this year, in order: its match, or null when last year had none. */
export function matchPreviousYear(current: readonly Indicator[], previous: readonly Indicator[]): Array<PreviousMatch | null> {
  const matches: Array<PreviousMatch | null> = current.map(() => null);
  const free = new Set(previous.map((_, index) => index));
  const byId = new Map<string, number>();
  previous.forEach((p, index) => {
    if (hasId(p) && !byId.has(p.id)) byId.set(p.id, index);
  });
  current.forEach((indicator, i) => {
    const index = hasId(indicator) ? byId.get(indicator.id) : undefined;
    if (index === undefined || !free.has(index)) return;
    matches[i] = { previousIndex: index, matchedBy: 'id' };
    free.delete(index);
  });
  for (const key of [fullKey, shortKey]) {
    const byKey = positionsByKey(previous, key, (index) => free.has(index));
    current.forEach((indicator, i) => {
      if (matches[i] !== null) return;
      const index = byKey.get(key(indicator))?.find((candidate) => free.has(candidate));
      if (index === undefined) return;
      matches[i] = { previousIndex: index, matchedBy: 'name' };
      free.delete(index);
    });
  }
  return matches;
}
