/** The answers of GET /api/evaluations/:id/previous-year and /recheck-scores (docs/api.md), as the UI reads them. */
import type { Status } from './types.ts';

export interface PreviousIndicator {
  index: number;
  id: string | null;
  category: string | null;
  subcategory: string | null;
  name: string;
  target: string | null;
  actual: string | null;
  weight: number | null;
  score: number | null;
}

export interface PreviousYear {
  previous: { id: string; year: number; project: string; status: Status; via: 'copy' | 'name'; indicators: PreviousIndicator[] } | null;
  indicators: Array<{ previousIndex: number; previousName: string; previousTarget: string | null; previousActual: string | null; previousScore: number | null; matchedBy: 'id' | 'name' } | null>;
}

export interface RecheckOfForm {
  drawId: string;
  year: number;
  drawnAt: string;
  evaluationVersion: number;
  complete: boolean;
  selfTotal: number;
  recheckTotal: number | null;
  gap: number | null;
  indicators: Array<{ index: number; selfScore: number | null; recheckScore: number | null; reason: string | null }>;
}

export interface EvaluationRechecks {
  draws: RecheckOfForm[];
}
