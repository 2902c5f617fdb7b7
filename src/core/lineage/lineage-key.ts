/**
 * How an indicator is recognised by its words when it carries no id: its 一级指标 (category),
 * 二级指标 (subcategory) and 三级指标 (name), each normalised so that what a person would read as
 * the same words is the same key — full-width and half-width forms folded (NFKC), whitespace
 * dropped (wrapped cells, stray spaces), Latin letters in one case.
 */
import type { Indicator } from '../model/evaluation.ts';

export function normalizeWords(text: string | undefined): string {
  if (text === undefined) return '';
  let words = normalized.get(text);
  if (words === undefined) {
    words = text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
    if (normalized.size >= MAX_NORMALIZED) normalized.clear();
    normalized.set(text, words);
  }
  return words;
}

/**
 * The words already normalised: a save of a form whose indicators came without ids normalises every
 * stored and sent indicator's words twice (full and short key), and they are the same words save
 * after save. Bounded: emptied when full.
 */
const normalized = new Map<string, string>();
const MAX_NORMALIZED = 20_000;

/** 一级 + 二级 + 三级: the full key. */
export function fullKey(indicator: Indicator): string {
  return [indicator.category, indicator.subcategory, indicator.name].map(normalizeWords).join('\u0000');
}

/** 一级 + 三级: for a form that left 二级指标 blank in one year (an import that could not read it). */
export function shortKey(indicator: Indicator): string {
  return [indicator.category, indicator.name].map(normalizeWords).join('\u0000');
}

/** An id worth keeping: a non-blank string. */
export const hasId = (indicator: Indicator): indicator is Indicator & { id: string } => typeof indicator.id === 'string' && indicator.id.trim() !== '';

/** Keys to the positions that have them, in order: the first unclaimed one is taken first. */
export function positionsByKey(indicators: readonly Indicator[], key: (i: Indicator) => string, include: (index: number) => boolean): Map<string, number[]> {
  const map = new Map<string, number[]>();
  indicators.forEach((indicator, index) => {
    if (!include(index)) return;
    const k = key(indicator);
    const list = map.get(k);
    if (list) list.push(index);
    else map.set(k, [index]);
  });
  return map;
}
