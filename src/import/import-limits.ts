/** Bounds on one file's import, so that no input can hang or exhaust the machine. */
export interface ImportLimits {
  /** Larger files are refused before they are read. */
  maxBytes: number;
  /** Wall-clock time for reading one file. */
  timeoutMs: number;
  /** Heap of the worker that reads the files. */
  maxHeapMb: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = { maxBytes: 50 * 1024 * 1024, timeoutMs: 60_000, maxHeapMb: 1024 };
