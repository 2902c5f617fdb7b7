/**
 * The interchange model `jixiao/evaluation@1` (PRODUCT.md, "Interchange format").
 *
 * Every object is loose: fields this version does not know are kept through a read and a write,
 * so a file from a newer jixiao or another tool loses nothing here. Values are not transformed on
 * parse (amounts stay decimal strings, points stay numbers) so that writing back gives the input.
 */
import { z } from 'zod';
import { hundredthsOfNumber, MAX_POINTS } from '../numbers/hundredths.ts';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR } from './fiscal-year.ts';

export const EVALUATION_SCHEMA_ID = 'jixiao/evaluation@1';

/**
 * Every string has a bound (a request, a stored row and a printed form stay bounded): words of the
 * form — names, targets, rules — up to SHORT_TEXT characters, the narratives up to LONG_TEXT.
 */
export const SHORT_TEXT = 1000;
export const LONG_TEXT = 20000;
export const short = z.string().max(SHORT_TEXT);
export const long = z.string().max(LONG_TEXT);

/**
 * An amount in 元 as a decimal string with at most 2 decimals: "414400.00". Blank means not filled.
 * At most 13 digits before the point (under 10 万亿元), so every sum is exact in fen (numbers/hundredths.ts).
 */
export const amount = z
  .string()
  .max(30)
  .regex(/^(-?\d{1,13}(\.\d{1,2})?)?$/, { message: 'expected an amount in 元 as a decimal string such as "414400.00" (at most 13 digits before the point)' });

/** A rate in percent as a decimal string: "62.16". Blank means not filled. */
const percent = z
  .string()
  .max(30)
  .regex(/^(-?\d+(\.\d+)?)?$/, { message: 'expected a percentage as a decimal string such as "62.16"' });

/** Weights and scores: JSON numbers with at most 2 decimals. */
export const pointsValue = z
  .number()
  .refine((n) => hundredthsOfNumber(n) !== null && Math.abs(n) <= MAX_POINTS, { message: 'expected a number with at most 2 decimals' });

export const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: 'expected an ISO date such as "2022-03-02"' });

/** The head every document of the cycle starts with: its schema id, its template, its year. */
export function documentHead<Id extends string>(schemaId: Id) {
  return {
    schema: z.literal(schemaId),
    template: z.string().min(1).max(100),
    year: z.number().int().min(FIRST_FISCAL_YEAR).max(LAST_FISCAL_YEAR),
  };
}

/** An indicator's stable id (lineage), optional in files. */
export const indicatorId = z.string().max(100).optional();

/** The level a preparer picks for a qualitative target (PRODUCT.md, "Targets and scoring"). */
export const qualitativeLevelSchema = z.enum(['achieved', 'partial', 'notAchieved']);
export type QualitativeLevel = z.infer<typeof qualitativeLevelSchema>;

export const projectSchema = z.looseObject({
  name: short,
  /** 项目代码: the budget system's code of the project, where the year's project list gave one. */
  code: short.optional(),
  budgetUnit: short.optional(),
  department: short.optional(),
  recurring: z.boolean().optional(),
  budgetInitial: amount.optional(),
  budgetCurrentYear: amount.optional(),
  budgetPreviousYear: amount.optional(),
  executed: amount.optional(),
  executionRate: percent.optional(),
  amountUnit: z.enum(['元', '万元']).optional(),
});

export const fundingRowSchema = z.looseObject({
  source: short,
  initial: amount.optional(),
  adjusted: amount.optional(),
  executed: amount.optional(),
});

export const indicatorSchema = z.looseObject({
  /** Stable across years (lineage); optional in files. */
  id: indicatorId,
  category: short.optional(),
  subcategory: short.optional(),
  name: short,
  target: short.optional(),
  actual: short.optional(),
  weight: pointsValue.optional(),
  rule: long.optional(),
  score: pointsValue.optional(),
  remark: long.optional(),
  level: qualitativeLevelSchema.optional(),
});

export const evaluationSchema = z.looseObject({
  ...documentHead(EVALUATION_SCHEMA_ID),
  project: projectSchema,
  funding: z.array(fundingRowSchema).optional(),
  execution: z.looseObject({ weight: pointsValue, score: pointsValue.optional() }).optional(),
  annualGoal: long.optional(),
  actualOutcome: long.optional(),
  indicators: z.array(indicatorSchema),
  totals: z.looseObject({ weight: pointsValue.optional(), score: pointsValue.optional() }).optional(),
  grade: short.optional(),
  achievements: long.optional(),
  problems: long.optional(),
  improvements: long.optional(),
  evaluatedOn: isoDate.optional(),
});

/** An interchange file: `{"evaluations": […]}`, `{"targets": […]}`; other members are kept. */
export function interchangeFile<Key extends string, Document extends z.ZodType>(key: Key, document: Document) {
  return z.looseObject({ [key]: z.array(document) } as { [K in Key]: z.ZodArray<Document> });
}

export const evaluationFileSchema = interchangeFile('evaluations', evaluationSchema);

export type Project = z.infer<typeof projectSchema>;
export type FundingRow = z.infer<typeof fundingRowSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationFile = z.infer<typeof evaluationFileSchema>;

/** The published JSON Schema of an interchange file: `jixiao/targets@1` at …/schema/targets-1.json. */
export function interchangeJsonSchema(fileSchema: z.ZodType, schemaId: string): Record<string, unknown> {
  const [, name, version] = /^jixiao\/(\w+)@(\d+)$/u.exec(schemaId)!;
  return {
    ...z.toJSONSchema(fileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: `https://jixiao.example/schema/${name}-${version}.json`,
    title: schemaId,
  };
}

/** The published JSON Schema of the evaluation file. */
export function evaluationJsonSchema(): Record<string, unknown> {
  return interchangeJsonSchema(evaluationFileSchema, EVALUATION_SCHEMA_ID);
}
