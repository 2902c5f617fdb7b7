/**
 * What `npm test` does before the tests, at once rather than one after the other (each is one
 * process that mostly uses one core, and CI has two): type-check the server and the tests, type-check
 * the web app, bundle the web app (the end-to-end tests serve it), and compile the server to build/
 * (every `jixiao` the tests start — the command line, `jixiao serve` under the end-to-end tests —
 * then runs JavaScript instead of compiling TypeScript through tsx at each start). Each step's
 * output is printed whole when it ends; any failure fails the whole (exit 1) after all have ended.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const STEPS = [
  { name: 'typecheck (server, tests)', command: process.execPath, args: [tsc, '--noEmit'] },
  { name: 'typecheck (web)', command: process.execPath, args: [tsc, '--noEmit', '-p', 'src/web'] },
  { name: 'build:web', command: npm, args: ['run', '--silent', 'build:web'] },
  { name: 'build:server', command: npm, args: ['run', '--silent', 'build:server'] },
];

function run({ name, command, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const done = (code, error) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? 'ok' : 'FAILED'} ${name} (${seconds} s)\n${code === 0 ? '' : `${output}${error ?? ''}\n`}`);
      resolve(code === 0);
    };
    child.on('error', (error) => done(1, error.message));
    child.on('close', (code) => done(code));
  });
}

const results = await Promise.all(STEPS.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
