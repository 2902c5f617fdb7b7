/**
 * The autosave's states on a fake clock and a fake server: what the user sees (saved, dirty, saving,
 * retrying, offline, error, conflict), what is sent and when, and that what was typed is never
 * dropped or replaced.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../api/errors.ts';
import { Autosave, isTransient, retryDelay, type AutosaveStatus, type Timers } from './autosave.ts';

/** A clock the test moves by hand. */
function fakeClock(): Timers & { advance: (ms: number) => Promise<void>; pending: () => number } {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const settle = async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    now: () => now,
    set: (run, ms) => {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clear: (handle) => void timers.delete(handle as number),
    pending: () => timers.size,
    advance: async (ms) => {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

type Reply = { version: number } | ApiError | Error;

/** A server the test answers: each PUT waits for the next reply queued (or answers at once if one is queued). */
function fakeServer() {
  const sent: { document: string; version: number }[] = [];
  const replies: Reply[] = [];
  const waiting: ((reply: Reply) => void)[] = [];
  let version = 1;
  return {
    sent,
    reply(reply: Reply) {
      const w = waiting.shift();
      if (w) w(reply);
      else replies.push(reply);
    },
    ok() {
      this.reply({ version: ++version });
    },
    put: (document: string, base: number) =>
      new Promise<{ version: number }>((resolve, reject) => {
        sent.push({ document, version: base });
        const answer = (reply: Reply) => (reply instanceof Error ? reject(reply) : resolve(reply));
        const queued = replies.shift();
        if (queued) answer(queued);
        else waiting.push(answer);
      }),
  };
}

const unavailable = (retryAfter: number | null = 5) => new ApiError(503, 'DATABASE_UNAVAILABLE', 'the database does not answer', null, retryAfter);

function setUp(options: { online?: () => boolean } = {}) {
  const clock = fakeClock();
  const server = fakeServer();
  const seen: AutosaveStatus<string>[] = [];
  const saver = new Autosave<string>({ put: server.put, document: 'loaded', version: 1, onStatus: (s) => seen.push(s), timers: clock, ...options });
  const states = () => seen.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
  return { clock, server, saver, seen, states };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('an edit is saved after the typing pauses, with the version it is based on; edits meanwhile wait for the pause', async () => {
  const { clock, server, saver, states } = setUp();
  saver.edit('a');
  await clock.advance(1000);
  saver.edit('ab');
  await clock.advance(1000);
  assert.equal(server.sent.length, 0, 'still typing');
  await clock.advance(200);
  assert.deepEqual(server.sent, [{ document: 'ab', version: 1 }]);
  assert.equal(saver.current.state, 'saving');
  server.ok();
  await settle();
  assert.deepEqual(states(), ['dirty', 'saving', 'saved']);
  assert.equal(saver.baseVersion, 2);
  assert.equal(saver.pending, false);
});

test('typed while a save is under way: that is saved next, on the new version', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('a');
  await clock.advance(1200);
  saver.edit('ab');
  server.ok();
  await settle();
  assert.equal(saver.current.state, 'dirty', 'the server has "a", not "ab"');
  await clock.advance(1200);
  assert.deepEqual(server.sent, [{ document: 'a', version: 1 }, { document: 'ab', version: 2 }]);
  server.ok();
  await settle();
  assert.equal(saver.current.state, 'saved');
});

test('a 503 is retried after its Retry-After, growing waits after that; the state says so until it is saved, and what was typed meanwhile goes with the retry', async () => {
  const { clock, server, saver, states } = setUp();
  saver.edit('a');
  await clock.advance(1200);
  server.reply(unavailable(5));
  await settle();
  assert.equal(saver.current.state, 'retrying');
  assert.equal(saver.current.retryAt, 1200 + 5000, 'the server named 5 s: more than the first backoff');
  assert.equal(saver.current.error?.code, 'DATABASE_UNAVAILABLE');
  saver.edit('ab');
  assert.equal(saver.current.state, 'retrying', 'an edit does not hide the failure');
  await clock.advance(4999);
  assert.equal(server.sent.length, 1, 'the edit did not hurry the retry');
  await clock.advance(1);
  assert.deepEqual(server.sent.at(-1), { document: 'ab', version: 1 });
  assert.equal(saver.current.state, 'retrying', 'a retry under way keeps saying so');
  server.reply(unavailable(null));
  await settle();
  assert.equal(saver.current.failures, 2);
  assert.equal(saver.current.retryAt, 6200 + 2000, 'no Retry-After: the backoff, doubled');
  await clock.advance(2000);
  server.ok();
  await settle();
  assert.deepEqual(states(), ['dirty', 'saving', 'retrying', 'saved']);
  assert.deepEqual(saver.current, { state: 'saved', error: null, conflict: null, failures: 0, retryAt: null });
  assert.deepEqual(server.sent.map((s) => s.document), ['a', 'ab', 'ab']);
});

test('offline: the state says so, and the network coming back sends at once', async () => {
  let online = true;
  const { clock, server, saver, states } = setUp({ online: () => online });
  saver.edit('a');
  online = false;
  await clock.advance(1200);
  server.reply(new TypeError('Failed to fetch'));
  await settle();
  assert.equal(saver.current.state, 'offline');
  assert.equal(saver.current.error?.status, 0);
  saver.edit('ab');
  online = true;
  saver.online();
  await settle();
  assert.deepEqual(server.sent.at(-1), { document: 'ab', version: 1 });
  server.ok();
  await settle();
  assert.deepEqual(states(), ['dirty', 'saving', 'offline', 'saved']);
  assert.equal(clock.pending(), 0, 'the planned retry was dropped');
});

test('the browser going offline during a planned retry says offline', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('a');
  await clock.advance(1200);
  server.reply(unavailable(5));
  await settle();
  saver.offline();
  assert.equal(saver.current.state, 'offline');
});

test('the waits grow to a bound and never end: the autosave keeps trying', async () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n, null, 1000, 30_000)), [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  assert.equal(retryDelay(1, 5, 1000, 30_000), 5000, 'the server’s Retry-After when longer');
  assert.equal(retryDelay(6, 5, 1000, 30_000), 30_000);
  const { clock, server, saver } = setUp();
  saver.edit('a');
  await clock.advance(1200);
  for (let i = 0; i < 12; i++) {
    server.reply(new ApiError(502, 'HTTP_502', 'Bad Gateway', null, null));
    await settle();
    await clock.advance(30_000);
  }
  assert.equal(server.sent.length, 13);
  assert.equal(saver.current.state, 'retrying');
  server.ok();
  await settle();
  assert.equal(saver.current.state, 'saved');
});

