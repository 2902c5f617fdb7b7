/**
 * Indicators printed without a 一级指标 (the merged cell did not reach them, or a page break cut
 * it) get the category the template's caps leave room for, in form order: the previous row's
 * category while its block has room for the weight, else the next category of the template.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { compareHundredths, pointsHundredths } from './cell-values.ts';

/**
 * Whether `weight` still fits in the cap that holds `category` (always, if none does). The weights
 * were read as points (at most 2 decimals), so they are summed in integer hundredths, exactly.
 */
export function fits(template: Template, indicators: readonly Indicator[], category: string, weight: number): boolean {
  const cap = template.caps.find((c) => c.categories.includes(category));
  if (!cap) return true;
  let used = pointsHundredths(weight);
  for (const i of indicators) if (i.category !== undefined && cap.categories.includes(i.category)) used += pointsHundredths(i.weight ?? 0);
  return compareHundredths(used, cap.points) <= 0;
}

/** Sets the category of every indicator without one; returns the indexes it inferred. */
export function inferCategories(template: Template, indicators: Indicator[]): number[] {
  const order = template.categories.map((c) => c.key);
  const inferred: number[] = [];
  indicators.forEach((indicator, i) => {
    if (indicator.category !== undefined && indicator.category !== '') return;
    const previous = indicators.slice(0, i).reverse().find((x) => x.category)?.category;
    const start = Math.max(0, previous === undefined ? 0 : order.indexOf(previous));
    const candidates = order.slice(start);
    const weight = indicator.weight ?? 0;
    indicator.category = candidates.find((key) => fits(template, indicators, key, weight)) ?? candidates[0] ?? order[0];
    inferred.push(i);
  });
  return inferred;
}
