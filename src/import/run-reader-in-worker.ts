/**
 * Reading files in a worker thread with a heap limit and a deadline: a hostile or broken file
 * (a zip bomb, a PDF that loops) costs one worker, never the process or the rest of a batch.
 * One worker serves the files of a batch in turn (starting one costs about a second); it is
 * replaced after a failure, and does not keep the process alive when idle.
 */
import { Worker } from 'node:worker_threads';
import { explain } from '../core/explanation.ts';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import type { FileImport, ReaderInput } from './import-result.ts';

type Limits = Readonly<ImportLimits>;

interface Reader {
  worker: Worker;
  limits: Limits;
}

let current: Reader | null = null;
let queue: Promise<unknown> = Promise.resolve();

function reader(limits: Limits): Reader {
  if (current && current.limits === limits) return current;
  if (current) void current.worker.terminate();
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
  });
  worker.unref();
  current = { worker, limits };
  return current;
}

function retire(r: Reader): void {
  if (current === r) current = null;
  void r.worker.terminate();
}

/** Files are read one at a time, in the order asked. */
export function runReaderInWorker(input: ReaderInput, limits: Limits = IMPORT_LIMITS): Promise<FileImport> {
  const next = queue.then(() => readOne(input, limits));
  queue = next.catch(() => undefined);
  return next;
}

function readOne(input: ReaderInput, limits: Limits): Promise<FileImport> {
  const r = reader(limits);
  return new Promise((resolve) => {
    const fail = (key: string, params: Record<string, string | number> = {}) => {
      done();
      retire(r);
      resolve({ file: input.file, forms: [], diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: input.file, message: explain(key, params) }] });
    };
    const onMessage = (result: FileImport) => {
      done();
      resolve(result);
    };
    const onError = (error: Error & { code?: string }) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? fail('import.outOfMemory', { mb: limits.maxHeapMb }) : fail('import.crashed', { reason: error.message });
    const onExit = (code: number) => fail('import.crashed', { reason: `exit ${code}` });
    const timer = setTimeout(() => fail('import.timeout', { seconds: limits.timeoutMs / 1000 }), limits.timeoutMs);
    function done() {
      clearTimeout(timer);
      r.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      r.worker.unref();
    }
    r.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    r.worker.ref();
    r.worker.postMessage(input);
  });
}
