/**
 * `jixiao serve` as people run it: the executable on a real port, on each database: migrate,
 * load the demo, log in over HTTP with the cookie, read, save, and stop on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, test } from 'node:test';
import { forEachDatabase } from '../../src/storage/test-databases.testing.ts';
import { ROOT } from '../support/fixtures.ts';

const PASSWORD = 'listening-server-test';

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [`${ROOT}bin/jixiao.js`, 'serve', '--demo', '--port', '0', '--host', '127.0.0.1'], {
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

    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    assert.equal(await exited, 0, 'a clean stop');
    server = undefined;

    // Started again on the same database: migrations are idempotent and the demo is not loaded twice.
    server = await startServer(url());
    assert.doesNotMatch(server.output(), /demo data loaded/u);
    const again = await fetch(`${server.url}api/public/evaluations`);
    assert.equal(again.status, 200);
    server.child.kill('SIGTERM');
  });
});
