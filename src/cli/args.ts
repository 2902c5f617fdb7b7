/** Argument parsing on node:util parseArgs, with mistakes reported as input errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../core/locale/messages.ts';
import { CliInputError } from './cli-error.ts';

export function parseCommandArgs(argv: string[], usage: string, options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliInputError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

export function requireOne(positionals: string[], name: string, usage: string): string {
  if (positionals.length !== 1) throw new CliInputError(`expected one ${name}, got ${positionals.length}\nusage: ${usage}`);
  return positionals[0]!;
}

export function langOption(value: unknown): Lang {
  if (value === undefined) return 'zh';
  if (value === 'zh' || value === 'en') return value;
  throw new CliInputError(`--lang must be zh or en, not "${String(value)}"`);
}
