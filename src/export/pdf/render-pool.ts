/**
 * Rendering forms' pages on worker threads. A worker lays out a batch of forms, checks their
 * characters, draws and compresses their pages (render-pages.ts) and sends them back; the main
 * thread puts the pages into the document in order as the batches come in. The output is the
 * same as on one thread: page contents do not depend on the document (embedded-font.ts).
 *
 * The pool starts on first use (each worker loads the sources and parses the font, a few
 * hundred milliseconds) and stays, unreferenced, for later exports; an idle pool does not keep
 * the process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';
import type { Lang } from './form-words.ts';
import type { MissingCharacter } from './missing-characters.ts';
import type { RenderedForms } from './render-pages.ts';

export interface RenderJob {
  forms: { evaluation: Evaluation; template: number }[];
  templates: Template[];
  lang: Lang;
  /** The index of the job's first form among all the forms exported, for reports. */
  firstIndex: number;
}

export type RenderResult = { rendered: RenderedForms } | { missing: MissingCharacter[] } | { error: string };

// Compiled (npm run build:server), the worker is the JavaScript beside this module. From the
// sources, workers load the TypeScript through tsx, however the main thread was started (and
// from wherever: the eval'd bootstrap resolves bare names from the working directory).
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_MODULE = new URL(COMPILED ? './render-worker.js' : './render-worker.ts', import.meta.url).href;
const BOOTSTRAP = COMPILED
  ? `import(${JSON.stringify(WORKER_MODULE)});`
  : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_MODULE)}); });`;

/** The pool could not run a job: a worker failed to start or died. The export can go on without it. */
export class PoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoolError';
  }
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
}

class RenderPool {
  private readonly workers: PoolWorker[];
  private readonly waiting: { job: RenderJob; resolve: (r: RenderResult) => void; reject: (e: unknown) => void }[] = [];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => this.start());
  }

  private start(): PoolWorker {
    const worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [] });
    worker.unref();
    // A worker that dies (it could not start, ran out of memory, crashed) ends the pool: its
    // job and the waiting ones fail with a PoolError, and the next export starts a new pool.
    worker.once('exit', (code) => this.fail(new PoolError(`PDF export worker stopped (exit code ${code})`)));
    worker.on('error', () => {});
    return { worker, busy: false };
  }

  private failed: PoolError | undefined;

  private fail(error: PoolError): void {
    if (this.failed) return;
    this.failed = error;
    if (pool === this) pool = undefined;
    for (const task of this.waiting.splice(0)) task.reject(error);
    for (const w of this.workers) void w.worker.terminate();
  }

  get size(): number {
    return this.workers.length;
  }

  run(job: RenderJob): Promise<RenderResult> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.waiting.push({ job, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    const free = this.workers.find((w) => !w.busy);
    const task = free && this.waiting.shift();
    if (!free || !task) return;
    free.busy = true;
    free.worker.ref();
    const done = () => {
      free.worker.off('message', onMessage);
      free.worker.off('error', onError);
      free.worker.off('exit', onExit);
      free.busy = false;
      free.worker.unref();
      this.next();
    };
    const onMessage = (result: RenderResult) => {
      done();
      task.resolve(result);
    };
    const onError = (error: unknown) => {
      done();
      task.reject(new PoolError(`PDF export worker failed: ${error instanceof Error ? error.message : String(error)}`));
    };
    const onExit = (code: number) => onError(new Error(`exit code ${code}`));
    free.worker.on('message', onMessage);
    free.worker.on('error', onError);
    free.worker.once('exit', onExit);
    free.worker.postMessage(task.job);
  }
}

let pool: RenderPool | undefined;

/** How many worker threads an export may use: one per core, at most four; none on one core. */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

export function renderPool(threads: number): RenderPool {
  if (!pool || pool.size !== threads) pool = new RenderPool(threads);
  return pool;
}

/** Whether a pool is running (then even a modest batch is worth sending to it). */
export function poolReady(threads: number): boolean {
  return pool !== undefined && pool.size === threads;
}
