/** Bounds on one file's import, so that no input can hang or exhaust the machine. */
export const IMPORT_LIMITS = {
  /** Larger files are refused before they are read. */
  maxBytes: 50 * 1024 * 1024,
  /** Wall-clock time for reading one file. */
  timeoutMs: 60_000,
  /** Heap of the worker that reads one file. */
  maxHeapMb: 1024,
} as const;
