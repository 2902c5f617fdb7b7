/** The bounds on one file's import: a file over its time is stopped, and the next file still reads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '../../src/core/locale/messages.ts';
import { importFile } from '../../src/import/import-file.ts';
import { IMPORT_LIMITS } from '../../src/import/import-limits.ts';
import { ROOT } from '../support/fixtures.ts';

const PDF = `${ROOT}test/fixtures/pdf/seed-2021-putuo.pdf`;

test('a file that takes longer than its time is stopped; the worker is replaced for the next', async () => {
  const hurried = { ...IMPORT_LIMITS, timeoutMs: 5 };
  const stopped = await importFile(PDF, { limits: hurried });
  assert.deepEqual(stopped.forms, []);
  assert.equal(render(stopped.diagnostics[0]!.message, 'en'), 'Reading took over 0.005 s and was stopped');
  const next = await importFile(PDF);
  assert.equal(next.forms.length, 3);
});

test('a file larger than the limit is refused before it is read', async () => {
  const small = { ...IMPORT_LIMITS, maxBytes: 1024 };
  const refused = await importFile(PDF, { limits: small });
  assert.match(render(refused.diagnostics[0]!.message, 'en'), /The file is 0 MB, over the limit of .* MB; not read/);
  assert.deepEqual(refused.forms, []);
});

test('a reader that runs out of memory stops its worker, not the process', async () => {
  const starved = { ...IMPORT_LIMITS, maxHeapMb: 8 };
  const result = await importFile(PDF, { limits: starved });
  assert.deepEqual(result.forms, []);
  assert.match(render(result.diagnostics[0]!.message, 'en'), /more than 8 MB of memory|Reading failed/);
  assert.equal((await importFile(PDF)).forms.length, 3);
});
