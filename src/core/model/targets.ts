/**
 * The interchange model `jixiao/targets@1` (PRODUCT.md, "The cycle"): a project's annual goal and
 * indicator table with targets, weights and scoring rules, as the unit declares them with its
 * budget request (绩效目标申报) and the bureau approves them.
 *
 * Keys mean what they mean in the evaluation (model/evaluation.ts), and the same rules hold:
 * every object is loose (fields this version does not know are kept through a read and a write),
 * amounts are decimal strings in 元, weights numbers with at most 2 decimals, nothing is
 * transformed on parse.
 */
import { z } from 'zod';
import { amount, documentHead, indicatorId, interchangeFile, interchangeJsonSchema, long, pointsValue, projectSchema, short } from './evaluation.ts';

export const TARGETS_SCHEMA_ID = 'jixiao/targets@1';

/** A funding row of the declaration (年度资金总额 / 财政拨款 / 其他资金) and the amount asked for. */
export const targetsFundingRowSchema = z.looseObject({
  source: short,
  budget: amount,
});

export const targetIndicatorSchema = z.looseObject({
  /** Stable id (lineage): the evaluation made from these targets keeps it. */
  id: indicatorId,
  category: short,
  subcategory: short.optional(),
  name: short,
  target: short,
  weight: pointsValue,
  rule: long.optional(),
});

export const targetsSchema = z.looseObject({
  ...documentHead(TARGETS_SCHEMA_ID),
  project: projectSchema,
  funding: z.array(targetsFundingRowSchema).optional(),
  annualGoal: long,
  indicators: z.array(targetIndicatorSchema),
});

export const targetsFileSchema = interchangeFile('targets', targetsSchema);

export type TargetsFundingRow = z.infer<typeof targetsFundingRowSchema>;
export type TargetIndicator = z.infer<typeof targetIndicatorSchema>;
export type Targets = z.infer<typeof targetsSchema>;
export type TargetsFile = z.infer<typeof targetsFileSchema>;

/** The published JSON Schema of the targets file. */
export function targetsJsonSchema(): Record<string, unknown> {
  return interchangeJsonSchema(targetsFileSchema, TARGETS_SCHEMA_ID);
}
