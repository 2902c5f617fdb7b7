/**
 * Reading files in a pool of worker threads (piscina), each with a heap limit, each file with a
 * deadline: a hostile or broken file (a zip bomb, a PDF that loops) costs one worker — terminated
 * and replaced — never the process, the other files or the other users. Several files are read at
 * once, one a thread; threads that stay idle end, so an idle process holds none.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { explain } from '../core/explanation.ts';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import type { FileImport } from './import-result.ts';
import type { ReadTask } from './pool-task.ts';

export type { ReadTask } from './pool-task.ts';

/** One thread a core, at most four (each may use its heap limit: a gigabyte). */
export const READER_THREADS = Math.max(1, Math.min(availableParallelism(), 4));
const IDLE_MS = 30_000;

export interface ReaderPool {
  threads: number;
  read(task: ReadTask): Promise<FileImport>;
  close(): Promise<void>;
}

/** The worker's module: the compiled task in a build, else the sources' entry (which loads tsx first). */
const ENTRY = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? './pool-task.js' : './pool-worker.mjs', import.meta.url));

export function createReaderPool(limits: Readonly<ImportLimits> = IMPORT_LIMITS, threads = READER_THREADS): ReaderPool {
  const start = () => {
    const pool = new Piscina({
      filename: ENTRY,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    // A worker that fails outside a task — while starting, as one whose heap cannot even load the
    // readers — is reported here, not to a task: the pool then starts no more workers. Its waiting
    // tasks fail with the error, and the next file gets a new pool.
    pool.on('error', (error: Error) => {
      if (current === pool) current = start();
      for (const abort of waiting.get(pool) ?? []) abort(error);
      waiting.delete(pool);
      void pool.destroy().catch(() => undefined);
    });
    return pool;
  };
  const waiting = new Map<Piscina, Set<(error: Error) => void>>();
  let current = start();
  return {
    threads,
    read: (task) => readOne(current, task, limits, waiting),
    close: () => current.destroy(),
  };
}

async function readOne(pool: Piscina, task: ReadTask, limits: Readonly<ImportLimits>, waiting: Map<Piscina, Set<(error: Error) => void>>): Promise<FileImport> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  let poolError: Error | undefined;
  const abortOnPoolError = (error: Error) => {
    poolError = error;
    deadline.abort();
  };
  const pending = waiting.get(pool) ?? new Set();
  waiting.set(pool, pending.add(abortOnPoolError));
  const failed = (key: string, params: Record<string, string | number> = {}): FileImport => ({
    file: task.file, forms: [], diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: task.file, message: explain(key, params) }],
  });
  try {
    return (await pool.run({ ...task, timeoutMs: limits.timeoutMs }, { signal: deadline.signal })) as FileImport;
  } catch (error) {
    const e = (poolError ?? error) as Error & { code?: string };
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return failed('import.outOfMemory', { mb: limits.maxHeapMb });
    // An aborted task's worker is terminated by the pool, which starts another when needed.
    if (poolError === undefined && deadline.signal.aborted) return failed('import.timeout', { seconds: limits.timeoutMs / 1000 });
    return failed('import.crashed', { reason: e.message });
  } finally {
    clearTimeout(timer);
    pending.delete(abortOnPoolError);
  }
}

/** The pool of the command line's imports (one a process, made on first use, ended when the batch is done). */
let shared: ReaderPool | undefined;

export function sharedReaderPool(limits: Readonly<ImportLimits> = IMPORT_LIMITS): ReaderPool {
  return (shared ??= createReaderPool(limits));
}

export async function closeSharedReaderPool(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
