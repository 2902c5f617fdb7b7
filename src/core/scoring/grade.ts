import { hundredthsOfNumber } from '../numbers/hundredths.ts';
import type { Template } from '../templates/template.ts';

export type GradeBand = Template['grades'][number];

/** A template's bands, best first, with their lower bounds in hundredths of a point. */
const SORTED = new WeakMap<Template, Array<{ band: GradeBand; min: number }>>();

function bandsOf(template: Template): Array<{ band: GradeBand; min: number }> {
  let bands = SORTED.get(template);
  if (!bands) {
    // The template schema allows at most 2 decimals, so the bounds are exact.
    bands = template.grades.map((band) => ({ band, min: hundredthsOfNumber(band.min)! })).sort((a, b) => b.min - a.min);
    SORTED.set(template, bands);
  }
  return bands;
}

/** The band a total (in hundredths of a point) falls in; lower bounds are inclusive ("90（含）"). */
export function gradeFor(total: number, template: Template): GradeBand {
  const bands = bandsOf(template);
  for (const { band, min } of bands) if (total >= min) return band;
  return bands[bands.length - 1]!.band;
}
