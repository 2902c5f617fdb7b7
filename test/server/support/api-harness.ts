/**
 * The API on a real database, in-process (Hono's app.request): the demo loaded, a client per demo
 * user, and fresh evaluations in any status for tests that change them.
 */
import { before } from 'node:test';
import type { Evaluation } from '../../../src/core/model/evaluation.ts';
import { templateRegistry } from '../../../src/core/templates/registry.ts';
import type { Status } from '../../../src/core/workflow/workflow.ts';
import { createApp, type AppOptions } from '../../../src/server/app.ts';
import { loadDemo } from '../../../src/server/demo-data.ts';
import { hashPassword } from '../../../src/server/passwords.ts';
import { columnsOf } from '../../../src/storage/evaluation-columns.ts';
import { repositories } from '../../../src/storage/repositories.ts';
import type { DialectName } from '../../../src/storage/dialect.ts';
import type { Database } from '../../../src/storage/open-database.ts';
import { forEachDatabase } from '../../../src/storage/test-databases.testing.ts';
import { seedEvaluations } from '../../support/fixtures.ts';

export const PASSWORD = 'demo-password-for-tests';
export type Username = 'preparer' | 'preparer2' | 'approver' | 'approver2' | 'department' | 'reviewer' | 'admin';
export type UnitKey = 'office' | 'center';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  /** false: no X-CSRF-Token header; a string: that token instead of the session's. */
  csrf?: false | string;
  headers?: Record<string, string>;
  /** Sent as is (multipart, malformed JSON). */
  rawBody?: BodyInit;
}

export class Client {
  constructor(
    private readonly api: Api,
    readonly cookie: string | null,
    readonly csrfToken: string | null,
    readonly user: any = null,
  ) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && (typeof options.csrf === 'string' || this.csrfToken)) {
      headers['x-csrf-token'] = typeof options.csrf === 'string' ? options.csrf : this.csrfToken!;
    }
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await this.api.app().request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const type = res.headers.get('content-type') ?? '';
    const data = res.status === 204 ? null : type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: data };
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options);
  post = (path: string, body?: unknown, options?: RequestOptions) => this.request('POST', path, { ...options, ...(body !== undefined ? { body } : {}) });
  put = (path: string, body?: unknown, options?: RequestOptions) => this.request('PUT', path, { ...options, ...(body !== undefined ? { body } : {}) });
}

export interface Api {
  app(): ReturnType<typeof createApp>;
  database(): Database;
  dialect: DialectName;
  url(): string;
  anonymous(): Client;
  /** A new session of the demo user (scrypt makes a login cost some milliseconds: reuse with `as`). */
  login(username: Username, address?: string): Promise<Client>;
  /** The suite's session of the user, logged in once. */
  as(username: Username): Promise<Client>;
  unitId(unit: UnitKey): string;
  /** A new evaluation of the unit in the status, written straight to the database (default: the seed's first form). */
  evaluation(unit: UnitKey, status: Status, document?: Evaluation): Promise<string>;
}

let demoHash: Promise<string> | undefined;
/** The demo users' password hashed once per test process (a login still verifies it at the full scrypt cost). */
const demoPasswordHash = () => (demoHash ??= hashPassword(PASSWORD));

let addressCounter = 0;
/** A distinct client address per login, so that the rate limit of one test never meets another's. */
export const freshAddress = () => `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

export function forEachApi(title: string, body: (api: Api) => void, options: Partial<AppOptions> = {}): void {
  forEachDatabase(title, (database, dialect, url) => {
    let app: ReturnType<typeof createApp> | undefined;
    const units = new Map<UnitKey, string>();
    const sessions = new Map<Username, Client>();

    const api: Api = {
      app: () => app!,
      database,
      dialect,
      url,
      anonymous: () => new Client(api, null, null),
      async login(username, address = freshAddress()) {
        const res = await app!.request('/api/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
        const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
        const answer = (await res.json()) as { csrfToken: string; user: unknown };
        return new Client(api, cookie, answer.csrfToken, answer.user);
      },
      async as(username) {
        if (!sessions.has(username)) sessions.set(username, await api.login(username));
        return sessions.get(username)!;
      },
      unitId: (unit) => units.get(unit)!,
      async evaluation(unit, status, document = seedEvaluations()[unit === 'office' ? 0 : 2]!) {
        const repos = repositories(database().db);
        const id = crypto.randomUUID();
        const at = new Date().toISOString();
        const template = templateRegistry().get(document.template)!;
        await repos.evaluations.insert({ id, unitId: units.get(unit)!, status, columns: columnsOf(document, template), document, at });
        return id;
      },
    };

    before(async () => {
      const templates = templateRegistry();
      await loadDemo(database().db, { password: PASSWORD, templates, passwordHash: await demoPasswordHash() });
      const list = await repositories(database().db).units.tree();
      const office = seedEvaluations()[0]!.project.budgetUnit;
      for (const unit of list) units.set(unit.name === office ? 'office' : 'center', unit.id);
      app = createApp({ database: database(), templates, trustProxy: true, ...options });
    });

    body(api);
  });
}
