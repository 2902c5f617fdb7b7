/**
 * Hostile uploads against `jixiao serve` over real sockets, with the server's resident memory
 * watched: a declared 60 MB body refused with 413 before it is read, a chunked body that runs over
 * the limit cut off at it, the kind of a file taken from its bytes (not its name), and zip bombs,
 * an entity bomb, PDFs with JavaScript or 2000 pages refused with a clear message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BILLION_LAUGHS_WORKBOOK, bombEntry, makeZip } from '../../src/import/xlsx/testing/make-zip.ts';
import { ROOT } from '../support/fixtures.ts';
import { HttpSession, startServe, type ServeProcess } from './support/serve-process.ts';

const PASSWORD = 'hostile-uploads-password';
const MB = 1024 * 1024;
/**
 * How far above its resting size the server may grow while refusing any of these: it holds at most
 * 50 MB of a body by design (plus copies while it grows), and a refused archive is never inflated.
 * RSS does not shrink at once after a spike, so each case is held to the same ceiling.
 */
const RSS_HEADROOM_MB = 512;

const dir = mkdtempSync(join(tmpdir(), 'jixiao-uploads-'));
let server: ServeProcess;
let preparer: HttpSession;
let baselineMb = 0;
let peakMb = 0;
const ceilingMb = () => baselineMb + RSS_HEADROOM_MB;
const figures = { requests: 0, hostile: 0 };

before(async () => {
  server = await startServe({ DATABASE_URL: join(dir, 'jixiao.sqlite'), JIXIAO_DEMO_PASSWORD: PASSWORD });
  preparer = await HttpSession.login(server.base, 'preparer', PASSWORD);
  // Warm up the import worker, so that the baseline includes it.
  await preparer.upload('/api/import', readFileSync(`${ROOT}src/import/text/fixtures/national-2022-sports.txt`), 'warm.txt');
  baselineMb = server.rssMb();
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`# hostile uploads: ${figures.hostile} hostile uploads in ${figures.requests} requests; server RSS ${baselineMb.toFixed(0)} MB at rest, peak ${peakMb.toFixed(0)} MB (ceiling ${ceilingMb().toFixed(0)} MB)\n`);
});

/** Runs `work` while sampling the server's memory every 20 ms; returns its result and the peak. */
async function watchingMemory<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = server.rssMb();
  const timer = setInterval(() => { try { peak = Math.max(peak, server.rssMb()); } catch { /* exited */ } }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, server.rssMb());
    return { result, peak };
  } finally {
    clearInterval(timer);
    peakMb = Math.max(peakMb, peak);
  }
}

/** One raw HTTP/1.1 request; `sendBody` writes what it wants until the answer's head arrives. */
function rawRequest(path: string, head: Record<string, string>, sendBody: (write: (b: Buffer | string) => Promise<boolean>, answered: () => boolean) => Promise<void>) {
  const { port, hostname } = new URL(server.base);
  return new Promise<{ status: number; text: string; ms: number; sent: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    const answered = () => /\r\n\r\n/u.test(answer);
    const finish = () => {
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/u.exec(answer)?.[1] ?? 0);
      resolve({ status, text: answer, ms: Date.now() - started, sent });
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      // The whole JSON body of an error is small; wait for its closing brace.
      if (answered() && answer.trimEnd().endsWith('}')) finish();
    });
    socket.on('error', (e) => (answer ? finish() : reject(e)));
    socket.on('close', () => (answer ? finish() : reject(new Error('closed without an answer'))));
    const write = (b: Buffer | string) =>
      new Promise<boolean>((done) => {
        if (socket.destroyed) return done(false);
        sent += b.length;
        if (socket.write(b)) done(true);
        else socket.once('drain', () => done(true));
      });
    socket.on('connect', async () => {
      const lines = Object.entries({ Host: `${hostname}:${port}`, Cookie: preparer.cookie, 'X-CSRF-Token': preparer.csrfToken, ...head }).map(([k, v]) => `${k}: ${v}`);
      await write(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      await sendBody(write, answered).catch(() => undefined);
    });
  });
}

test('a declared 60 MB upload is refused with 413 at once, before any of it is read', async () => {
  const { result, peak } = await watchingMemory(() =>
    rawRequest('/api/import', { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(60 * MB) }, async (write) => { await write('--x\r\n'); }),
  );
  figures.requests++; figures.hostile++;
  assert.equal(result.status, 413, result.text);
  assert.match(result.text, /"code":"FILE_TOO_LARGE"/u);
  assert.match(result.text, /50 MB/u);
  assert.ok(result.ms < 3000, `answered in ${result.ms} ms`);
  assert.ok(peak < ceilingMb(), `peak RSS ${peak} MB`);
});

test('a chunked upload that runs past 50 MB is cut off with 413; memory stays bounded; the server goes on', async () => {
  const chunk = Buffer.alloc(MB, 'a');
  const { result, peak } = await watchingMemory(() =>
    rawRequest('/api/import', { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' }, async (write, answered) => {
      // Up to 200 MB offered; the server must answer long before.
      for (let i = 0; i < 200 && !answered(); i++) {
        if (!(await write(`${chunk.length.toString(16)}\r\n`)) || !(await write(chunk)) || !(await write('\r\n'))) return;
      }
    }),
  );
  figures.requests++; figures.hostile++;
  assert.equal(result.status, 413, result.text.slice(0, 300));
  assert.ok(result.sent < 120 * MB, `${(result.sent / MB).toFixed(0)} MB were sent before the answer`);
  assert.ok(peak < ceilingMb(), `peak RSS ${peak} MB`);
  const health = await fetch(`${server.base}/api/health`);
  figures.requests++;
  assert.equal(health.status, 200);
});

