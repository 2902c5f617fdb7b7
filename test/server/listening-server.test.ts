/**
 * `jixiao serve` as people run it: the executable on a real port, on each database: migrate,
 * load the demo, log in over HTTP with the cookie, read, save, and stop on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { forEachDatabase } from '../../src/storage/test-databases.testing.ts';
import { ROOT } from '../support/fixtures.ts';

const PASSWORD = 'listening-server-test';

function startServer(databaseUrl: string, more: string[] = []): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [`${ROOT}bin/jixiao.js`, 'serve', '--demo', '--port', '0', '--host', '127.0.0.1', ...more], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JIXIAO_DEMO_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/localhost:\d+\/)/u.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${output}`)); });
  });
}

/** One HTTP/1.1 request on an open connection, kept alive; the answer's status line. */
function askOn(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.readyState !== 'open') return reject(new Error(`the server had closed the connection before ${path} was asked`));
    let answer = '';
    const onData = (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      const end = answer.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/iu.exec(answer);
      if (end >= 0 && length && answer.length >= end + 4 + Number(length[1])) {
        socket.off('data', onData).off('close', onClose);
        resolve(answer.slice(0, answer.indexOf('\r\n')));
      }
    };
    const onClose = () => reject(new Error(`the server closed the connection before answering ${path}`));
    socket.on('data', onData).once('close', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
  });
}

forEachDatabase('jixiao serve on a real port', (_database, dialect, url) => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  after(() => { server?.child.kill('SIGKILL'); });

  test(`migrates, loads the demo, serves the API over HTTP (${dialect})`, { timeout: 60_000 }, async () => {
    server = await startServer(url());
    assert.match(server.output(), /demo data loaded; users preparer, preparer2, approver, approver2, department, reviewer, admin; password from \$JIXIAO_DEMO_PASSWORD/u);
    const base = server.url.replace(/\/$/u, '');

    const health = await fetch(`${base}/api/health`);
    assert.deepEqual(await health.json(), { status: 'ok', database: dialect });
    assert.match(health.headers.get('content-security-policy')!, /frame-ancestors 'none'/u);

    const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: PASSWORD }) });
    assert.equal(login.status, 200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const list = (await (await fetch(`${base}/api/evaluations`, { headers })).json()) as { items: Array<{ id: string; status: string; version: number }> };
    const draft = list.items.find((s) => s.status === 'draft')!;
    assert.ok(draft, 'the demo gives the office preparer a draft');
    const detail = (await (await fetch(`${base}/api/evaluations/${draft.id}`, { headers })).json()) as any;
    const saved = await fetch(`${base}/api/evaluations/${draft.id}`, {
      method: 'PUT', headers, body: JSON.stringify({ version: detail.version, evaluation: { ...detail.evaluation, problems: 'over HTTP' } }),
    });
    assert.deepEqual(await saved.json(), { version: detail.version + 1 });
    const refused = await fetch(`${base}/api/evaluations/${draft.id}`, { method: 'PUT', headers: { ...headers, 'x-csrf-token': 'forged' }, body: '{}' });
    assert.equal(refused.status, 403);

    // An idle connection stays open past Node's 5 s default (a balancer reuses it for up to 60 s)...
    const { port } = new URL(base);
    const kept = connect(Number(port), '127.0.0.1');
    await once(kept, 'connect');
    assert.equal(await askOn(kept, '/api/health'), 'HTTP/1.1 200 OK');
    await sleep(6_000);
    assert.equal(await askOn(kept, '/api/health'), 'HTTP/1.1 200 OK', 'answered on the same connection after 6 s idle');

    // ...and does not hold up a stop.
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    assert.equal(await exited, 0, 'a clean stop');
    kept.destroy();
    server = undefined;

    // Started again on the same database: migrations are idempotent and the demo is not loaded twice.
    server = await startServer(url());
    assert.doesNotMatch(server.output(), /demo data loaded/u);
    const again = await fetch(`${server.url}api/public/evaluations`);
    assert.equal(again.status, 200);
    server.child.kill('SIGTERM');
  });

  test(`--workers 2 (${dialect}): two processes serve and stop together (on SQLite they share the file's writer)`, { timeout: 90_000 }, async () => {
    const cluster = await startServer(url(), ['--workers', '2']);
    try {
      assert.match(cluster.output(), /\(2 workers\)/u);
      const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${cluster.url}api/health`).then((r) => r.status)));
      assert.deepEqual(answers, Array(8).fill(200));
      const exited = new Promise<number | null>((resolve) => cluster.child.once('exit', resolve));
      cluster.child.kill('SIGTERM');
      assert.equal(await exited, 0, 'the first process ends once its workers have');
    } finally {
      cluster.child.kill('SIGKILL');
    }
  });
});
