/**
 * The interchange model `jixiao/monitoring@1` (PRODUCT.md, "The cycle"): mid-year monitoring
 * (绩效运行监控) of a project as of a date the bureau chooses (usually 7月31日) — spending to date
 * and expected by year end, and per indicator the progress, the expected year-end value, the
 * causes of any deviation and the likelihood of reaching the target.
 *
 * As the evaluation: loose objects (unknown fields kept), amounts as decimal strings in 元, keys
 * meaning what they mean there, nothing transformed on parse.
 */
import { z } from 'zod';
import { isCalendarDate } from '../year/calendar.ts';
import { amount, documentHead, indicatorId, interchangeFile, interchangeJsonSchema, long, projectSchema, short } from './evaluation.ts';

export const MONITORING_SCHEMA_ID = 'jixiao/monitoring@1';

/** 偏差原因分析: 经费保障, 制度保障, 人员保障, 硬件条件保障, 其他 (the form's fixed set, in its order). */
export const DEVIATION_CAUSES = ['funding', 'rules', 'staffing', 'facilities', 'other'] as const;
export type DeviationCause = (typeof DEVIATION_CAUSES)[number];

/** 完成目标可能性: 确定能, 有可能, 完全不可能. */
export const LIKELIHOODS = ['certain', 'possible', 'impossible'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

const asOfDate = z
  .string()
  .refine(isCalendarDate, { message: 'expected a date of the calendar as "2024-07-31"' });

/** Where there are no funding rows, the project states its budget and spending itself. */
export const monitoringProjectSchema = projectSchema.extend({
  executedToDate: amount.optional(),
  expectedYearEnd: amount.optional(),
});

export const monitoringFundingRowSchema = z.looseObject({
  source: short,
  budget: amount,
  executedToDate: amount,
  expectedYearEnd: amount,
});

export const monitoringIndicatorSchema = z.looseObject({
  id: indicatorId,
  category: short,
  subcategory: short.optional(),
  name: short,
  target: short,
  /** 1—7月执行情况: what has been done by the date. */
  progress: short,
  /** 全年预计完成情况. */
  expectedYearEnd: short,
  deviationCauses: z.array(z.enum(DEVIATION_CAUSES)),
  likelihood: z.enum(LIKELIHOODS),
  remark: long.optional(),
});

export const monitoringSchema = z.looseObject({
  ...documentHead(MONITORING_SCHEMA_ID),
  asOf: asOfDate,
  project: monitoringProjectSchema,
  funding: z.array(monitoringFundingRowSchema).optional(),
  annualGoal: long,
  progressSummary: long,
  indicators: z.array(monitoringIndicatorSchema),
});

export const monitoringFileSchema = interchangeFile('monitoring', monitoringSchema);

export type MonitoringProject = z.infer<typeof monitoringProjectSchema>;
export type MonitoringFundingRow = z.infer<typeof monitoringFundingRowSchema>;
export type MonitoringIndicator = z.infer<typeof monitoringIndicatorSchema>;
export type Monitoring = z.infer<typeof monitoringSchema>;
export type MonitoringFile = z.infer<typeof monitoringFileSchema>;

/** The published JSON Schema of the monitoring file. */
export function monitoringJsonSchema(): Record<string, unknown> {
  return interchangeJsonSchema(monitoringFileSchema, MONITORING_SCHEMA_ID);
}
