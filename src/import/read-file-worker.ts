/** Inside the worker: read one file's forms and post them back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReaderInput } from './import-result.ts';
import { readForms } from './read-forms.ts';

const result = await readForms(workerData as ReaderInput);
parentPort!.postMessage(result);
