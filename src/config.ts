/**
 * The environment, read in this one place and checked (zod): a bad value stops the start with the
 * variable's name and what it must be, instead of surfacing later. Nothing else reads process.env:
 * the command line reads the configuration and hands the server what it needs.
 */
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false', '']).transform((v) => v === '1' || v === 'true');
const minutes = z.coerce.number().int().min(1).max(24 * 60);

const ENVIRONMENT = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A SQLite file path or a postgres:// URL (default ./data/jixiao.sqlite). */
  DATABASE_URL: z.string().optional(),
  /** Behind a load balancer: client address and scheme from X-Forwarded-For / X-Forwarded-Proto. */
  JIXIAO_TRUST_PROXY: flag.default(false),
  /** A session unused this many minutes ends. */
  JIXIAO_SESSION_IDLE_MINUTES: minutes.default(30),
  /** The demo users' password (`serve --demo`); generated and printed once when unset. */
  JIXIAO_DEMO_PASSWORD: z.string().optional(),
  /** The request log's level (one JSON line per request on stdout at `info`). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ENVIRONMENT>;

/** A variable with a bad value: the message names it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable is as good as an unset one (PORT= in a shell or a unit file).
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ENVIRONMENT.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(`environment variable ${String(issue.path[0])}: ${issue.message} (given "${given[String(issue.path[0])]}")`);
}
