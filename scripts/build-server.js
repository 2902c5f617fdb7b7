/**
 * `npm run build:server`: the server and command line compiled to build/ (tsconfig.build.json),
 * then what tsc does not emit, then the stamp that makes bin/jixiao.js prefer the build. On a
 * failed compile the stamp is not written, and the sources keep running through tsx.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILD, ROOT, STAMP } from '../bin/server-build.js';

rmSync(STAMP, { force: true });
// The stamp carries the time the compile started: a source changed while it ran leaves the build stale.
const started = new Date();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

writeFileSync(STAMP, `${started.toISOString()}\n`);
utimesSync(STAMP, started, started);
console.log('build:server: build/ is fresh');
