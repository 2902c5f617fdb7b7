/** Importing a file through the worker, and the same bytes in this thread, give the same forms and findings. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importBytes, importFile } from './import-file.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

test('importBytes gives what importFile gives: forms, reader diagnostics and the checks’ findings', async () => {
  for (const file of ['test/fixtures/seed/000_876b01381dae6b1b.txt', 'test/fixtures/pdf/national-2023-example.xlsx']) {
    const path = `${ROOT}${file}`;
    const inThread = await importBytes({ file: path, bytes: new Uint8Array(readFileSync(path)) });
    const viaWorker = await importFile(path);
    assert.deepEqual(inThread, viaWorker, file);
    assert.ok(inThread.forms.length > 0, file);
  }
  // The seed's checks warn of a deduction without a remark: the findings are there, not only the reader's.
  const seed = await importBytes({ file: 'seed.txt', bytes: new Uint8Array(readFileSync(`${ROOT}test/fixtures/seed/000_876b01381dae6b1b.txt`)) });
  assert.ok(seed.diagnostics.some((d) => d.code === 'DEDUCTION_UNEXPLAINED' && d.path === 'evaluations[0].indicators[8].score'));
});
