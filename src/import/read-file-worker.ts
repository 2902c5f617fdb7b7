/** Inside the worker: read each file posted, post its forms back. */
import { parentPort } from 'node:worker_threads';
import type { ReaderInput } from './import-result.ts';
import { readForms } from './read-forms.ts';

parentPort!.on('message', async (input: ReaderInput) => {
  parentPort!.postMessage(await readForms(input));
});
