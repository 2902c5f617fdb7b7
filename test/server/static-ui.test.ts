/**
 * The built UI as the server sends it (issue 13), on a build of our own in a temporary folder:
 * the precompressed file the client accepts, its headers (type, encoding, Vary, caching), 304 on
 * a current ETag, the UI's routes answered with index.html, a missing asset 404 and not the UI,
 * and no path reaching outside the root — in process and over a real socket, whose request line
 * the client sends as it is.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/server/app.ts';
import { acceptedCodings, IMMUTABLE, NO_CACHE } from '../../src/server/static-ui.ts';
import { openDatabase, type Database } from '../../src/storage/open-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-static-ui-'));
const root = join(dir, 'web');
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `export const app = ${JSON.stringify('应用'.repeat(2000))};\n`;
const STYLE = 'body { margin: 0 }\n'.repeat(100);

mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), INDEX);
writeFileSync(join(root, 'index.html.gz'), gzipSync(INDEX));
writeFileSync(join(root, 'assets/index-abc123.js'), SCRIPT);
writeFileSync(join(root, 'assets/index-abc123.js.br'), brotliCompressSync(SCRIPT));
writeFileSync(join(root, 'assets/index-abc123.js.gz'), gzipSync(SCRIPT));
writeFileSync(join(root, 'assets/only-gzip-def456.css'), STYLE);
writeFileSync(join(root, 'assets/only-gzip-def456.css.gz'), gzipSync(STYLE));
writeFileSync(join(root, 'assets/small-0a1b2c.js'), 'export {};\n');
writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, '.env'), 'SECRET=in-the-root');
writeFileSync(join(dir, 'secret.txt'), 'SECRET=outside-the-root');

let database: Database;
let app: ReturnType<typeof createApp>;
let server: ServerType;
let port: number;

before(async () => {
  database = openDatabase(':memory:');
  app = createApp({ database, webRoot: root });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** One request over a socket, its request line exactly `GET ${target} HTTP/1.1`: status line and body. */
function raw(target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/u.exec(text)?.[1] ?? 0), text });
    });
  });
}

describe('Accept-Encoding', () => {
  test('codings taken by q-value, then br before gzip; q=0 refuses; * stands for the others', () => {
    assert.deepEqual(acceptedCodings(undefined), []);
    assert.deepEqual(acceptedCodings(''), []);
    assert.deepEqual(acceptedCodings('gzip, deflate, br, zstd'), ['br', 'gzip']);
    assert.deepEqual(acceptedCodings('gzip'), ['gzip']);
    assert.deepEqual(acceptedCodings('br;q=0.5, gzip;q=0.8'), ['gzip', 'br']);
    assert.deepEqual(acceptedCodings('br;q=0, gzip'), ['gzip']);
    assert.deepEqual(acceptedCodings('identity'), []);
    assert.deepEqual(acceptedCodings('*'), ['br', 'gzip']);
    assert.deepEqual(acceptedCodings('*;q=0.1, gzip;q=0'), ['br']);
    assert.deepEqual(acceptedCodings('x-gzip'), ['gzip']);
    assert.deepEqual(acceptedCodings('BR ; Q=1.0'), ['br']);
  });
});

describe('the built UI', () => {
  test('a script: brotli when accepted, else gzip, else as it is; the type of the script, Vary, immutable', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.equal(br.headers.get('cache-control'), IMMUTABLE);
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
    const brBody = await bytes(br);
    assert.equal(Number(br.headers.get('content-length')), brBody.byteLength);
    assert.equal(brotliDecompressSync(brBody).toString('utf8'), SCRIPT);

    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(await bytes(gz)).toString('utf8'), SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding', 'a cache must not give the plain copy to a client that takes br, or the reverse');
    assert.equal(plain.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await bytes(plain)).toString('utf8'), SCRIPT);

    const refused = await get('/assets/index-abc123.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.equal((await bytes(refused)).toString('utf8'), SCRIPT);
  });

  test('a file without a .br is sent as gzip to a client that takes both; without either, as it is', async () => {
    const css = await get('/assets/only-gzip-def456.css', { 'accept-encoding': 'br, gzip' });
    assert.equal(css.headers.get('content-encoding'), 'gzip');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(gunzipSync(await bytes(css)).toString('utf8'), STYLE);
    const small = await get('/assets/small-0a1b2c.js', { 'accept-encoding': 'br, gzip' });
    assert.equal(small.status, 200);
    assert.equal(small.headers.get('content-encoding'), null);
    assert.equal(small.headers.get('cache-control'), IMMUTABLE);
  });

  test('index.html and every route of the UI: the page, no-cache, with the security headers', async () => {
    for (const path of ['/', '/index.html', '/evaluations', '/evaluations/12', '/login?next=%2Fevaluations', '/admin/users', '/assets']) {
      const res = await get(path, { 'accept-encoding': 'gzip, br' });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', path);
      assert.equal(res.headers.get('cache-control'), NO_CACHE, path);
      assert.equal(res.headers.get('content-encoding'), 'gzip', `${path}: index.html.gz (no .br here)`);
      assert.equal(gunzipSync(await bytes(res)).toString('utf8'), INDEX, path);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/u, path);
    }
    const favicon = await get('/favicon.svg');
    assert.equal(favicon.headers.get('content-type'), 'image/svg+xml');
    assert.equal(favicon.headers.get('cache-control'), NO_CACHE, 'not hashed: asked again');
  });

  test('a current ETag is a 304 with no body; HEAD has the headers and no body', async () => {
    const first = await get('/', { 'accept-encoding': 'gzip' });
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    const again = await get('/evaluations', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal((await bytes(again)).byteLength, 0);
    assert.equal(again.headers.get('cache-control'), NO_CACHE);
    const other = await get('/', { 'if-none-match': etag });
    assert.equal(other.status, 200, 'the plain copy is another representation: its own ETag');
    assert.notEqual(other.headers.get('etag'), etag);

    const head = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-encoding'), 'br');
    assert.equal((await bytes(head)).byteLength, 0);
  });

  test('a missing asset or file is a 404, not the UI', async () => {
    for (const path of ['/assets/index-old999.js', '/assets/gone.css', '/assets/', '/favicon.ico', '/robots.txt', '/evaluations/12/x.js']) {
      const res = await get(path, { 'accept-encoding': 'gzip, br' });
      assert.equal(res.status, 404, path);
      assert.doesNotMatch((await bytes(res)).toString('utf8'), /<div id="root">/u, path);
      assert.notEqual(res.headers.get('cache-control'), IMMUTABLE, path);
    }
  });

  test('the API is not the UI: an unknown API path is the API 404', async () => {
    const res = await get('/api/no-such-thing');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /json/u);
  });

  test('no path reaches outside the root, nor a dot file in it (in process)', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/.env', '/assets/%2e%2e/.env', '/%00', '/assets/%E0%A4%A']) {
      const res = await get(path);
      const text = (await bytes(res)).toString('utf8');
      assert.doesNotMatch(text, /SECRET/u, path);
    }
  });

  test('no path reaches outside the root, nor a dot file in it (the request line as sent)', async () => {
    for (const target of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5c..%5csecret.txt', '/.env', '/%2eenv', '//..//secret.txt', '/assets/%252e%252e/secret.txt']) {
      const res = await raw(target);
      assert.ok(res.status === 404 || res.status === 400 || (res.status === 200 && res.text.includes(`<div id="root">`)), `${target}: ${res.status} ${JSON.stringify(res.text.slice(0, 300))}`);
      assert.doesNotMatch(res.text, /SECRET/u, target);
    }
  });
});
