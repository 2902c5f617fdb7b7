/** PostgreSQL: a saved document is compressed with lz4 where the server has it (2026-12-10-document-compression). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { repositories } from '../repositories.ts';
import { forEachDatabase } from '../test-databases.testing.ts';

const AT = '2026-12-04T00:00:00.000Z';

forEachDatabase('document compression', (database, dialect) => {
  test('PostgreSQL with lz4: a document saved after the migration is stored lz4-compressed', { skip: dialect !== 'postgres' }, async () => {
    const db = database().db;
    const { rows: [server] } = await sql<{ lz4: boolean }>`
      select bool_or('lz4' = any(enumvals)) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
    const { rows: [column] } = await sql<{ method: string }>`
      select attcompression as method from pg_attribute where attrelid = 'evaluations'::regclass and attname = 'document'`.execute(db);
    assert.equal(column?.method, server?.lz4 ? 'l' : '', 'lz4 where the server has it, the default otherwise');
    if (!server?.lz4) return;
    const repos = repositories(db);
    await repos.units.create({ id: 'cu', name: '压缩单位' }, AT);
    // Large enough to be compressed (TOAST works on values over about 2 KB), and compressible.
    const document = { schema: 'jixiao/evaluation@1', template: 'shanghai-2021', year: 2021, project: { name: '压缩' }, annualGoal: '年度目标'.repeat(800), indicators: [] };
    await repos.evaluations.insert({ id: 'c1', unitId: 'cu', status: 'draft', document: document as never, at: AT, columns: { year: 2021, project: '压缩', template: 'shanghai-2021', score: 90, grade: 'A', executionRate: null, budgetFen: null, executedFen: null } });
    const { rows: [stored] } = await sql<{ method: string }>`select pg_column_compression(document) as method from evaluations where id = 'c1'`.execute(db);
    assert.equal(stored?.method, 'lz4');
    assert.equal((await repos.evaluations.get('c1'))?.document.annualGoal, document.annualGoal, 'read back whole');
  });
});
