/**
 * `jixiao serve [--port N] [--host H] [--workers N] [--demo] [--templates T.json]…`: the web application (a region's
 * templates added as data are recognised on import, checked, exported and shown in the web app). Migrates the database of
 * `DATABASE_URL` (default ./data/jixiao.sqlite) and serves the API and the built UI (dist/web) until
 * interrupted. A database starts empty: the first administrator is made with `jixiao users add`.
 * `--demo` loads the demo into an empty database (what `npm start` runs). Behind a load balancer
 * set JIXIAO_TRUST_PROXY=1 so that client addresses come from X-Forwarded-For.
 * `--workers N` (N > 1): N processes (node:cluster) share the port; the first migrates (and loads the
 * demo), then forks them, and forks again any that dies. The app keeps nothing of a request in its
 * process (sessions, saves and locks are in the database; a session read is cached ≤ 1 s), so any
 * worker serves any request. On SQLite the workers share the file's single writer: each transaction
 * takes the write lock at BEGIN and waits for another's commit (busy_timeout), see open-database.ts.
 */
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { DEMO_USERS, DemoPasswordError, loadDemo } from '../../server/demo-data.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { summarizeStoredMonitoring } from '../../storage/monitoring-columns.ts';
import { openDatabase } from '../../storage/open-database.ts';
import { parseCommandArgs } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { loadTemplates } from '../load-evaluations.ts';
import { evidenceConfig, readConfig } from '../../config.ts';
import { openEvidenceStore } from '../../storage/evidence-store/open-evidence-store.ts';
import type { Server as HttpServer } from 'node:http';

/** How long an idle connection stays open: longer than a load balancer's (60 s) keeps it. */
const KEEP_ALIVE_MS = 65_000;

export const serveUsage = 'jixiao serve [--port N] [--host HOST] [--workers N] [--demo] [--templates TEMPLATE.json]…';

const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

function portOption(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const port = Number(text);
  if (!/^\d+$/u.test(text) || port > 65535) throw new CliInputError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

function workersOption(value: unknown): number {
  if (value === undefined) return 1;
  const text = String(value);
  if (!/^\d+$/u.test(text) || Number(text) < 1 || Number(text) > 64) throw new CliInputError(`--workers must be a number from 1 to 64, not "${text}"`);
  return Number(text);
}

export async function serveCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs(argv, serveUsage, {
    port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' }, demo: { type: 'boolean' }, templates: { type: 'string', multiple: true },
  });
  const workers = workersOption(values.workers);
  const inCluster = workers > 1;
  // Read before the database opens: a bad template file stops the start with its own message.
  const templates = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const config = readConfig();
  const port = portOption(values.port, config.PORT);
  const evidence = evidenceConfig(config);
  const database = openDatabase(config.DATABASE_URL);
  // In a cluster the first process has done this before it forked the workers.
  if (cluster.isPrimary) {
    await migrateToLatest(database.db);
    // Monitoring stored before its summary's columns, of a template the migration did not know: summarised now.
    await summarizeStoredMonitoring(database.db, templates);
  }

  if (values.demo && cluster.isPrimary) {
    const password = config.JIXIAO_DEMO_PASSWORD ?? randomBytes(12).toString('base64url');
    try {
      if (await loadDemo(database.db, { password, templates })) {
        const users = DEMO_USERS.map((u) => u.username).join(', ');
        // A generated password is shown this once; it is stored only as a hash.
        io.out(`jixiao: demo data loaded; users ${users}; password ${config.JIXIAO_DEMO_PASSWORD ? 'from $JIXIAO_DEMO_PASSWORD' : password}`);
      }
    } catch (error) {
      await database.close();
      if (error instanceof DemoPasswordError) throw new CliInputError(`JIXIAO_DEMO_PASSWORD: ${error.message}`);
      throw error;
    }
  }

  if (inCluster && cluster.isPrimary) {
    await database.close();
    return runWorkers(workers, io);
  }

  // A worker whose first process is gone (killed) ends too: nothing would fork it again or end it.
  if (cluster.isWorker) process.once('disconnect', () => process.exit(EXIT.ok));

  const app = createApp({
    database, templates, webRoot: WEB_ROOT, trustProxy: config.JIXIAO_TRUST_PROXY, sessionIdleMs: config.JIXIAO_SESSION_IDLE_MINUTES * 60_000,
    // Written off the event loop (a line per request was a synchronous write of its own: 8-11 % of a
    // save's CPU under load); lines that come while a write is under way go out together with the next.
    // pino flushes what is left when the process exits.
    logger: pino({ level: config.LOG_LEVEL }, pino.destination({ dest: 1, sync: false })),
    evidence: { ...evidence, store: openEvidenceStore(evidence.store, database.db) },
  });
  const hostname = (values.host as string | undefined) ?? '0.0.0.0';
  const server = serve({ fetch: app.fetch, port, hostname }) as HttpServer;
  // A balancer (nginx, a cloud's) and browsers reuse idle connections for up to a minute; Node closes
  // them after 5 s, so a request written as the server closes its end gets no answer (a 502 at the
  // balancer). Idle connections are kept longer than a balancer's usual 60 s; close() still ends them.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address() as AddressInfo;
  if (cluster.isPrimary) io.out(`jixiao: listening on http://localhost:${address.port}/ (database: ${database.dialect})`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
  // A worker's channel to the first process would keep it running.
  cluster.worker?.disconnect();
  return EXIT.ok;
}

/** The first process of `--workers N`: forks the workers, says where they listen, forks again any that dies, ends them on SIGINT/SIGTERM. */
async function runWorkers(count: number, io: CommandIo): Promise<number> {
  let stopping = false;
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === count) io.out(`jixiao: listening on http://localhost:${address.port}/ (${count} workers)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    io.err(`jixiao: worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  stopping = true;
  await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => new Promise<void>((resolve) => {
    if (!worker || worker.isDead()) return resolve();
    worker.once('exit', () => resolve());
    worker.process.kill('SIGTERM');
  })));
  return EXIT.ok;
}
