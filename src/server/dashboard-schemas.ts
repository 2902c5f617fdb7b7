/** The zod schemas of the dashboard (docs/api.md, "Dashboard"): the year's overview and its paged table. */
import { z } from '@hono/zod-openapi';
import { TABLE_SORTS } from '../storage/repositories/dashboard-repository.ts';
import { PageQuery, Status, Summary, Unit } from './api-schemas.ts';

const year = z.coerce.number().int().min(1949).max(2999).optional();
const money = z.string().openapi({ description: 'a decimal string in 元, exact' });

export const DashboardQuery = z.object({ year });

/** The table's filter and order, shared by the page and the CSV/XLSX files. */
const tableQuery = {
  year,
  status: Status.optional(),
  unit: z.string().min(1).max(100).optional().openapi({ description: 'a unit id' }),
  project: z.string().min(1).max(200).optional().openapi({ description: 'part of the project name' }),
  sort: z.enum(TABLE_SORTS).default('score'),
  order: z.enum(['asc', 'desc']).default('desc'),
};
export const DashboardTableQuery = z.object({ ...tableQuery, ...PageQuery });

export const DashboardExportQuery = z.object({ ...tableQuery, lang: z.enum(['zh', 'en']).optional() });

export const Dashboard = z
  .object({
    year: z.number().int().nullable(),
    total: z.number().int().openapi({ description: 'forms of the year the user may see' }),
    byStatus: z.record(Status, z.number().int()),
    byGrade: z.array(z.object({ grade: z.string(), count: z.number().int() })),
    totals: z.object({ budget: money, executed: money }),
    scatter: z.object({
      bin: z.number().int().openapi({ description: 'cell width on both axes (percent of execution, points of score)' }),
      cells: z.array(
        z.object({
          rate: z.number().openapi({ description: "the cell's lowest execution rate, percent (0–100; above 100 % falls in the last cell)" }),
          score: z.number().openapi({ description: "the cell's lowest score" }),
          count: z.number().int(),
          highScoreLowExecution: z.number().int().openapi({ description: 'forms of the cell whose score exceeds the rate by more than 5 points' }),
        }),
      ),
    }),
    unitCount: z.number().int().openapi({ description: 'units with forms in the year' }),
    budgetByUnit: z.array(z.object({ unit: Unit, budget: money, executed: money })).openapi({ description: 'the 20 units with the largest budgets, largest first' }),
  })
  .openapi('Dashboard');

export const DashboardTable = z
  .object({
    year: z.number().int().nullable(),
    total: z.number().int().openapi({ description: 'rows under the filter, all pages' }),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(Summary),
  })
  .openapi('DashboardTable');
