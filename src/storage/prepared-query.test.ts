/**
 * Prepared queries (prepared-query.ts) on each real database: built and compiled once, run with new
 * parameters each time, on the connection or inside a transaction; a value that would not be a
 * parameter is refused at the first run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { PreparedQuery } from './prepared-query.ts';
import { forEachDatabase } from './test-databases.testing.ts';

forEachDatabase('prepared queries', (database, dialect) => {
  const code = () => `pq-${crypto.randomUUID().slice(0, 8)}`;
  let builds = 0;
  const insert = new PreparedQuery(['id', 'code', 'name', 'path', 'at'], (db, p) => {
    builds++;
    return db.insertInto('units').values({ id: p.id, code: p.code, name: p.name, parent_id: null, path: p.path, created_at: p.at });
  });
  const byCode = new PreparedQuery(['code'], (db, p) => db.selectFrom('units').select(['id', 'name', 'disabled_at']).where('code', '=', p.code).where('disabled_at', 'is', null));
  const rename = new PreparedQuery(['id', 'name'], (db, p) => db.updateTable('units').set({ name: p.name }).where('id', '=', p.id));
  const add = async (name: string) => {
    const unit = { id: crypto.randomUUID(), code: code(), name, at: new Date().toISOString() };
    await insert.execute(database().db, { ...unit, path: `/${unit.id}/` });
    return unit;
  };

  test('compiled once, run with each call\'s values', async () => {
    const a = await add('预编译甲');
    const b = await add('预编译乙');
    assert.equal(builds, 1, 'built at the first run only');
    assert.deepEqual((await byCode.execute(database().db, { code: a.code })).rows, [{ id: a.id, name: '预编译甲', disabled_at: null }]);
    assert.deepEqual((await byCode.execute(database().db, { code: b.code })).rows, [{ id: b.id, name: '预编译乙', disabled_at: null }]);
    assert.deepEqual((await byCode.execute(database().db, { code: 'no-such-code' })).rows, []);
    const renamed = await rename.execute(database().db, { id: a.id, name: '改名' });
    assert.equal(Number(renamed.numAffectedRows), 1);
    assert.equal((await byCode.execute(database().db, { code: a.code })).rows[0]?.name, '改名');
    assert.equal(Number((await rename.execute(database().db, { id: crypto.randomUUID(), name: 'x' })).numAffectedRows), 0);
  });

  test('inside a transaction: on its connection, rolled back with it', async () => {
    const a = await add('事务内');
    await assert.rejects(database().db.transaction().execute(async (trx) => {
      await rename.execute(trx, { id: a.id, name: '不会留下' });
      assert.equal((await byCode.execute(trx, { code: a.code })).rows[0]?.name, '不会留下', 'the transaction sees its own write');
      throw new Error('roll back');
    }), /roll back/u);
    assert.equal((await byCode.execute(database().db, { code: a.code })).rows[0]?.name, '事务内');
  });

  test('a constant value, or a parameter that is not used, is refused at the first run', async () => {
    const constant = new PreparedQuery(['id'], (db, p) => db.updateTable('units').set({ name: 'fixed' }).where('id', '=', p.id));
    await assert.rejects(constant.execute(database().db, { id: 'x' }), /parameter 1 is a constant \(fixed\)/u);
    const unused = new PreparedQuery(['id', 'name'], (db, p) => db.selectFrom('units').select('id').where('id', '=', p.id));
    await assert.rejects(unused.execute(database().db, { id: 'x', name: 'y' }), /name did not become parameters/u);
  });

  test('PostgreSQL: a prepared query is a named statement, parsed once per connection; other queries are not', { skip: dialect !== 'postgres' }, async () => {
    const a = await add('具名语句');
    const statements = await database().db.connection().execute(async (connection) => {
      await byCode.execute(connection, { code: a.code });
      const second = await byCode.execute(connection, { code: a.code });
      assert.equal(second.rows[0]?.name, '具名语句', 'the named statement runs with the new values');
      await sql`select ${a.code}::text as code`.execute(connection);
      return (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(connection)).rows;
    });
    const named = statements.filter((s) => s.statement.includes('"disabled_at" is null'));
    assert.equal(named.length, 1, 'prepared once on the connection');
    assert.match(named[0]!.name, /^jixiao_\d+$/u);
    assert.ok(!statements.some((s) => s.statement.includes('::text as code')), 'an ad hoc query stays unnamed');
  });
});

