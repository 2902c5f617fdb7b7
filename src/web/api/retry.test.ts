import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './client.ts';
import { retryAfterOf, whenFree } from './retry.ts';

const busy = (status: number, seconds: number | null) => new ApiError(status, status === 429 ? 'TOO_MANY_IMPORTS' : 'BUSY', 'later', null, seconds);

test('429 and 503 with Retry-After are "later"; other failures are not', () => {
  assert.equal(retryAfterOf(busy(429, 5)), 5);
  assert.equal(retryAfterOf(busy(503, 10)), 10);
  assert.equal(retryAfterOf(busy(503, null)), null);
  assert.equal(retryAfterOf(new ApiError(415, 'UNSUPPORTED_FILE', 'no', null, null)), null);
  assert.equal(retryAfterOf(new TypeError('fetch failed')), null);
});

test('a busy answer is asked again after its Retry-After, at most `attempts` calls in all', async () => {
  const slept: number[] = [];
  const waits: string[] = [];
  let calls = 0;
  const answer = await whenFree(
    async () => {
      calls += 1;
      if (calls < 3) throw busy(calls === 1 ? 429 : 503, calls === 1 ? 5 : 10);
      return 'read';
    },
    { attempts: 5, sleep: async (ms) => void slept.push(ms), onWait: (s, n) => waits.push(`${s}s before ${n}`) },
  );
  assert.equal(answer, 'read');
  assert.deepEqual(slept, [5000, 10000]);
  assert.deepEqual(waits, ['5s before 2', '10s before 3']);

  calls = 0;
  await assert.rejects(whenFree(async () => { calls += 1; throw busy(503, 1); }, { attempts: 2, sleep: async () => {} }), /later/u);
  assert.equal(calls, 2);
  calls = 0;
  await assert.rejects(whenFree(async () => { calls += 1; throw new ApiError(415, 'UNSUPPORTED_FILE', 'no', null, null); }, { attempts: 9, sleep: async () => {} }), /no/u);
  assert.equal(calls, 1, 'a refusal is not asked again');
});
