import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readConfig } from './config.ts';

test('defaults, and every bad value names its variable', () => {
  assert.deepEqual(readConfig({}), { PORT: 3000, JIXIAO_TRUST_PROXY: false, JIXIAO_SESSION_IDLE_MINUTES: 30, LOG_LEVEL: 'info' });
  assert.deepEqual(readConfig({ PORT: '', JIXIAO_TRUST_PROXY: '1', DATABASE_URL: 'postgres://h/db', LOG_LEVEL: 'warn' }), {
    PORT: 3000, JIXIAO_TRUST_PROXY: true, DATABASE_URL: 'postgres://h/db', JIXIAO_SESSION_IDLE_MINUTES: 30, LOG_LEVEL: 'warn',
  });
  for (const [name, value] of [['PORT', '80000'], ['PORT', 'http'], ['JIXIAO_TRUST_PROXY', 'yes'], ['JIXIAO_SESSION_IDLE_MINUTES', '0'], ['LOG_LEVEL', 'loud']]) {
    assert.throws(() => readConfig({ [name!]: value }), (error: Error) => error instanceof ConfigError && error.message.includes(`environment variable ${name}`) && error.message.includes(`"${value}"`));
  }
});
