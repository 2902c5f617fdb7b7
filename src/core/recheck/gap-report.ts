/**
 * The gap report of a re-check (抽查复核差异): per drawn form, the self score beside the re-check
 * score of every indicator and their difference (re-check − self: negative where the unit scored
 * itself too high); per form the totals and their gap, flagged when the gap's size exceeds the
 * threshold; per unit the mean and largest gap. Sums in integer hundredths of a point; means
 * rounded half-up to 2 decimals (exact decimals). A form's totals count once every indicator
 * has a re-check score.
 */
import { mulDivRound, pointsHundredths, pointsOf } from '../numbers/hundredths.ts';
import type { RecheckIndicator, RecheckScore } from './recheck-scores.ts';

export interface GapUnit {
  id: string;
  name: string;
}

export interface FormToReport {
  evaluationId: string;
  unit: GapUnit;
  project: string;
  indicators: readonly RecheckIndicator[];
  scores: readonly RecheckScore[];
}

export interface IndicatorGap {
  index: number;
  category: string | null;
  name: string;
  weight: number | null;
  selfScore: number | null;
  recheckScore: number | null;
  gap: number | null;
  reason: string | null;
}

export interface FormGap {
  evaluationId: string;
  unit: GapUnit;
  project: string;
  /** Every indicator has a re-check score. */
  complete: boolean;
  selfTotal: number;
  recheckTotal: number | null;
  gap: number | null;
  flagged: boolean;
  indicators: IndicatorGap[];
}

export interface GapSummary {
  drawn: number;
  rechecked: number;
  flagged: number;
  /** Mean of re-check − self over the re-checked forms. */
  meanGap: number | null;
  meanAbsoluteGap: number | null;
  /** The largest gap by size, with its sign. */
  maxGap: number | null;
}

export interface UnitGap extends GapSummary {
  unit: GapUnit;
}

export interface GapReport {
  threshold: number;
  overall: GapSummary;
  units: UnitGap[];
  forms: FormGap[];
}

export const DEFAULT_FLAG_THRESHOLD = 5;

export function formGap(form: FormToReport, threshold: number): FormGap {
  const byIndex = new Map(form.scores.map((s) => [s.indicator, s]));
  let self = 0;
  let recheck = 0;
  let complete = true;
  const indicators = form.indicators.map((indicator): IndicatorGap => {
    const entry = byIndex.get(indicator.index);
    const selfH = indicator.selfScore === null ? 0 : pointsHundredths(indicator.selfScore);
    self += selfH;
    if (entry === undefined) complete = false;
    else recheck += pointsHundredths(entry.score);
    return {
      index: indicator.index,
      category: indicator.category,
      name: indicator.name,
      weight: indicator.weight,
      selfScore: indicator.selfScore,
      recheckScore: entry?.score ?? null,
      gap: entry === undefined ? null : pointsOf(pointsHundredths(entry.score) - selfH),
      reason: entry?.reason ?? null,
    };
  });
  const gapH = complete ? recheck - self : null;
  return {
    evaluationId: form.evaluationId,
    unit: form.unit,
    project: form.project,
    complete,
    selfTotal: pointsOf(self),
    recheckTotal: complete ? pointsOf(recheck) : null,
    gap: gapH === null ? null : pointsOf(gapH),
    flagged: gapH !== null && Math.abs(gapH) > pointsHundredths(threshold),
    indicators,
  };
}

/** The summary of some forms' gaps (a unit's, a year's): counts, mean, mean size and largest gap. */
export function gapSummary(forms: readonly Pick<FormGap, 'gap' | 'flagged'>[]): GapSummary {
  const gaps = forms.filter((f) => f.gap !== null).map((f) => pointsHundredths(f.gap!));
  const mean = (values: number[]) => (values.length === 0 ? null : pointsOf(mulDivRound(values.reduce((a, b) => a + b, 0), 1, values.length)));
  const max = gaps.reduce<number | null>((m, g) => (m === null || Math.abs(g) > Math.abs(m) ? g : m), null);
  return {
    drawn: forms.length,
    rechecked: gaps.length,
    flagged: forms.filter((f) => f.flagged).length,
    meanGap: mean(gaps),
    meanAbsoluteGap: mean(gaps.map(Math.abs)),
    maxGap: max === null ? null : pointsOf(max),
  };
}

/** Units in the order they first appear among the forms (the draw's order: by unit). */
export function gapReport(forms: readonly FormToReport[], threshold: number = DEFAULT_FLAG_THRESHOLD): GapReport {
  const gaps = forms.map((form) => formGap(form, threshold));
  const units = new Map<string, { unit: GapUnit; forms: FormGap[] }>();
  for (const gap of gaps) {
    const entry = units.get(gap.unit.id) ?? { unit: gap.unit, forms: [] };
    entry.forms.push(gap);
    units.set(gap.unit.id, entry);
  }
  return {
    threshold,
    overall: gapSummary(gaps),
    units: [...units.values()].map(({ unit, forms: unitForms }) => ({ unit, ...gapSummary(unitForms) })),
    forms: gaps,
  };
}
