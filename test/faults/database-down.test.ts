/**
 * PostgreSQL stopped in the middle of a run, on a private cluster of this test (initdb in a
 * temporary directory, its own port: the machine's server that other tests use is never touched).
 * While it is down every request answers 503 DATABASE_UNAVAILABLE with a clear message, quickly;
 * when it is back the same server process answers again, and no acknowledged save is lost.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { seedEvaluations } from '../support/fixtures.ts';
import { HttpSession, startServe, type ServeProcess } from './support/serve-process.ts';

const PASSWORD = 'database-down-test-password';

/** The newest installed PostgreSQL's programs, if this machine has them and we may run them as postgres. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root) || process.getuid?.() !== 0) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const BIN = postgresBin();
const SKIP = BIN ? false : 'initdb of PostgreSQL is not installed here (or not running as root): the database-down test is SKIPPED';
if (SKIP) process.stderr.write(`\n*** ${SKIP} ***\n\n`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let dir = '';
let port = 0;
let server: ServeProcess | undefined;
const asPostgres = (program: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(BIN!, program), ...args], { stdio: 'pipe', timeout: 60_000 });
const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', join(dir, 'data'), '-w', ...args]);
const startCluster = () => pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), 'start');

before(async () => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'jixiao-pg-down-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  port = await freePort();
  asPostgres('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  startCluster();
});

after(async () => {
  await server?.kill();
  if (dir) {
    try { pgCtl('-m', 'immediate', 'stop'); } catch { /* already stopped */ }
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Saved { version: number; problems: string }

test('PostgreSQL stopped mid-run: 503 DATABASE_UNAVAILABLE quickly; back by itself when the database returns; nothing acknowledged lost', { skip: SKIP, timeout: 180_000 }, async () => {
  server = await startServe({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`, JIXIAO_DEMO_PASSWORD: PASSWORD });
  const preparer = await HttpSession.login(server.base, 'preparer', PASSWORD);
  const created = await preparer.send('POST', '/api/evaluations', { evaluation: seedEvaluations()[0] });
  assert.equal(created.status, 201);
  const id = created.body.id as string;
  const counts = { outages: 0, sent: 0, refused503: 0, acknowledged: 0 };
  let saved: Saved = { version: 1, problems: seedEvaluations()[0]!.problems ?? '' };
  const attempts = new Map<number, string>();

  /** Saves until told to stop; the answers are either 200 (acknowledged) or 503, never anything else. */
  async function saveStream(until: { stop: boolean }, label: string) {
    let n = 0;
    while (!until.stop) {
      const current = await preparer.send('GET', `/api/evaluations/${id}`);
      counts.sent++;
      if (current.status === 503) { counts.refused503++; await new Promise((r) => setTimeout(r, 50)); continue; }
      assert.equal(current.status, 200, JSON.stringify(current.body));
      const problems = `${label} save ${n++}`;
      attempts.set(current.body.version + 1, problems);
      const answer = await preparer.send('PUT', `/api/evaluations/${id}`, { version: current.body.version, evaluation: { ...current.body.evaluation, problems } });
      counts.sent++;
      if (answer.status === 503) { counts.refused503++; continue; }
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      counts.acknowledged++;
      saved = { version: answer.body.version, problems };
    }
  }

  for (const mode of ['immediate', 'fast'] as const) {
    const until = { stop: false };
    const stream = saveStream(until, mode);
    let streamFailed = false; // a failed assertion in the stream ends the waits below at once
    stream.catch(() => { streamFailed = true; });
    await new Promise((r) => setTimeout(r, 400));
    pgCtl('-m', mode, 'stop');
    counts.outages++;

    // Down: every kind of request answers 503 with the message, within the pool's connect timeout.
    const started = Date.now();
    const answers: Response[] = await Promise.all([
      fetch(`${server.base}/api/health`),
      fetch(`${server.base}/api/evaluations/${id}`, { headers: { cookie: preparer.cookie } }),
      fetch(`${server.base}/api/evaluations?lang=en`, { headers: { cookie: preparer.cookie } }),
      fetch(`${server.base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ username: 'preparer', password: PASSWORD }) }),
      fetch(`${server.base}/api/public/evaluations`),
    ]).catch((e: unknown) => {
      // A request that gets no answer at all: say why, with what the server printed.
      throw new Error(`a request got no answer while the database was down (${String((e as { cause?: unknown }).cause ?? e)}); the server printed:\n${server?.output().slice(-4000)}`);
    });
    counts.sent += answers.length;
    assert.ok(Date.now() - started < 10_000, `answered in ${Date.now() - started} ms`);
    const bodies: any[] = await Promise.all(answers.map((r) => r.json()));
    answers.forEach((res, i) => {
      assert.equal(res.status, 503, `${res.url}: ${JSON.stringify(bodies[i])}`);
      assert.equal(bodies[i].error.code, 'DATABASE_UNAVAILABLE');
      assert.equal(res.headers.get('retry-after'), '5');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      counts.refused503++;
    });
    assert.equal(bodies[1].error.message, '数据库暂时无法连接，请稍后重试');
    assert.equal(bodies[2].error.message, 'The database cannot be reached just now; try again in a moment');
    assert.equal(bodies[3].error.message, 'The database cannot be reached just now; try again in a moment');
    await new Promise((r) => setTimeout(r, 500)); // the stream keeps trying (and getting 503) meanwhile

    startCluster();
    // Back by itself: the same process, no restart.
    const deadline = Date.now() + 20_000;
    let health = 0;
    while (Date.now() < deadline && (health = (await fetch(`${server.base}/api/health`)).status) !== 200) await new Promise((r) => setTimeout(r, 200));
    assert.equal(health, 200, 'health answers 200 again');
    const acknowledgedBefore = counts.acknowledged;
    while (!streamFailed && counts.acknowledged < acknowledgedBefore + 3) await new Promise((r) => setTimeout(r, 20));
    until.stop = true;
    await stream;
    assert.equal(server.child.exitCode, null, 'the server process never stopped');
  }

  const stored = await preparer.send('GET', `/api/evaluations/${id}`);
  assert.equal(stored.status, 200);
  assert.equal(stored.body.version, saved.version, 'the last acknowledged save is the stored version');
  assert.equal(stored.body.evaluation.problems, saved.problems);
  assert.doesNotMatch(server.output(), /at .*\.ts:\d+/u, 'no stack trace for an expected outage');
  process.stdout.write(`# database down: ${counts.outages} PostgreSQL stops (immediate, fast), ${counts.sent} requests sent, ` +
    `${counts.refused503} answered 503, ${counts.acknowledged} saves acknowledged, 0 lost; recovered without restarting the server\n`);
});
