import { compareHundredths, dec, type Decimal } from '../decimal.ts';
import type { Template } from '../templates/template.ts';

export type GradeBand = Template['grades'][number];

const SORTED = new WeakMap<Template, GradeBand[]>();

function bandsOf(template: Template): GradeBand[] {
  let bands = SORTED.get(template);
  if (!bands) SORTED.set(template, (bands = [...template.grades].sort((a, b) => b.min - a.min)));
  return bands;
}

/** The band a total falls in; lower bounds are inclusive ("90（含）"). */
export function gradeFor(total: Decimal, template: Template): GradeBand {
  const bands = bandsOf(template);
  return bands.find((band) => total.greaterThanOrEqualTo(dec(band.min))) ?? bands[bands.length - 1]!;
}

/** gradeFor of a total in hundredths of a point. */
export function gradeForHundredths(total: number, template: Template): GradeBand {
  const bands = bandsOf(template);
  for (const band of bands) if (compareHundredths(total, band.min) >= 0) return band;
  return bands[bands.length - 1]!;
}
