/**
 * A template is data: the blocks and caps, execution scoring, grade bands, column titles and
 * field labels of one region's official form. Adding a region is adding a JSON file that this
 * schema accepts; no code changes.
 */
import { z } from 'zod';
import { hundredthsOfNumber } from '../numbers/hundredths.ts';

/** A label in both UI languages; the Chinese one is what the official form prints. */
export const labelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Label = z.infer<typeof labelSchema>;

/** A label on the form, with the other spellings importers meet for it (目标值 / 指标解释 / 年度指标值). */
export const formLabelSchema = labelSchema.extend({ aliases: z.array(z.string()).default([]) });
export type FormLabel = z.infer<typeof formLabelSchema>;

/** Points and percents are computed in integer hundredths (numbers/hundredths.ts): at most 2 decimals. */
const twoDecimals = z.number().refine((v) => hundredthsOfNumber(v) !== null, { message: 'at most 2 decimals' });
const points = twoDecimals.min(0);
const severity = z.enum(['error', 'warning']);

/** An indicator table's column titles in print order; `printed: false` is recorded but not printed. */
const columnsSchema = z.array(z.object({ field: z.string(), title: formLabelSchema, printed: z.boolean().default(true) })).min(1);

/**
 * The layout of one of the cycle's other documents (PRODUCT.md, "The cycle"): the targets
 * declaration (绩效目标申报表) or the monitoring form (绩效目标执行监控表). Its words are its own
 * (fieldLabels: `project.budgetUnit`, `funding[].budget`, `form.funding.total` …), apart from the
 * evaluation's, so that readers of the evaluation never meet them.
 */
const documentLayoutSchema = z.object({
  /** The form's title; `{year}` is replaced by the year. */
  title: labelSchema,
  columns: columnsSchema,
  fieldLabels: z.record(z.string(), formLabelSchema),
  /** Keys in fieldLabels of the funding rows the blank form prints, in order. */
  fundingRows: z.array(z.string()).default([]),
});

/** PRODUCT.md's time-progress rule: spending more than 10 points behind the days elapsed. */
export const DEFAULT_EXECUTION_LAG_POINTS = 10;

const monitoringLayoutSchema = documentLayoutSchema.extend({
  /** The as-of date the year's monitoring takes unless the bureau chooses another, as MM-DD. */
  defaultAsOf: z.string().regex(/^\d{2}-\d{2}$/u).default('07-31'),
  /** MONITOR_EXECUTION_LAG: execution may be this many points behind the time progress. */
  executionLagPoints: twoDecimals.min(0).default(DEFAULT_EXECUTION_LAG_POINTS),
});

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: labelSchema,
  /** The form's title; `{year}` is replaced by the evaluation year. */
  title: labelSchema,
  /** Points of the whole form: indicator weights plus the execution weight. */
  totalPoints: points,
  /** The unit the form prints amounts in; the model always stores 元. */
  amountUnit: z.enum(['元', '万元']),
  /** 一级指标 in the form's order. */
  categories: z
    .array(
      z.object({
        key: z.string().min(1),
        label: labelSchema,
        subcategories: z.array(z.string()).default([]),
        /**
         * Words the names of each 二级指标's indicators usually hold (人次 under 数量指标), by
         * 二级指标: where a printed form's layout fits a row under either of two 二级指标 alike,
         * the import gives it to the one its name speaks of (and says it was unsure).
         */
        nameWords: z.record(z.string(), z.array(z.string().min(1))).optional(),
      }),
    )
    .min(1),
  /** Caps on blocks: usually one category each; some regions cap several together (效益+满意度 40). */
  caps: z.array(z.object({ categories: z.array(z.string()).min(1), points })),
  /** Budget execution: shown only, or scored as min(rate, 100 %) × weight. */
  execution: z.discriminatedUnion('scored', [
    z.object({ scored: z.literal(false) }),
    z.object({ scored: z.literal(true), weight: points }),
  ]),
  /** Grade bands, lower bounds inclusive ("90（含）"); the first band whose min the total reaches. */
  grades: z.array(z.object({ min: points, label: labelSchema })).min(1),
  /**
   * Column titles of the indicator table, in print order. A column with `printed: false` is
   * recorded (the editor shows it, the data keeps it) but not on the printed form: the Shanghai
   * form has no 实际完成值 column, yet the actual value feeds the suggested score.
   */
  columns: columnsSchema,
  /** The form's words for model fields (`project.budgetUnit` → 预算单位 or 主管部门). */
  fieldLabels: z.record(z.string(), formLabelSchema),
  /** Fields that must be filled; `indicators[].x` applies to every indicator. */
  requiredFields: z.array(z.object({ field: z.string(), severity })),
  /** Whether the form has 主要问题 (PROBLEMS_UNSTATED applies only then). */
  narratives: z.array(z.enum(['achievements', 'problems', 'improvements'])),
  /** The layouts of the targets and monitoring documents on this template, where it has them. */
  documents: z.object({ targets: documentLayoutSchema.optional(), monitoring: monitoringLayoutSchema.optional() }).optional(),
  scoring: z.object({
    /** Reverse targets score 0 at this multiple of the target (2 → "beyond 2 × target → 0"). */
    reverseZeroAtMultiple: twoDecimals.gt(1),
    /** Share of the weight, in percent, that each qualitative level allows. */
    qualitativeBands: z.object({
      achieved: z.tuple([points, points]),
      partial: z.tuple([points, points]),
      notAchieved: z.tuple([points, points]),
    }),
    /** An actual at or above this percent of a positive target flags TARGET_TOO_LOW. */
    targetTooLowPercent: twoDecimals.gt(100),
    /** Indicator score share may exceed the execution rate by this many points. */
    highScoreLowExecutionMargin: twoDecimals.min(0),
    /** Below this execution rate 主要问题 must be stated. */
    problemsRequiredBelowRate: twoDecimals.min(0),
  }),
});

/** A template is also checked for sense: caps name its own categories, some band starts at 0, names' words are given for its own 二级指标. */
export const validTemplateSchema = templateSchema.superRefine((t, ctx) => {
  const keys = new Set(t.categories.map((c) => c.key));
  t.caps.forEach((cap, i) =>
    cap.categories.forEach((key, j) => {
      if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['caps', i, 'categories', j], message: `"${key}" is not one of the template's categories` });
    }),
  );
  if (!t.grades.some((g) => g.min === 0)) ctx.addIssue({ code: 'custom', path: ['grades'], message: 'one grade band must start at 0' });
  t.categories.forEach((c, i) =>
    Object.keys(c.nameWords ?? {}).forEach((sub) => {
      if (!c.subcategories.includes(sub)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'nameWords', sub], message: `"${sub}" is not one of the category's subcategories` });
    }),
  );
});

export type Template = z.infer<typeof templateSchema>;
export type TemplateColumn = Template['columns'][number];
export type DocumentLayout = z.infer<typeof documentLayoutSchema>;
export type MonitoringLayout = z.infer<typeof monitoringLayoutSchema>;

/** The indicator table's columns as the official form prints them (exports, importers). */
export function printedColumns(template: Pick<Template, 'columns'>): TemplateColumn[] {
  return template.columns.filter((c) => c.printed !== false);
}
export type TemplateCategory = Template['categories'][number];
export type Cap = Template['caps'][number];
