/**
 * Legacy and OpenDocument files (.xls, WPS .et, .ods, .doc, .odt) converted by LibreOffice
 * (`soffice --headless --convert-to`) into what the readers read (.xlsx, .docx). Each conversion
 * runs in a private temporary directory with its own LibreOffice profile (two conversions sharing
 * a profile block or fail each other), under a deadline after which soffice is killed, at most
 * CONVERSIONS at once in a thread (the reader pool bounds the threads). Nothing is left behind.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type ConvertTarget = 'xlsx' | 'docx';

/** What to install when soffice is missing: Calc converts workbooks, Writer documents. */
export const CONVERTER_PACKAGE: Record<ConvertTarget, string> = { xlsx: 'libreoffice-calc', docx: 'libreoffice-writer' };

export const CONVERT_TIMEOUT_MS = 60_000;
const CONVERSIONS = 2;

/** The soffice to run: `$JIXIAO_SOFFICE` if set (and nothing else then), else `soffice` or `libreoffice` on PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const executable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env.JIXIAO_SOFFICE !== undefined && env.JIXIAO_SOFFICE !== '') return executable(env.JIXIAO_SOFFICE) ? env.JIXIAO_SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export type Conversion =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'missing'; package: string }
  | { ok: false; reason: 'timeout'; seconds: number }
  | { ok: false; reason: 'failed'; detail: string };

export interface ConvertOptions {
  /** The file's own extension (xls, et, ods, doc, odt): LibreOffice picks its import filter by it too. */
  extension: string;
  target: ConvertTarget;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export async function convertWithSoffice(bytes: Uint8Array, options: ConvertOptions): Promise<Conversion> {
  return (await convertManyWithSoffice([bytes], options))[0]!;
}

/**
 * Several files of one extension in one soffice run: its start costs seconds (≈ 5 on two cores),
 * each further file a tenth of one. Each file has its own answer; one LibreOffice cannot convert
 * fails alone. A run past its deadline is killed and all its files time out (the one it was
 * writing may be cut short, so none written by a killed run is trusted).
 */
export async function convertManyWithSoffice(files: readonly Uint8Array[], options: ConvertOptions): Promise<Conversion[]> {
  const soffice = findSoffice(options.env);
  if (!soffice) return files.map(() => ({ ok: false, reason: 'missing', package: CONVERTER_PACKAGE[options.target] }));
  await slot();
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-soffice-'));
  try {
    const inputs = files.map((_, i) => join(dir, `form-${i}.${options.extension}`));
    const out = join(dir, 'out');
    await mkdir(out);
    await Promise.all(files.map((bytes, i) => writeFile(inputs[i]!, bytes)));
    const timeoutMs = options.timeoutMs ?? CONVERT_TIMEOUT_MS;
    const run = await runSoffice(soffice, [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless', '--norestore', '--nolockcheck', '--convert-to', options.target, '--outdir', out, ...inputs,
    ], timeoutMs, options.env);
    if (run === 'timeout') return files.map(() => ({ ok: false, reason: 'timeout', seconds: timeoutMs / 1000 }));
    return await Promise.all(files.map(async (_, i): Promise<Conversion> => {
      try {
        return { ok: true, bytes: new Uint8Array(await readFile(join(out, `form-${i}.${options.target}`))) };
      } catch {
        return { ok: false, reason: 'failed', detail: run.trim().split('\n').slice(-2).join(' ').slice(0, 300) || 'no output' };
      }
    }));
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    release();
  }
}

/** soffice's output (stdout and stderr), or `timeout` once it was killed — with what it started — at the deadline. */
function runSoffice(soffice: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv | undefined): Promise<string | 'timeout'> {
  return new Promise((resolve) => {
    // Its own process group: soffice starts soffice.bin, which a kill of the first alone would leave running.
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < 8192) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`could not start ${soffice}: ${error.message}`);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(timedOut ? 'timeout' : output);
    });
  });
}

let running = 0;
const queued: Array<() => void> = [];

async function slot(): Promise<void> {
  if (running < CONVERSIONS) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => queued.push(resolve));
}

function release(): void {
  const next = queued.shift();
  if (next) next();
  else running--;
}
