/**
 * The environment, read in this one place and checked (zod): a bad value stops the start with the
 * variable's name and what it must be, instead of surfacing later. Nothing else reads process.env:
 * the command line reads the configuration and hands the server what it needs.
 */
import { z } from 'zod';
import type { EvidenceStoreSettings } from './storage/evidence-store/open-evidence-store.ts';

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
  // issue 14 (evidence files): where their contents go and their limits (evidenceConfig below).
  /** `database` (default), `directory` or `s3`; unset: `directory` when JIXIAO_EVIDENCE_DIR is set, `s3` when JIXIAO_EVIDENCE_S3_BUCKET is. */
  JIXIAO_EVIDENCE_STORE: z.enum(['database', 'directory', 's3']).optional(),
  JIXIAO_EVIDENCE_DIR: z.string().optional(),
  JIXIAO_EVIDENCE_S3_ENDPOINT: z.url().optional(),
  JIXIAO_EVIDENCE_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,62}$/u, { message: 'expected an S3 bucket name' }).optional(),
  JIXIAO_EVIDENCE_S3_REGION: z.string().optional(),
  JIXIAO_EVIDENCE_S3_ACCESS_KEY_ID: z.string().optional(),
  JIXIAO_EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().optional(),
  JIXIAO_EVIDENCE_S3_PREFIX: z.string().regex(/^([a-z0-9-]+\/)*$/u, { message: 'expected lower-case words ending in /, such as "jixiao/"' }).optional(),
  /** The largest evidence file, in MiB (default 20). */
  JIXIAO_EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(1024).optional(),
  /** The most evidence files one form may have (default 100). */
  JIXIAO_EVIDENCE_MAX_FILES: z.coerce.number().int().min(1).max(10_000).optional(),
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

/** Evidence files: the store of their contents and the limits (docs: README, "Evidence files"). */
export interface EvidenceConfig {
  store: EvidenceStoreSettings;
  maxBytes: number;
  maxFiles: number;
}

export const EVIDENCE_DEFAULTS = { maxMb: 20, maxFiles: 100 };

export function evidenceConfig(config: Config): EvidenceConfig {
  const kind = config.JIXIAO_EVIDENCE_STORE ?? (config.JIXIAO_EVIDENCE_DIR ? 'directory' : config.JIXIAO_EVIDENCE_S3_BUCKET ? 's3' : 'database');
  const limits = { maxBytes: (config.JIXIAO_EVIDENCE_MAX_MB ?? EVIDENCE_DEFAULTS.maxMb) * 1048576, maxFiles: config.JIXIAO_EVIDENCE_MAX_FILES ?? EVIDENCE_DEFAULTS.maxFiles };
  const needed = (name: keyof Config): string => {
    const value = config[name];
    if (typeof value !== 'string' || value === '') throw new ConfigError(`environment variable ${name}: required with JIXIAO_EVIDENCE_STORE=${kind}`);
    return value;
  };
  if (kind === 'database') return { store: { kind }, ...limits };
  if (kind === 'directory') return { store: { kind, directory: needed('JIXIAO_EVIDENCE_DIR') }, ...limits };
  return {
    store: {
      kind,
      endpoint: needed('JIXIAO_EVIDENCE_S3_ENDPOINT'),
      bucket: needed('JIXIAO_EVIDENCE_S3_BUCKET'),
      region: config.JIXIAO_EVIDENCE_S3_REGION ?? 'us-east-1',
      accessKeyId: needed('JIXIAO_EVIDENCE_S3_ACCESS_KEY_ID'),
      secretAccessKey: needed('JIXIAO_EVIDENCE_S3_SECRET_ACCESS_KEY'),
      prefix: config.JIXIAO_EVIDENCE_S3_PREFIX ?? '',
    },
    ...limits,
  };
}
