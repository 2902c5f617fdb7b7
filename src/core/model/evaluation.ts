/**
 * The interchange model `jixiao/evaluation@1` (PRODUCT.md, "Interchange format").
 *
 * Every object is loose: fields this version does not know are kept through a read and a write,
 * so a file from a newer jixiao or another tool loses nothing here. Values are not transformed on
 * parse (amounts stay decimal strings, points stay numbers) so that writing back gives the input.
 */
import { z } from 'zod';
import { decimalPlaces } from '../decimal.ts';

export const EVALUATION_SCHEMA_ID = 'jixiao/evaluation@1';

/** An amount in 元 as a decimal string with at most 2 decimals: "414400.00". Blank means not filled. */
const amount = z
  .string()
  .regex(/^(-?\d+(\.\d{1,2})?)?$/, { message: 'expected an amount in 元 as a decimal string such as "414400.00"' });

/** A rate in percent as a decimal string: "62.16". Blank means not filled. */
const percent = z
  .string()
  .regex(/^(-?\d+(\.\d+)?)?$/, { message: 'expected a percentage as a decimal string such as "62.16"' });

/** Weights and scores: JSON numbers with at most 2 decimals. */
const pointsValue = z
  .number()
  .refine((n) => Number.isFinite(n) && decimalPlaces(n) <= 2, { message: 'expected a number with at most 2 decimals' });

const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'expected an ISO date such as "2022-03-02"' });

/** The level a preparer picks for a qualitative target (PRODUCT.md, "Targets and scoring"). */
export const qualitativeLevelSchema = z.enum(['achieved', 'partial', 'notAchieved']);
export type QualitativeLevel = z.infer<typeof qualitativeLevelSchema>;

export const projectSchema = z.looseObject({
  name: z.string(),
  /** 项目代码: the budget system's code of the project, where the year's project list gave one. */
  code: z.string().optional(),
  budgetUnit: z.string().optional(),
  department: z.string().optional(),
  recurring: z.boolean().optional(),
  budgetInitial: amount.optional(),
  budgetCurrentYear: amount.optional(),
  budgetPreviousYear: amount.optional(),
  executed: amount.optional(),
  executionRate: percent.optional(),
  amountUnit: z.enum(['元', '万元']).optional(),
});

export const fundingRowSchema = z.looseObject({
  source: z.string(),
  initial: amount.optional(),
  adjusted: amount.optional(),
  executed: amount.optional(),
});

export const indicatorSchema = z.looseObject({
  /** Stable across years (lineage); optional in files. */
  id: z.string().optional(),
  category: z.string().optional(),
  subcategory: z.string().optional(),
  name: z.string(),
  target: z.string().optional(),
  actual: z.string().optional(),
  weight: pointsValue.optional(),
  rule: z.string().optional(),
  score: pointsValue.optional(),
  remark: z.string().optional(),
  level: qualitativeLevelSchema.optional(),
});

export const evaluationSchema = z.looseObject({
  schema: z.literal(EVALUATION_SCHEMA_ID),
  template: z.string().min(1),
  year: z.number().int().min(1949).max(2999),
  project: projectSchema,
  funding: z.array(fundingRowSchema).optional(),
  execution: z.looseObject({ weight: pointsValue, score: pointsValue.optional() }).optional(),
  annualGoal: z.string().optional(),
  actualOutcome: z.string().optional(),
  indicators: z.array(indicatorSchema),
  totals: z.looseObject({ weight: pointsValue.optional(), score: pointsValue.optional() }).optional(),
  grade: z.string().optional(),
  achievements: z.string().optional(),
  problems: z.string().optional(),
  improvements: z.string().optional(),
  evaluatedOn: isoDate.optional(),
});

export const evaluationFileSchema = z.looseObject({
  evaluations: z.array(evaluationSchema),
});

export type Project = z.infer<typeof projectSchema>;
export type FundingRow = z.infer<typeof fundingRowSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationFile = z.infer<typeof evaluationFileSchema>;

/** The published JSON Schema of the interchange file. */
export function evaluationJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(evaluationFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://jixiao.example/schema/evaluation-1.json',
    title: 'jixiao/evaluation@1',
  };
}