test('which failures pass by themselves', () => {
  const e = (status: number) => new ApiError(status, 'X', 'x', null, null);
  assert.deepEqual([0, 408, 429, 500, 502, 503, 504].map((s) => isTransient(e(s))), [true, true, true, true, true, true, true]);
  assert.deepEqual([400, 401, 403, 404, 409, 413, 422].map((s) => isTransient(e(s))), [false, false, false, false, false, false, false]);
});

test('a refusal (400, 403) is shown, not retried; the next edit tries again', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('a');
  await clock.advance(1200);
  server.reply(new ApiError(403, 'FORBIDDEN', 'not editable', null, null));
  await settle();
  assert.equal(saver.current.state, 'error');
  assert.equal(saver.current.error?.code, 'FORBIDDEN');
  await clock.advance(60_000);
  assert.equal(server.sent.length, 1, 'not retried');
  assert.equal(saver.pending, true, 'what was typed is still to be saved');
  saver.edit('ab');
  assert.equal(saver.current.state, 'dirty');
  await clock.advance(1200);
  assert.deepEqual(server.sent.at(-1), { document: 'ab', version: 1 });
});

test('a 409 shows the conflict; nothing is retried or replaced until the user chooses', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('mine');
  await clock.advance(1200);
  server.reply(new ApiError(409, 'VERSION_CONFLICT', 'conflict', { error: { code: 'VERSION_CONFLICT', message: 'conflict' }, version: 5, evaluation: 'theirs' }, null));
  await settle();
  assert.equal(saver.current.state, 'conflict');
  assert.deepEqual(saver.current.conflict, { version: 5, evaluation: 'theirs' });
  saver.edit('mine, more');
  await clock.advance(60_000);
  assert.equal(server.sent.length, 1, 'nothing sent while the user has not chosen');
  assert.equal(saver.current.state, 'conflict');
  assert.equal(saver.reset('server', 5), false, 'a reload does not replace what was typed');

  saver.keepMine();
  assert.deepEqual(server.sent.at(-1), { document: 'mine, more', version: 5 }, 'mine, over their version');
  server.ok();
  await settle();
  assert.equal(saver.current.state, 'saved');
  assert.equal(saver.current.conflict, null);
});

