/**
 * src/web/api/schema.ts, the web client's types, is what scripts/generate-api-types.ts makes of the
 * server's OpenAPI document now: a route or schema changed without regenerating fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateApiTypes, SCHEMA_FILE } from '../../scripts/generate-api-types.ts';

test('src/web/api/schema.ts is generated from the server as it is', async () => {
  const generated = await generateApiTypes();
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  if (committed === generated) return;
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  assert.fail(
    `src/web/api/schema.ts is stale: run npm run generate:api\n` +
      `first difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
  );
});
