/** The zod schemas of the organisation, the users and the year's set-up (docs/api.md, "Organisation, users, years"). */
import { z } from '@hono/zod-openapi';
import { DISPLAY_NAME_MAX_LENGTH } from '../core/accounts/accounts.ts';
import { PASSWORD_MAX_LENGTH } from '../core/accounts/password-policy.ts';
import { UNIT_NAME_MAX_LENGTH } from '../core/organisation/unit-plan.ts';
import { PROGRESS_COLUMNS } from '../core/year/progress.ts';
import { FiscalYear, PageQuery, Paged, Role, User } from './api-schemas.ts';

const id = z.string().min(1).max(100);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, { message: 'expected an ISO date such as "2027-03-31"' });

export const UnitRecord = z
  .object({
    id: z.string(),
    code: z.string().openapi({ description: '单位代码, the budget system’s code' }),
    name: z.string(),
    parentId: z.string().nullable().openapi({ description: 'null: directly under the finance bureau (a 主管部门)' }),
    disabled: z.boolean(),
    children: z.number().int().openapi({ description: 'units directly below' }),
  })
  .openapi('UnitRecord');

export const UnitListQuery = z.object({
  q: z.string().min(1).max(100).optional().openapi({ description: 'part of the name or the code' }),
  parent: id.optional().openapi({ description: 'only the units directly below this unit; `root`: the departments' }),
  disabled: flag.optional(),
  ...PageQuery,
});

export const UnitPage = Paged(UnitRecord, 'UnitPage');

const code = z.string().min(1).max(50);
const unitName = z.string().min(1).max(UNIT_NAME_MAX_LENGTH);
export const CreateUnitBody = z.object({ code, name: unitName, parentId: id.nullable().optional() });
export const UpdateUnitBody = z
  .object({ code: code.optional(), name: unitName.optional(), parentId: id.nullable().optional(), disabled: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const ImportCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), ignoredColumns: z.array(z.string()) }).openapi('UnitImport');

export const UserRecord = User.extend({
  unitCode: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
}).openapi('UserRecord');

export const UserListQuery = z.object({
  q: z.string().min(1).max(100).optional().openapi({ description: 'part of the username or the name' }),
  role: Role.optional(),
  unit: id.optional(),
  disabled: flag.optional(),
  ...PageQuery,
});

export const UserPage = Paged(UserRecord, 'UserPage');

export const CreateUserBody = z.object({
  username: z.string().min(1).max(64),
  displayName: z.string().max(DISPLAY_NAME_MAX_LENGTH).optional(),
  role: Role,
  unitId: id.nullable().optional(),
});
export const UpdateUserBody = z
  .object({ displayName: z.string().max(DISPLAY_NAME_MAX_LENGTH).optional(), role: Role.optional(), unitId: id.nullable().optional(), disabled: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const CreatedUser = z
  .object({ user: UserRecord, oneTimePassword: z.string().openapi({ description: 'shown this once; the user must change it at the next login' }) })
  .openapi('CreatedUser');

export const PasswordBody = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4), newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4) });

export const YearParams = z.object({ year: FiscalYear });

export const YearSettings = z
  .object({
    year: z.number().int(),
    departmentReview: z.boolean().openapi({ description: 'submitted forms go to the unit’s department (主管部门) before the finance bureau' }),
    deadline: z.string().nullable().openapi({ description: '填报截止日期, an ISO date' }),
    monitoringAsOf: z.string().nullable().openapi({
      description: '监控时点: the as-of date of the year’s monitoring drafts made from targets, "MM-DD" or a full date of the year; null: the template’s default (07-31). Always sent',
    }),
  })
  .openapi('YearSettings');

export const YearBody = z.object({
  departmentReview: z.boolean(),
  deadline: isoDate.nullable(),
  monitoringAsOf: z
    .string()
    .regex(/^(\d{4}-)?\d{2}-\d{2}$/u, { message: 'expected "MM-DD" or a date of the year such as "2024-07-31"' })
    .nullable()
    .optional()
    .openapi({ description: '监控时点, "MM-DD" or a full date of the year (another year’s, or no such day: 422 INVALID_MONITORING_DATE); null: the template’s default; left out: kept' }),
});

export const ProjectImportQuery = z.object({ dryRun: flag.optional().openapi({ description: 'true: check and count only, write nothing' }) });

const RowNotice = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

export const ProjectImport = z
  .object({
    year: z.number().int(),
    dryRun: z.boolean(),
    created: z.number().int(),
    carriedOver: z.number().int().openapi({ description: 'of the created: made from last year’s form of the project' }),
    fromTargets: z.number().int().openapi({ description: 'of the created: made from the project’s approved targets of the year (and checked against them)' }),
    updated: z.number().int(),
    unchanged: z.number().int(),
    ignoredColumns: z.array(z.string()),
    notices: z.array(RowNotice).openapi({ description: 'what was left alone and why (a value the unit changed, a form already sent)' }),
  })
  .openapi('ProjectImport');

const Counts = z.object(Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c, z.number().int()])) as Record<(typeof PROGRESS_COLUMNS)[number], z.ZodNumber>);
const ProgressUnit = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const Progress = z
  .object({
    year: z.number().int(),
    deadline: z.string().nullable(),
    pastDeadline: z.boolean(),
    totals: Counts,
    departments: z.array(z.object({ unit: ProgressUnit, counts: Counts, units: z.array(z.object({ unit: ProgressUnit, counts: Counts })) })),
  })
  .openapi('Progress');
