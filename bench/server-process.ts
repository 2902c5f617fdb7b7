/**
 * A server for the API bench, in its own process so that its memory can be read from /proc:
 *   node --import tsx bench/server-process.ts app    the application as `jixiao serve` runs it
 *                                                     (createApp over DATABASE_URL, no UI, no demo)
 *   node --import tsx bench/server-process.ts bare   a bare node:http handler that reads the JSON
 *                                                     body, parses it and answers 200
 * It listens on 127.0.0.1, a free port, and prints `listening PORT` on stdout; SIGTERM ends it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
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
} else {
  console.error('usage: server-process.ts app|bare');
  process.exit(2);
}
