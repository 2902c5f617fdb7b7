/**
 * What `jixiao serve` prints, through logins (good and bad), the rate limit, CSRF refusals, bad
 * bodies, saves, imports and logouts, holds no secret: no password, no session token, no CSRF
 * token, no password hash and no session id (the token's hash) appears in its stdout or stderr.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { ROOT } from '../support/fixtures.ts';
import { HttpSession, startServe, type ServeProcess } from './support/serve-process.ts';

const PASSWORD = 'Demo-Passw0rd-3f9c1e7a';
const WRONG = 'Wrong-Guess-7d2b9a41';
const dir = mkdtempSync(join(tmpdir(), 'jixiao-logs-'));
const file = join(dir, 'jixiao.sqlite');
let server: ServeProcess | undefined;
after(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const login = (base: string, username: string, password: string, extra: Record<string, string> = {}) =>
  fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify({ username, password }) });

test('no password, token, hash or session id in what the server prints', { timeout: 120_000 }, async () => {
  server = await startServe({ DATABASE_URL: file, JIXIAO_DEMO_PASSWORD: PASSWORD });
  const { base } = server;
  const secrets = new Set<string>([PASSWORD, WRONG]);
  let requests = 0;

  const sessions: HttpSession[] = [];
  for (const username of ['preparer', 'approver', 'reviewer', 'admin']) {
    const session = await HttpSession.login(base, username, PASSWORD);
    sessions.push(session);
    secrets.add(session.cookie.split('=')[1]!).add(session.csrfToken);
    requests++;
  }
  const [preparer, approver] = sessions as [HttpSession, HttpSession];
  // Failed logins up to the rate limit and past it, with the wrong password and a password as the username.
  // Each under another username: the address's limit is the one to reach (a username's failures slow it down for minutes).
  for (let i = 0; i < 12; i++) { await login(base, `reviewer${i}`, `${WRONG}${i}`); secrets.add(`${WRONG}${i}`); requests++; }
  await login(base, PASSWORD, PASSWORD); requests++;
  // Malformed and wrongly typed logins, a login carrying an old session cookie.
  await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":"admin","password":"${PASSWORD}"` }); requests++;
  await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: [PASSWORD] }) }); requests++;
  await login(base, 'preparer2', PASSWORD, { cookie: preparer.cookie }); requests++;

  const list = await preparer.send('GET', '/api/evaluations');
  const draft = list.body.items.find((s: any) => s.status === 'draft');
  const detail = await preparer.send('GET', `/api/evaluations/${draft.id}`);
  const saved = await preparer.send('PUT', `/api/evaluations/${draft.id}`, { version: detail.body.version, evaluation: { ...detail.body.evaluation, problems: 'logged?' } });
  assert.equal(saved.status, 200);
  // CSRF refused: no token, another session's token.
  await preparer.send('PUT', `/api/evaluations/${draft.id}`, { version: 1, evaluation: detail.body.evaluation }, { 'x-csrf-token': '' });
  await preparer.send('PUT', `/api/evaluations/${draft.id}`, { version: 1, evaluation: detail.body.evaluation }, { 'x-csrf-token': approver.csrfToken });
  await approver.send('POST', `/api/evaluations/${draft.id}/transitions`, { action: 'submit', version: saved.body.version });
  await preparer.send('PUT', `/api/evaluations/${draft.id}`, { version: 'x', evaluation: null });
  await preparer.send('GET', '/api/evaluations/not-an-id');
  await preparer.upload('/api/import', readFileSync(`${ROOT}test/fixtures/bad/encrypted.pdf`), 'secret.pdf');
  await preparer.upload('/api/import', Buffer.from(`password: ${PASSWORD}\n`), 'note.txt');
  for (const s of sessions) await s.send('POST', '/api/logout');
  requests += 10 + sessions.length;

  await server.stop();
  // What the database keeps of the secrets: the password hashes and the session ids (hashes of the tokens).
  const db = new SqliteDatabase(file, { readonly: true });
  for (const { password_hash } of db.prepare('select password_hash from users').all() as Array<{ password_hash: string }>) {
    secrets.add(password_hash);
    for (const part of password_hash.split('$').filter((p) => p.length >= 16)) secrets.add(part);
  }
  for (const { id } of db.prepare('select id from sessions').all() as Array<{ id: string }>) secrets.add(id);
  db.close();

  const output = server.output();
  // The log is written off the event loop: every request's line is there all the same (pino flushes at exit), the logouts' last.
  const logouts = output.split('\n').filter((line) => line.includes('"msg":"request"') && line.includes('"path":"/api/logout"'));
  assert.equal(logouts.length, sessions.length, 'each request has its line in the log');
  assert.match(output, /password from \$JIXIAO_DEMO_PASSWORD/u, 'the given password is not echoed');
  for (const secret of secrets) assert.ok(!output.includes(secret), `a secret (${secret.slice(0, 4)}…) appears in the output:\n${output}`);
  process.stdout.write(`# no secrets in logs: ${requests} requests, ${secrets.size} secrets looked for in ${output.length} characters of output, none found\n`);
});
