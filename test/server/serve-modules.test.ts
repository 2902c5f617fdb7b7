/**
 * `jixiao serve` starts without the writers of its files (issue 18: server RSS ≤ 300 MB): pdfkit, fontkit, echarts
 * and exceljs cost ≈ 30 MB of a process that mostly saves forms, and are loaded at the first PDF, workbook or report
 * asked for. Every module the process loads is recorded by a loader hook (the compiled build or the sources, as
 * bin/jixiao.js chooses); then a PDF and a workbook are asked for, which load them.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures.ts';

const PASSWORD = 'serve-modules-test';
/** Packages that only the file writers need. */
const WRITERS = /\/node_modules\/(echarts|zrender|pdfkit|fontkit|svg-to-pdfkit|exceljs)\//u;

test('jixiao serve loads no PDF, chart or workbook writer at its start, and loads them for the first export', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-serve-modules-'));
  const loads = join(dir, 'loads.txt');
  const hooks = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(${JSON.stringify(loads)}, url + '\\n'); return next(url, context); }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, `${ROOT}bin/jixiao.js`, 'serve', '--demo', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: join(dir, 'db.sqlite'), JIXIAO_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /listening on (http:\/\/localhost:\d+)\//u.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${output}`)); });
    });
    const atStart = readFileSync(loads, 'utf8').split('\n').filter(Boolean);
    assert.ok(atStart.some((url) => url.includes('/node_modules/hono/')), 'the hook saw the server start');
    assert.deepEqual(atStart.filter((url) => WRITERS.test(url)), []);

    // The writers are there when asked for: a published form's PDF and workbook (anonymous, like any reader of the public list).
    const list = (await (await fetch(`${base}/api/public/evaluations`)).json()) as { items: Array<{ id: string }> };
    const id = list.items[0]!.id;
    const pdf = await fetch(`${base}/api/public/evaluations/${id}/export.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
    const afterExport = readFileSync(loads, 'utf8');
    assert.match(afterExport, /\/node_modules\/pdfkit\//u);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
