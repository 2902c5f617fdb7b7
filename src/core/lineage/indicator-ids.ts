/**
 * Every indicator gets a stable id (lineage across years: next year's copy keeps it, and last
 * year's target and actual are found by it). Pure: the new ids come from the injected generator.
 *
 * On an update the client may send indicators without their id (a file from another tool, a
 * client that drops unknown fields, a row added before the save that gave it one). Such an
 * indicator takes the id of the stored indicator it is, decided in this order, each stored id
 * given out once:
 *  1. an id the client sent is kept (the first time it appears; a repeated id is treated as none,
 *     so one form never has two indicators with one id);
 *  2. the same 一级 + 二级 + 三级 words (normalised: lineage-key.ts), the one at the same position
 *     first when several stored indicators have these words;
 *  3. the same 一级 + 三级 words (二级 left blank in one of them);
 *  4. the stored indicator at the same position, when it is in the same 一级指标 (a row renamed in place);
 *  5. otherwise a new id.
 * Nothing else of the indicator changes. The evaluation is returned as it was when every
 * indicator already has a distinct id (no copy).
 */
import type { Evaluation, Indicator } from '../model/evaluation.ts';
import { fullKey, hasId, normalizeWords, positionsByKey, shortKey } from './lineage-key.ts';

export type NewId = () => string;

export function withIndicatorIds(evaluation: Evaluation, stored: Evaluation | undefined, newId: NewId): Evaluation {
  const ids = indicatorIds(evaluation.indicators, stored?.indicators ?? [], newId);
  if (ids.every((id, i) => id === evaluation.indicators[i]!.id)) return evaluation;
  return { ...evaluation, indicators: evaluation.indicators.map((indicator, i) => (indicator.id === ids[i] ? indicator : { ...indicator, id: ids[i]! })) };
}

/** The id each indicator ends with, by position. */
export function indicatorIds(indicators: readonly Indicator[], stored: readonly Indicator[], newId: NewId): string[] {
  const taken = new Set<string>();
  const ids: Array<string | undefined> = indicators.map((indicator) => {
    if (!hasId(indicator) || taken.has(indicator.id)) return undefined;
    taken.add(indicator.id);
    return indicator.id;
  });
  // The usual save: every row kept its id; nothing to match (matching normalises every stored row's words).
  if (ids.every((id) => id !== undefined)) return ids as string[];

  // Stored indicators whose id no sent indicator claimed, free to be given out once.
  const free = new Set(stored.flatMap((s, index) => (hasId(s) && !taken.has(s.id) ? [index] : [])));
  const give = (i: number, storedIndex: number) => {
    const id = stored[storedIndex]!.id!;
    ids[i] = id;
    taken.add(id);
    free.delete(storedIndex);
  };
  for (const key of [fullKey, shortKey]) {
    const byKey = positionsByKey(stored, key, (index) => free.has(index));
    indicators.forEach((indicator, i) => {
      if (ids[i] !== undefined) return;
      const candidates = byKey.get(key(indicator))?.filter((index) => free.has(index));
      if (!candidates?.length) return;
      give(i, candidates.includes(i) ? i : candidates[0]!);
    });
  }
  indicators.forEach((indicator, i) => {
    const same = stored[i];
    if (ids[i] === undefined && same && free.has(i) && normalizeWords(same.category) === normalizeWords(indicator.category)) give(i, i);
  });
  return ids.map((id) => {
    if (id !== undefined) return id;
    let fresh = newId();
    // A generator that repeats itself (a test's counter, never a UUID) must not give one id twice.
    while (taken.has(fresh)) fresh = newId();
    taken.add(fresh);
    return fresh;
  });
}
