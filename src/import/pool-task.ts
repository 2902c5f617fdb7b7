/**
 * Inside a reader thread of the pool: one file read into its forms. The file is read from its path
 * here, in the worker, so that an upload spooled to disk never passes through the server's heap.
 */
import { readFile } from 'node:fs/promises';
import type { Template } from '../core/templates/template.ts';
import type { FileImport } from './import-result.ts';
import { readForms } from './read-forms.ts';

export interface ReadTask {
  /** The name the file is reported by. */
  file: string;
  /** Where its bytes are. */
  path: string;
  templateId?: string;
  /** Templates added as data (`--templates`), parsed: a worker knows only the built-in ones otherwise. */
  templates?: readonly Template[];
  /** The pool's deadline for the file (set by the pool): a LibreOffice conversion ends within it. */
  timeoutMs?: number;
}

export default async function readTask(task: ReadTask): Promise<FileImport> {
  const bytes = new Uint8Array(await readFile(task.path));
  return readForms({ file: task.file, bytes, ...(task.templateId ? { templateId: task.templateId } : {}) }, task.templates ?? [], task.timeoutMs === undefined ? {} : { timeoutMs: task.timeoutMs });
}