test('a JSON body over 5 MB on any other route → 413 BODY_TOO_LARGE: declared (unread) or sent', async () => {
  const declared = await rawRequest('/api/evaluations', { 'Content-Type': 'application/json', 'Content-Length': String(6 * MB) }, async (write) => { await write('{"evaluation":'); });
  assert.equal(declared.status, 413, declared.text);
  assert.match(declared.text, /"code":"BODY_TOO_LARGE"/u);
  assert.ok(declared.ms < 3000, `answered in ${declared.ms} ms`);
  const big = JSON.stringify({ evaluation: { padding: 'x'.repeat(6 * MB) } });
  const sent = await fetch(`${server.base}/api/evaluations`, {
    method: 'POST', headers: { cookie: preparer.cookie, 'x-csrf-token': preparer.csrfToken, 'content-type': 'application/json' }, body: big,
  });
  assert.equal(sent.status, 413);
  assert.equal(((await sent.json()) as any).error.code, 'BODY_TOO_LARGE');
  // No length declared: the body is counted as it arrives (the declared ones are decided by their header alone, app.ts).
  const chunked = await rawRequest('/api/evaluations', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, async (write, answered) => {
    const piece = 'x'.repeat(256 * 1024);
    await write(`${(14 + piece.length).toString(16)}\r\n{"evaluation":${piece}\r\n`);
    for (let i = 0; i < 30 && !answered(); i++) await write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
  });
  figures.requests += 3; figures.hostile += 3;
  assert.equal(chunked.status, 413, chunked.text);
  assert.match(chunked.text, /"code":"BODY_TOO_LARGE"/u);
});

const sample = (path: string) => new Uint8Array(readFileSync(`${ROOT}${path}`));

test('the kind comes from the bytes: a PDF named .xlsx reads as a PDF; an executable named .pdf is refused', async () => {
  const pdf = await preparer.upload('/api/import?lang=en', sample('test/fixtures/pdf/national-2023-example.pdf'), 'form.xlsx');
  assert.equal(pdf.status, 200, JSON.stringify(pdf.body).slice(0, 300));
  assert.equal(pdf.body.forms.length, 1);
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))]);
  const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(2048)]);
  for (const [bytes, name] of [[exe, 'form.pdf'], [elf, 'form.xlsx'], [exe, 'form.txt']] as const) {
    const answer = await preparer.upload('/api/import?lang=en', bytes, name);
    assert.equal(answer.status, 415, name);
    assert.equal(answer.body.error.code, 'UNSUPPORTED_FILE');
    assert.equal(answer.body.error.message, 'Unknown kind of file: upload a PDF, a text file or an XLSX workbook');
  }
  figures.requests += 4; figures.hostile += 3;
});

test('zip bombs, an entity bomb, PDFs with JavaScript or 2000 pages: refused with a clear message, memory bounded', async () => {
  const workbook = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };
  const bomb = await bombEntry('xl/worksheets/sheet1.xml', 1024);
  const liar = await bombEntry('xl/media/image1.png', 200);
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['bomb.xlsx', makeZip([workbook, bomb]), /Unpacked it is over the limit of 100 MB: a zip bomb\? Not read|unpacks at \d+:1, over the limit of 200:1: a zip bomb/u],
    ['liar.xlsx', makeZip([workbook, { ...liar, declaredSize: 1000 }]), /The workbook is damaged or incomplete/u],
    ['many.xlsx', makeZip([workbook, ...Array.from({ length: 6000 }, (_, i) => ({ name: `xl/x${i}.xml`, data: Buffer.from('<x/>') }))]), /entries, over the limit of 5000: a zip bomb\? Not read/u],
    ['laughs.xlsx', makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from(BILLION_LAUGHS_WORKBOOK) }]), /declares a DOCTYPE or ENTITY \(an entity bomb\?\)/u],
    ['many-pages.pdf', sample('test/fixtures/bad/many-pages.pdf'), /The PDF has 2000 pages, over the limit of 300/u],
    ['javascript.pdf', sample('test/fixtures/bad/javascript.pdf'), /The PDF contains JavaScript/u],
    ['javascript-escaped-names.pdf', sample('test/fixtures/bad/javascript-escaped-names.pdf'), /The PDF contains JavaScript/u],
    ['javascript-compressed.pdf', sample('test/fixtures/bad/javascript-compressed.pdf'), /The PDF contains JavaScript/u],
    ['encrypted.pdf', sample('test/fixtures/bad/encrypted.pdf'), /The PDF is encrypted/u],
  ];
  for (const [name, bytes, message] of cases) {
    const { result, peak } = await watchingMemory(() => preparer.upload('/api/import?lang=en', bytes, name));
    figures.requests++; figures.hostile++;
    assert.equal(result.status, 200, `${name}: ${JSON.stringify(result.body).slice(0, 300)}`);
    assert.deepEqual(result.body.forms, [], name);
    const errors = result.body.diagnostics.filter((d: any) => d.severity === 'error');
    assert.equal(errors.length, 1, `${name}: ${JSON.stringify(result.body.diagnostics)}`);
    assert.match(errors[0].message, message, name);
    assert.ok(peak < ceilingMb(), `${name}: peak RSS ${peak} MB`);
    process.stdout.write(`# ${name} (${(bytes.length / 1024).toFixed(0)} kB): peak RSS ${peak.toFixed(0)} MB\n`);
  }
  const still = await preparer.upload('/api/import', sample('src/import/text/fixtures/national-2022-sports.txt'), 'ok.txt');
  figures.requests++;
  assert.equal(still.body.forms.length, 1, 'a good file still imports after them');
});
