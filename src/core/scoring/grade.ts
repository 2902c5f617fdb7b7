import { dec, type Decimal } from '../decimal.ts';
import type { Template } from '../templates/template.ts';

export type GradeBand = Template['grades'][number];

/** The band a total falls in; lower bounds are inclusive ("90（含）"). */
export function gradeFor(total: Decimal, template: Template): GradeBand {
  const bands = [...template.grades].sort((a, b) => b.min - a.min);
  return bands.find((band) => total.greaterThanOrEqualTo(dec(band.min))) ?? bands[bands.length - 1]!;
}
