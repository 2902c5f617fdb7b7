/**
 * What the end-to-end tests stand on: the UI built when stale, `jixiao serve` on a free port with
 * a fresh database and the demo, stopped for sure afterwards.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../../', import.meta.url).pathname;

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** dist/web is stale when missing or older than the sources the bundle is made of (src/web and the core it imports). */
function uiIsStale(): boolean {
  const index = join(ROOT, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [join(ROOT, 'src/web'), join(ROOT, 'src/core')].some((dir) => newest(dir) > built);
}

export async function ensureUiBuilt(): Promise<void> {
  if (!uiIsStale()) return;
  await new Promise<void>((resolve, reject) => {
    execFile('npm', ['run', 'build:web'], { cwd: ROOT, timeout: 180_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`npm run build:web failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

export interface ServedApp {
  base: string;
  output(): string;
  stop(): Promise<void>;
}

/** `jixiao serve --port 0`: the system picks a free port and the server prints it. */
/** `serveArgs`: more options of `jixiao serve` (`--templates FILE`); `serveEnv`: more of its environment. */
export function serveApp(databaseUrl: string, password: string, serveArgs: readonly string[] = [], serveEnv: Record<string, string> = {}): Promise<ServedApp> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/jixiao.js'), 'serve', '--demo', '--port', '0', '--host', '127.0.0.1', ...serveArgs], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, JIXIAO_DEMO_PASSWORD: password, PORT: '', ...serveEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jixiao serve printed no address within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on http:\/\/localhost:(\d+)\//u.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ base: `http://127.0.0.1:${m[1]}`, output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jixiao serve exited with ${code}:\n${output}`));
    });
  });
}
