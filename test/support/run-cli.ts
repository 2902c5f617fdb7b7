/** Runs the real `jixiao` executable in a child process, as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { ROOT } from './fixtures.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [`${ROOT}bin/jixiao.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As runCli, without blocking the test's event loop (sockets of a server the test talks to stay served meanwhile). */
export function runCliAsync(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/jixiao.js`, ...args], {
      cwd: options.cwd ?? ROOT,
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end(options.input ?? '');
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
