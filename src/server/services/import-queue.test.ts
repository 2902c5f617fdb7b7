import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api-error.ts';
import { FairQueue } from './import-queue.ts';

/** Work that finishes when told to, recording the order it started in. */
function controllable() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const work = (task: string) => new Promise<string>((resolve) => {
    started.push(task);
    finish.set(task, () => resolve(task));
  });
  return { started, finish: (task: string) => finish.get(task)!(), work };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('users are served in turn, each one file at a time: another user\'s file takes the next free slot', async () => {
  const { started, finish, work } = controllable();
  const queue = new FairQueue(work, { slots: 2, perUser: 1, waitingPerUser: 8, waiting: 32 });
  const results = ['a1', 'a2', 'a3', 'a4'].map((t) => queue.submit('A', t));
  await tick();
  assert.deepEqual(started, ['a1'], 'one of A\'s at a time, though two slots are free');
  const b = queue.submit('B', 'b1');
  await tick();
  assert.deepEqual(started, ['a1', 'b1'], 'B does not wait behind A\'s queue');
  const c = queue.submit('C', 'c1');
  finish('a1');
  await tick();
  assert.deepEqual(started, ['a1', 'b1', 'c1'], 'C, who has waited, before A\'s second');
  finish('b1');
  await tick();
  assert.deepEqual(started.slice(3), ['a2']);
  finish('c1');
  finish('a2');
  await tick();
  finish('a3');
  await tick();
  finish('a4');
  assert.deepEqual(await Promise.all([...results, b, c]), ['a1', 'a2', 'a3', 'a4', 'b1', 'c1']);
});

test('bounded: too many of one user\'s files waiting is 429, too many in all is 503, both with Retry-After', async () => {
  const { work } = controllable();
  const queue = new FairQueue(work, { slots: 1, perUser: 1, waitingPerUser: 2, waiting: 3 });
  void queue.submit('A', 'running');
  await tick();
  void queue.submit('A', 'a1');
  void queue.submit('A', 'a2');
  assert.throws(() => queue.submit('A', 'a3'), (e: ApiError) => e.status === 429 && e.code === 'TOO_MANY_IMPORTS' && e.options.headers?.['Retry-After'] === '5');
  void queue.submit('B', 'b1');
  assert.throws(() => queue.submit('C', 'c1'), (e: ApiError) => e.status === 503 && e.code === 'BUSY' && e.options.headers?.['Retry-After'] === '10');
});
