import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './errors.ts';
import { DEFAULT_RETRY, nextWait, retryAfterOf, retryAfterSeconds, sleep } from './retry.ts';

const busy = (status: number, seconds: number | null) => new ApiError(status, status === 429 ? 'TOO_MANY_IMPORTS' : 'BUSY', 'later', null, seconds);

test('429 and 503 with Retry-After are "later"; other failures are not', () => {
  assert.equal(retryAfterOf(busy(429, 5)), 5);
  assert.equal(retryAfterOf(busy(503, 10)), 10);
  assert.equal(retryAfterOf(busy(503, null)), null);
  assert.equal(retryAfterOf(new ApiError(415, 'UNSUPPORTED_FILE', 'no', null, null)), null);
  assert.equal(retryAfterOf(new TypeError('fetch failed')), null);
});

test('Retry-After is read as seconds or as an HTTP date; anything else is no wait named', () => {
  const now = Date.parse('2022-03-01T00:00:00Z');
  assert.equal(retryAfterSeconds('5', now), 5);
  assert.equal(retryAfterSeconds(' 120 ', now), 120);
  assert.equal(retryAfterSeconds('Tue, 01 Mar 2022 00:00:07 GMT', now), 7);
  assert.equal(retryAfterSeconds('Mon, 28 Feb 2022 23:00:00 GMT', now), 0, 'a date past is now');
  assert.equal(retryAfterSeconds(null, now), null);
  assert.equal(retryAfterSeconds('', now), null);
  assert.equal(retryAfterSeconds('soon', now), null);
  assert.equal(retryAfterSeconds('-3', now), null);
});

test('the policy: a bounded number of calls, a bounded total wait', () => {
  const policy = { attempts: 3, maxTotalSeconds: 12 };
  assert.equal(nextWait(policy, 1, 0, 5), 5, 'after the first call');
  assert.equal(nextWait(policy, 2, 5, 5), 5, 'after the second');
  assert.equal(nextWait(policy, 3, 10, 1), null, 'three calls in all');
  assert.equal(nextWait(policy, 2, 5, 8), null, '5 + 8 s would pass the 12 s');
  assert.equal(nextWait(policy, 1, 0, null), null, 'no Retry-After: not "later"');
  assert.equal(nextWait({ attempts: 1, maxTotalSeconds: 60 }, 1, 0, 1), null, 'one attempt: never again');
  assert.deepEqual(DEFAULT_RETRY, { attempts: 4, maxTotalSeconds: 30 });
});

test('a wait ends early, refused, when its signal aborts', async () => {
  const controller = new AbortController();
  const waiting = sleep(60_000, controller.signal);
  controller.abort(new Error('left the page'));
  await assert.rejects(waiting, /left the page/u);
  await sleep(1, null);
});
