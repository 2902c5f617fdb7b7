/**
 * A server for the API bench, in its own process so that its memory can be read from /proc:
 *   node --import tsx bench/server-process.ts app    the application as `jixiao serve` runs it
 *                                                     (createApp over DATABASE_URL, no UI, no demo)
 *   node --import tsx bench/server-process.ts bare   a bare node:http handler that reads the JSON
 *                                                     body, parses it and answers 200
 *   node --import tsx bench/server-process.ts ui    the application with the demo (loaded when the
 *                                                     database is empty; JIXIAO_DEMO_PASSWORD) serving
 *                                                     the built UI of JIXIAO_WEB_ROOT (the UI bench)
 * It listens on 127.0.0.1, a free port, and prints `listening PORT` on stdout; SIGTERM ends it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { templateRegistry } from '../src/core/templates/registry.ts';
import { createApp } from '../src/server/app.ts';
import { loadDemo } from '../src/server/demo-data.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { openDatabase } from '../src/storage/open-database.ts';

const mode = process.argv[2];

if (mode === 'bare') {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { version: number };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: body.version + 1 }));
    });
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else if (mode === 'app') {
  const database = openDatabase(process.env.DATABASE_URL);
  await migrateToLatest(database.db);
  const app = createApp({ database, webRoot: null });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  server.once('listening', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
  // Ends at once: requests the load generator left in flight are of no interest (the database is left to its journal).
  process.once('SIGTERM', () => process.exit(0));
} else if (mode === 'ui') {
  const webRoot = process.env.JIXIAO_WEB_ROOT;
  const password = process.env.JIXIAO_DEMO_PASSWORD;
  if (!webRoot || !password) throw new Error('server-process.ts ui: JIXIAO_WEB_ROOT and JIXIAO_DEMO_PASSWORD are needed');
  const database = openDatabase(process.env.DATABASE_URL);
  await migrateToLatest(database.db);
  const templates = templateRegistry();
  await loadDemo(database.db, { password, templates });
  const app = createApp({ database, templates, webRoot });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  server.once('listening', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
  process.once('SIGTERM', () => void database.close().finally(() => process.exit(0)));
} else {
  console.error('usage: server-process.ts app|bare|ui');
  process.exit(2);
}
