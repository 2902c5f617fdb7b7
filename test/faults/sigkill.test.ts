/**
 * The server killed with SIGKILL in the middle of a stream of saves, several rounds: after each
 * restart every acknowledged save is there (the version at least the acknowledged one, and the
 * document of exactly that save when nothing later committed), the SQLite file passes
 * `PRAGMA integrity_check`, and the server serves again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { createDrafts, HttpSession, startServe, type ServeProcess } from './support/serve-process.ts';

const PASSWORD = 'sigkill-test-password';
const ROUNDS = 3;
const WRITERS = 4;

interface Written {
  id: string;
  /** The last save the server answered 2xx to. */
  acknowledged: { version: number; problems: string };
  /** What each attempted save sent, by the version it would make: a save may commit and lose its answer. */
  attempts: Map<number, string>;
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-sigkill-'));
const file = join(dir, 'jixiao.sqlite');
let server: ServeProcess | undefined;
after(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** JIXIAO_TEST_SERVE_WORKERS=2 runs the test against `jixiao serve --workers 2` (each SIGKILL kills every process). */
const WORKERS = Number(process.env.JIXIAO_TEST_SERVE_WORKERS ?? 1);
const start = () => startServe({ DATABASE_URL: file, JIXIAO_DEMO_PASSWORD: PASSWORD }, { workers: WORKERS });

function integrityCheck(): string {
  const db = new SqliteDatabase(file);
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    assert.deepEqual(db.pragma('foreign_key_check'), [], 'no dangling reference');
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Saves one evaluation again and again until the connection fails (the server is gone). */
async function writeUntilKilled(session: HttpSession, written: Written, writer: number, round: number, counts: { sent: number; acknowledged: number }) {
  const current = await session.send('GET', `/api/evaluations/${written.id}`);
  assert.equal(current.status, 200);
  let { version, evaluation } = current.body as { version: number; evaluation: any };
  for (let n = 0; ; n++) {
    const problems = `writer ${writer}, round ${round}, save ${n}`;
    written.attempts.set(version + 1, problems);
    let answer;
    try {
      counts.sent++;
      answer = await session.send('PUT', `/api/evaluations/${written.id}`, { version, evaluation: { ...evaluation, problems } });
    } catch {
      return; // killed: this save's answer never came
    }
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    counts.acknowledged++;
    version = answer.body.version;
    written.acknowledged = { version, problems };
  }
}

test('SIGKILL during a stream of saves loses no acknowledged save and leaves a sound database', { timeout: 240_000 }, async () => {
  server = await start();
  const preparer = await HttpSession.login(server.base, 'preparer', PASSWORD);
  const writes: Written[] = (await createDrafts(preparer, WRITERS, '写入')).map(({ id, problems }) => ({ id, acknowledged: { version: 1, problems }, attempts: new Map() }));

  const counts = { sent: 0, acknowledged: 0, lostButCommitted: 0 };
  const delays: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Each writer a session of its own, as several browsers would be.
    const sessions = await Promise.all(writes.map(() => HttpSession.login(server!.base, 'preparer', PASSWORD)));
    const before = counts.acknowledged;
    const streams = writes.map((w, i) => writeUntilKilled(sessions[i]!, w, i, round, counts));
    let streamFailed = false; // a failed assertion in a stream ends the wait below at once
    for (const stream of streams) stream.catch(() => { streamFailed = true; });
    // Killed at a random moment once the stream is flowing.
    while (!streamFailed && counts.acknowledged - before < 5) await new Promise((r) => setTimeout(r, 10));
    const delay = Math.floor(Math.random() * 700);
    delays.push(delay);
    await new Promise((r) => setTimeout(r, delay));
    await server.kill();
    await Promise.all(streams);

    assert.equal(integrityCheck(), 'ok', `round ${round}: integrity_check`);

    server = await start();
    const reader = await HttpSession.login(server.base, 'preparer', PASSWORD);
    for (const w of writes) {
      const stored = await reader.send('GET', `/api/evaluations/${w.id}`);
      assert.equal(stored.status, 200);
      const { version, evaluation } = stored.body as { version: number; evaluation: { problems: string } };
      assert.ok(version >= w.acknowledged.version, `round ${round}: version ${version} < acknowledged ${w.acknowledged.version}`);
      if (version === w.acknowledged.version) {
        assert.equal(evaluation.problems, w.acknowledged.problems, 'the acknowledged document');
      } else {
        // The save in flight at the kill committed but its answer was lost: allowed, and it is that save's document.
        assert.equal(version, w.acknowledged.version + 1, 'at most the one save in flight');
        assert.equal(evaluation.problems, w.attempts.get(version));
        counts.lostButCommitted++;
        w.acknowledged = { version, problems: evaluation.problems };
      }
    }
    assert.equal((await fetch(`${server.base}/api/health`)).status, 200, 'serves again');
  }
  await server.stop();
  assert.equal(integrityCheck(), 'ok');
  process.stdout.write(
    `# sigkill (${WORKERS > 1 ? `--workers ${WORKERS}` : 'one process'}): ${ROUNDS} SIGKILLs (after ${delays.join(', ')} ms), ${WRITERS} concurrent writers, ${counts.sent} saves sent, ` +
      `${counts.acknowledged} acknowledged, 0 lost; ${counts.lostButCommitted} unacknowledged saves found committed; integrity_check ok\n`,
  );
});