test('take theirs after a conflict: theirs is what the editor shows, on their version', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('mine');
  await clock.advance(1200);
  server.reply(new ApiError(409, 'VERSION_CONFLICT', 'conflict', { error: { code: 'VERSION_CONFLICT', message: 'conflict' }, version: 5, evaluation: 'theirs' }, null));
  await settle();
  assert.equal(saver.takeTheirs(), 'theirs');
  assert.equal(saver.current.state, 'saved');
  assert.equal(saver.baseVersion, 5);
  saver.edit('theirs, edited');
  await clock.advance(1200);
  assert.deepEqual(server.sent.at(-1), { document: 'theirs, edited', version: 5 });
});

test('flush saves at once and resolves once the server has it; a failure rejects, and the retries go on', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('a');
  const flushed = saver.flush();
  await settle();
  assert.equal(server.sent.length, 1, 'no pause waited');
  server.ok();
  await flushed;
  assert.equal(saver.current.state, 'saved');

  saver.edit('b');
  const failing = saver.flush();
  await settle();
  server.reply(unavailable(5));
  await assert.rejects(failing, (e: unknown) => e instanceof ApiError && e.status === 503);
  assert.equal(saver.current.state, 'retrying');
  await clock.advance(5000);
  assert.equal(server.sent.length, 3, 'retried after the failed flush');
  server.ok();
  await settle();
  assert.equal(saver.current.state, 'saved');
});

test('a reload from the server is taken only when nothing typed is pending', async () => {
  const { clock, server, saver } = setUp();
  assert.equal(saver.reset('server v3', 3), true);
  assert.equal(saver.baseVersion, 3);
  saver.edit('typed');
  assert.equal(saver.reset('server v4', 4), false);
  await clock.advance(1200);
  assert.deepEqual(server.sent.at(-1), { document: 'typed', version: 3 });
});

test('leaving the editor sends what is not saved once more, and plans nothing after', async () => {
  const { clock, server, saver } = setUp();
  saver.edit('a');
  saver.stop();
  await settle();
  assert.deepEqual(server.sent, [{ document: 'a', version: 1 }]);
  server.reply(unavailable(5));
  await settle();
  assert.equal(clock.pending(), 0, 'no retry planned after leaving');
});

test('opened in conflict (a copy typed on an older version): nothing sent until the user chooses; keep mine saves it over the server’s version', async () => {
  const clock = fakeClock();
  const server = fakeServer();
  const saver = new Autosave<string>({ put: server.put, document: 'copy', version: 5, conflict: { version: 5, evaluation: 'server' }, onStatus: () => {}, timers: clock });
  assert.equal(saver.current.state, 'conflict');
  assert.deepEqual(saver.current.conflict, { version: 5, evaluation: 'server' });
  assert.equal(saver.pending, true);
  assert.equal(saver.document, 'copy');
  assert.equal(saver.reset('server', 5), false, 'the opening’s reload does not replace the copy');
  await clock.advance(60_000);
  assert.equal(server.sent.length, 0);
  saver.keepMine();
  assert.deepEqual(server.sent, [{ document: 'copy', version: 5 }]);
  server.ok();
  await settle();
  assert.equal(saver.current.state, 'saved');
});

test('opened in conflict, take theirs: the server’s form, nothing sent', async () => {
  const clock = fakeClock();
  const server = fakeServer();
  const saver = new Autosave<string>({ put: server.put, document: 'copy', version: 5, conflict: { version: 5, evaluation: 'server' }, onStatus: () => {}, timers: clock });
  assert.equal(saver.takeTheirs(), 'server');
  assert.equal(saver.current.state, 'saved');
  assert.equal(saver.pending, false);
  saver.stop();
  await clock.advance(60_000);
  assert.equal(server.sent.length, 0);
});
