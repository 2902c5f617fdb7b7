/** The re-check answers of the API (docs/api.md, "Re-check"), as the server's schema names them. */
import type { GapSummary } from '../../../core/recheck/gap-report.ts';
import type { components } from '../../api/schema.ts';

type Schemas = components['schemas'];

export type UnitRef = Schemas['Unit'];
export type RecheckDraw = Schemas['RecheckDraw'];
/** The core's view of an indicator under re-check, with what the reviewer recorded. */
export type RecheckIndicator = Schemas['RecheckForm']['indicators'][number];
export type RecheckForm = Schemas['RecheckForm'];
/** A draw with one page of its forms, in draw order (`evaluationsTotal`: the forms on all pages). */
export type RecheckDetail = Schemas['RecheckDetail'];
export type RecheckReport = Schemas['RecheckReport'];

export type { GapSummary };
