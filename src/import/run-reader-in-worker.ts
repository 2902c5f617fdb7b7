/**
 * Reading a file in a worker thread with a heap limit and a deadline: a hostile or broken file
 * (a zip bomb, a PDF that loops) costs one worker, never the process or the rest of a batch.
 */
import { Worker } from 'node:worker_threads';
import { explain } from '../core/explanation.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import type { FileImport, ReaderInput } from './import-result.ts';

export function runReaderInWorker(input: ReaderInput, limits = IMPORT_LIMITS): Promise<FileImport> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    const fail = (key: string, params: Record<string, string | number> = {}) =>
      resolve({ file: input.file, forms: [], diagnostics: [{ severity: 'error', code: 'READ_FAILED', file: input.file, message: explain(key, params) }] });
    const timer = setTimeout(() => {
      void worker.terminate();
      fail('import.timeout', { seconds: limits.timeoutMs / 1000 });
    }, limits.timeoutMs);
    worker.once('message', (result: FileImport) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') fail('import.outOfMemory', { mb: limits.maxHeapMb });
      else fail('import.crashed', { reason: error.message });
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) fail('import.crashed', { reason: `exit ${code}` });
    });
  });
}
