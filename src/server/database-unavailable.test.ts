import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from './database-unavailable.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test('connection failures of pg, pg-pool, the socket and SQLite count as the database being unavailable', () => {
  for (const error of [
    coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    coded('57P01', 'terminating connection due to administrator command'),
    coded('57P03', 'the database system is starting up'),
    coded('08006'),
    coded('SQLITE_BUSY', 'database is locked'),
    coded('SQLITE_IOERR_WRITE'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''),
    new Error('wrapped', { cause: coded('ECONNRESET') }),
  ]) {
    assert.equal(isDatabaseUnavailable(error), true, error.message);
  }
});

test('faults of the request or the code do not', () => {
  for (const error of [
    coded('23505', 'duplicate key value violates unique constraint'),
    coded('42P01', 'relation "x" does not exist'),
    coded('SQLITE_CONSTRAINT_UNIQUE'),
    new TypeError('Cannot read properties of undefined'),
    new Error('terminated connection string in a message'),
    'ECONNREFUSED',
    null,
  ]) {
    assert.equal(isDatabaseUnavailable(error), false, String(error));
  }
});
