/**
 * Indicators printed without a 一级指标 (the merged cell did not reach them, or a page break cut
 * it) get the category the template's caps leave room for, in form order: the previous row's
 * category while its block has room for the weight, else the next category of the template.
 */
import { dec, sum, type Decimal } from '../../core/decimal.ts';
import type { Indicator } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';

/** Points left in the cap that holds `category` (unbounded if none does). */
function room(template: Template, indicators: readonly Indicator[], category: string): Decimal | undefined {
  const cap = template.caps.find((c) => c.categories.includes(category));
  if (!cap) return undefined;
  const used = sum(indicators.filter((i) => i.category !== undefined && cap.categories.includes(i.category)).map((i) => i.weight ?? 0));
  return dec(cap.points).minus(used);
}

function fits(template: Template, indicators: readonly Indicator[], category: string, weight: number): boolean {
  const left = room(template, indicators, category);
  return left === undefined || left.greaterThanOrEqualTo(weight);
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
