/**
 * Indicators printed without a 一级指标 (the merged cell did not reach them, or a page break cut
 * it) get the category the template's caps leave room for, in form order: the previous row's
 * category while its block has room for the weight, else the next category of the template.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import { compareHundredths, pointsHundredths } from '../../core/values/read-value.ts';
import type { FormDraft } from './form-draft.ts';

/**
 * Whether `weight` still fits in the cap that holds `category` (always, if none does). The weights
 * were read as points (at most 2 decimals), so they are summed in integer hundredths, exactly.
 */
export function fits(template: Template, indicators: readonly Indicator[], category: string, weight: number): boolean {
  const cap = template.caps.find((c) => c.categories.includes(category));
  return !cap || compareHundredths(capUsed(cap.categories, indicators) + pointsHundredths(weight), cap.points) <= 0;
}

/** Whether the weights of the block holding `category` add up to its points exactly (true if no cap holds it). */
export function fillsCap(template: Template, indicators: readonly Indicator[], category: string): boolean {
  const cap = template.caps.find((c) => c.categories.includes(category));
  return !cap || compareHundredths(capUsed(cap.categories, indicators), cap.points) === 0;
}

/** The weights of the indicators in these categories, in hundredths. */
function capUsed(categories: readonly string[], indicators: readonly Indicator[]): number {
  let used = 0;
  for (const i of indicators) if (i.category !== undefined && categories.includes(i.category)) used += pointsHundredths(i.weight ?? 0);
  return used;
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

/** Says that indicator `index`'s category was not printed beside it but inferred, where the indicator is. */
export function reportInferredCategory(draft: FormDraft, index: number): void {
  const indicator = draft.indicators[index]!;
  const where = draft.locations[`indicators[${index}].name`];
  draft.diagnostics.add(
    'warning',
    'CATEGORY_INFERRED',
    'grid.categoryInferred',
    { name: indicator.name, category: draft.template.categories.find((c) => c.key === indicator.category)?.label ?? indicator.category ?? '' },
    { ...(where === undefined ? {} : { location: where }), path: `indicators[${index}].category` },
  );
}
