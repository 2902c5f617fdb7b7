import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../api/client.ts';
import { ImportQueue, type QueuedFile, type ReadOptions } from './import-queue.ts';

/** A read that the test answers by hand: resolve or refuse each file when it chooses (and sees what the read was given). */
function server() {
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: unknown) => void; options: ReadOptions }>();
  const sent: string[] = [];
  return {
    sent,
    pending,
    read: (file: { name: string }, options: ReadOptions) =>
      new Promise<string>((resolve, reject) => {
        sent.push(file.name);
        pending.set(file.name, { resolve, reject, options });
      }),
  };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));
const states = (files: QueuedFile<string>[]) => files.map((f) => `${f.name}:${f.status.state}`);

test('several files chosen at once are sent two at a time, the others wait their turn', async () => {
  const s = server();
  let seen: QueuedFile<string>[] = [];
  const queue = new ImportQueue<{ name: string }, string>({ read: s.read, onChange: (f) => (seen = f), failure: String });
  for (const name of ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']) queue.add({ name });
  await tick();
  assert.deepEqual(s.sent, ['a.pdf', 'b.pdf']);
  assert.deepEqual(states(seen), ['a.pdf:reading', 'b.pdf:reading', 'c.pdf:waiting', 'd.pdf:waiting']);
  s.pending.get('b.pdf')!.resolve('B');
  await tick();
  assert.deepEqual(s.sent, ['a.pdf', 'b.pdf', 'c.pdf']);
  s.pending.get('a.pdf')!.reject(new ApiError(415, 'UNSUPPORTED_FILE', 'not a form', null, null));
  await tick();
  assert.deepEqual(s.sent, ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
  assert.deepEqual(states(seen), ['a.pdf:failed', 'b.pdf:read', 'c.pdf:reading', 'd.pdf:reading']);
  assert.deepEqual(seen[0]!.status, { state: 'failed', message: 'Error: not a form' });
});

test('a busy answer is not a failure: the file waits the Retry-After, says until when, and is sent again', async () => {
  const s = server();
  let seen: QueuedFile<string>[] = [];
  const queue = new ImportQueue<{ name: string }, string>({ read: s.read, onChange: (f) => (seen = f), failure: String, now: () => 1_000_000 });
  queue.add({ name: 'a.pdf' });
  await tick();
  // The read waits out the busy server itself (the client's middleware, by this policy), and tells the queue.
  const { retry } = s.pending.get('a.pdf')!.options;
  assert.equal(retry.attempts, 30, 'a file is sent up to 30 times');
  assert.equal(retry.maxTotalSeconds, 600, 'and waits 10 minutes at most');
  retry.onWait!(5, 2);
  assert.deepEqual(seen[0]!.status, { state: 'queued', until: 1_005_000, attempt: 2 });
  retry.onResend!(2);
  assert.deepEqual(states(seen), ['a.pdf:reading']);
  s.pending.get('a.pdf')!.resolve('A');
  await tick();
  assert.deepEqual(seen[0]!.status, { state: 'read', preview: 'A' });
});

test('a page left sends nothing more, and the read in flight is told to stop waiting', async () => {
  const s = server();
  const queue = new ImportQueue<{ name: string }, string>({ read: s.read, onChange: () => {}, failure: String, concurrency: 1 });
  queue.add({ name: 'a.pdf' });
  queue.add({ name: 'b.pdf' });
  const { signal } = s.pending.get('a.pdf')!.options;
  assert.equal(signal.aborted, false);
  queue.stop();
  assert.equal(signal.aborted, true);
  s.pending.get('a.pdf')!.resolve('A');
  await tick();
  assert.deepEqual(s.sent, ['a.pdf']);
});
