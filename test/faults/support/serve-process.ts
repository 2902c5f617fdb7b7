/**
 * `jixiao serve` as a child process for the fault tests: its pid (to kill it or read its memory),
 * its address, everything it printed, and a small HTTP client that logs in like the web UI
 * (session cookie + X-CSRF-Token).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT, seedEvaluations } from '../../support/fixtures.ts';

export interface ServeProcess {
  child: ChildProcess;
  base: string;
  output(): string;
  /** Resident memory of the server process, in MiB (Linux /proc). */
  rssMb(): number;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), SIGKILL after 5 s. */
  stop(): Promise<void>;
}

/**
 * `jixiao serve --demo` by default (the demo loaded into an empty database); `demo: false` serves the database as it is.
 * `workers` > 1: `--workers N`, in a process group of its own so that `kill()` kills the workers with the first process
 * (killed alone, the first process would let its workers end cleanly).
 */
export function startServe(env: Record<string, string>, options: { demo?: boolean; workers?: number } = {}): Promise<ServeProcess> {
  const workers = options.workers ?? 1;
  const args = ['serve', ...(options.demo === false ? [] : ['--demo']), '--port', '0', '--host', '127.0.0.1', ...(workers > 1 ? ['--workers', String(workers)] : [])];
  const child = spawn(process.execPath, [`${ROOT}bin/jixiao.js`, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: workers > 1,
  });
  let output = '';
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (!gone()) {
      if (workers > 1) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    }
    await exited;
  };
  const stop = async () => {
    if (gone()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/u.exec(status)![1]) / 1024;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void kill(); reject(new Error(`jixiao serve printed no address within 30 s:\n${output}`)); }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/localhost:\d+)\//u.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!.replace('localhost', '127.0.0.1'), output: () => output, rssMb, kill, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`serve exited (${code ?? signal}):\n${output}`)); });
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** A logged-in user of a served app. */
export class HttpSession {
  private constructor(readonly base: string, readonly cookie: string, readonly csrfToken: string) {}

  static async login(base: string, username: string, password: string): Promise<HttpSession> {
    const res = await fetch(`${base}/api/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return new HttpSession(base, cookie, ((await res.json()) as { csrfToken: string }).csrfToken);
  }

  /** A multipart upload of one file in the field `file` (as the import page sends it). */
  async upload(path: string, bytes: Uint8Array, name: string): Promise<Reply> {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(bytes)], name));
    const res = await fetch(`${this.base}${path}`, { method: 'POST', headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken }, body: form });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : await res.text() };
  }
}

/** `count` new drafts of the seed form (each its own project name, `label` and its number), created through `session`. */
export async function createDrafts(session: HttpSession, count: number, label: string): Promise<Array<{ id: string; problems: string }>> {
  const drafts = [];
  for (let i = 0; i < count; i++) {
    const evaluation = seedEvaluations()[0]!;
    evaluation.project.name = `${evaluation.project.name}（${label} ${i}）`;
    const created = await session.send('POST', '/api/evaluations', { evaluation });
    if (created.status !== 201) throw new Error(`create ${label} ${i}: ${created.status} ${JSON.stringify(created.body)}`);
    drafts.push({ id: created.body.id as string, problems: evaluation.problems ?? '' });
  }
  return drafts;
}
