/**
 * What the set-up commands (`users`, `units`, `projects`) share: the database of DATABASE_URL,
 * migrated; the services of the web application, so that a file and a page obey the same rules;
 * the command line's own user, in whose name they act (an admin that cannot log in, as the audit
 * log names it); and the services' refusals as one message per problem.
 */
import { readFile } from 'node:fs/promises';
import { format, render, type Lang } from '../core/locale/messages.ts';
import { templateRegistry } from '../core/templates/registry.ts';
import { readSetupList, type SetupRowOf, type SetupRows } from '../import/table/setup-rows.ts';
import { ApiError } from '../server/api-error.ts';
import { UNUSABLE_HASH } from '../server/passwords.ts';
import { createServices, type Services } from '../server/services.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import { openDatabase } from '../storage/open-database.ts';
import { repositories } from '../storage/repositories.ts';
import type { User } from '../storage/repositories/user-repository.ts';
import { CliInputError } from './cli-error.ts';
import { readConfig } from '../config.ts';

export const CLI_USERNAME = 'jixiao-cli';

export interface SetupContext {
  services: Services;
  /** The command line's user (role admin, disabled: it never logs in). */
  actor: User;
}

/** Runs `work` on the migrated database with the services and the command line's user; the database is closed after. */
export async function withSetup<T>(work: (context: SetupContext) => Promise<T>): Promise<T> {
  const database = openDatabase(readConfig().DATABASE_URL);
  try {
    await migrateToLatest(database.db);
    const services = createServices({ db: database.db, templates: templateRegistry(), now: () => new Date() });
    return await work({ services, actor: await commandLineUser(database.db) });
  } finally {
    await database.close();
  }
}

async function commandLineUser(db: Parameters<typeof repositories>[0]): Promise<User> {
  const repos = repositories(db);
  const found = await repos.users.findByUsername(CLI_USERNAME);
  if (found) return found.user;
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  await repos.users.create({ id, username: CLI_USERNAME, displayName: '命令行', role: 'admin', unitId: null, passwordHash: UNUSABLE_HASH }, at);
  await repos.users.setDisabled(id, at);
  return (await repos.users.findByUsername(CLI_USERNAME))!.user;
}

/** A set-up list read from FILE, or a CliInputError naming the file and why it cannot be read. */
export async function readListFile<L extends keyof SetupRowOf>(file: string, list: L, lang: Lang): Promise<SetupRows<SetupRowOf[L]>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliInputError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const read = await readSetupList(bytes, list);
  if (!read.ok) throw new CliInputError(`${file}: ${render(read.message, lang)}`);
  return read.read;
}

/** A service's refusal as lines: the reason, then each problem (`row 3, 上级单位代码 (parent): …`). */
export function refusalLines(error: ApiError, lang: Lang, prefix: string): string[] {
  const head = `${prefix}: ${format(`api.${error.code}`, error.options.params ?? {}, lang)}`;
  const issues = (error.options.issues ?? []).map((i) => `${prefix}: ${i.path}: ${typeof i.message === 'string' ? i.message : render(i.message, lang)}`);
  return [head, ...issues];
}

/** Runs a set-up step; a refusal of the services becomes exit 2 with its lines on stderr. */
export async function refusedAsExit2(run: () => Promise<number>, err: (text: string) => void, lang: Lang, prefix: string): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    for (const line of refusalLines(error, lang, prefix)) err(line);
    return 2;
  }
}
