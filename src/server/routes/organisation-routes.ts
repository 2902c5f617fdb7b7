/** The organisation (units as a tree) and the users: everyone reads the units they may see; the admin manages both. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { render } from '../../core/locale/messages.ts';
import { readSetupList } from '../../import/table/setup-rows.ts';
import { IdParams, UploadBody } from '../api-schemas.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import {
  CreatedUser, CreateUnitBody, CreateUserBody, ImportCounts, UnitListQuery, UnitPage, UnitRecord, UpdateUnitBody, UpdateUserBody, UserListQuery,
  UserPage, UserRecord,
} from '../organisation-schemas.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';
import { uploadedFile, uploadMiddleware } from './upload.ts';

/** A set-up list is a spreadsheet, not a scanned form: far below the import's 50 MiB. */
const MAX_LIST_BYTES = 20 * 1024 * 1024;

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
/** What the unit record shows (not its path in the tree). */
const unitView = ({ path: _path, ...unit }: { path: string } & z.infer<typeof UnitRecord>) => unit;
const userRecordView = ({ unitPath: _path, ...user }: { unitPath: string | null } & z.infer<typeof UserRecord>) => user;

export function organisationRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/units', tags: ['units'], summary: 'The units the user may see, one page at a time (by code)',
      request: { query: UnitListQuery },
      responses: { 200: json(UnitPage, 'units'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { q, parent, disabled, limit, offset } = c.req.valid('query');
      const filter = { q, disabled, ...(parent === undefined ? {} : { parentId: parent === 'root' ? null : parent }) };
      const { items, total } = await services.units.list(requireUser(c), filter, { limit, offset });
      return c.json({ items: items.map(unitView), total, limit, offset }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/units/{id}', tags: ['units'], summary: 'A unit the user may see',
      request: { params: IdParams },
      responses: { 200: json(UnitRecord, 'the unit'), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(unitView(await services.units.get(requireUser(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/units', tags: ['units'], summary: 'Add a unit (admin): under a parent, or directly under the finance bureau',
      request: body(CreateUnitBody),
      responses: { 201: json(UnitRecord, 'the new unit'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { code, name, parentId } = c.req.valid('json');
      return c.json(unitView(await services.units.create(requireUser(c), { code, name, parentId: parentId ?? null })), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/api/units/{id}', tags: ['units'], summary: 'Rename, recode or move a unit (the units below move with it), disable or enable it (admin)',
      request: { params: IdParams, ...body(UpdateUnitBody) },
      responses: { 200: json(UnitRecord, 'the unit'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(unitView(await services.units.update(requireUser(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/units/import', tags: ['units'],
      summary: 'A list of units (CSV or XLSX: 单位代码, 单位名称, 上级单位代码) added or changed by code: all rows or none (admin)',
      middleware: uploadMiddleware(MAX_LIST_BYTES),
      request: { body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true } },
      responses: { 200: json(ImportCounts, 'what was written'), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      if (user.role !== 'admin') throw new ApiError(403, 'FORBIDDEN');
      const file = await uploadedFile(c.req.valid('form') as { file?: unknown });
      const read = await readSetupList(file.bytes, 'units');
      if (!read.ok) throw new ApiError(422, 'UNREADABLE_LIST', { params: { reason: render(read.message, requestLang(c)) } });
      const counts = await services.units.importRows(user, read.read.rows);
      return c.json({ ...counts, ignoredColumns: read.read.ignoredColumns }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/users', tags: ['users'], summary: 'The users, one page at a time (by username) (admin)',
      request: { query: UserListQuery },
      responses: { 200: json(UserPage, 'users'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { q, role, unit, disabled, limit, offset } = c.req.valid('query');
      const { items, total } = await services.users.list(requireUser(c), { q, role, unitId: unit, disabled }, { limit, offset });
      return c.json({ items: items.map(userRecordView), total, limit, offset }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/users', tags: ['users'],
      summary: 'Add a user (admin): the answer carries a one-time password, shown once; the user must change it at the first login',
      request: body(CreateUserBody),
      responses: { 201: json(CreatedUser, 'the new user and the one-time password'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { username, displayName, role, unitId } = c.req.valid('json');
      const created = await services.users.create(requireUser(c), { username, role, unitId: unitId ?? null, ...(displayName !== undefined ? { displayName } : {}) });
      return c.json({ user: userRecordView(created.user), oneTimePassword: created.oneTimePassword! }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/api/users/{id}', tags: ['users'],
      summary: 'Change a user’s name, role or unit, or disable (ends the user’s sessions) or enable them (admin)',
      request: { params: IdParams, ...body(UpdateUserBody) },
      responses: { 200: json(UserRecord, 'the user'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(userRecordView(await services.users.update(requireUser(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/users/{id}/reset-password', tags: ['users'],
      summary: 'A new one-time password for the user, shown once; the user’s sessions end (admin)',
      request: { params: IdParams },
      responses: { 200: json(z.object({ oneTimePassword: z.string() }), 'the one-time password'), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await services.users.resetPassword(requireUser(c), c.req.valid('param').id), 200),
  );
}
