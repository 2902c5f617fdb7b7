/** The re-check answers of the API (docs/api.md, "Re-check"). */
import type { GapSummary } from '../../../core/recheck/gap-report.ts';
import type { RecheckIndicator as CoreRecheckIndicator } from '../../../core/recheck/recheck-scores.ts';

export interface UnitRef {
  id: string;
  name: string;
}

export interface RecheckDraw {
  id: string;
  year: number;
  seed: string;
  parameters: { minimumShare: number; flagThreshold: number; bands: { key: string; from: string; label: string }[] };
  population: number;
  drawn: number;
  strata: { unit: UnitRef; band: string; bandLabel: string; population: number; evaluationIds: string[] }[];
  drawnBy: { username: string; displayName: string };
  drawnAt: string;
}

/** The core's view of an indicator under re-check, with what the reviewer recorded. */
export interface RecheckIndicator extends CoreRecheckIndicator {
  recheckScore: number | null;
  reason: string | null;
}

export interface RecheckForm {
  id: string;
  unit: UnitRef;
  project: string;
  template: string;
  status: string;
  version: number;
  score: number;
  budget: string | null;
  complete: boolean;
  indicators: RecheckIndicator[];
}

/** A draw with one page of its forms, in draw order (`evaluationsTotal`: the forms on all pages). */
export interface RecheckDetail extends RecheckDraw {
  evaluations: RecheckForm[];
  evaluationsTotal: number;
  limit: number;
  offset: number;
}

export type { GapSummary };

export interface RecheckReport {
  drawId: string;
  year: number;
  seed: string;
  threshold: number;
  overall: GapSummary;
  units: (GapSummary & { unit: UnitRef })[];
  forms: { evaluationId: string; unit: UnitRef; project: string; complete: boolean; selfTotal: number; recheckTotal: number | null; gap: number | null; flagged: boolean }[];
}
