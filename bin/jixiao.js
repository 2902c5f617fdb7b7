#!/usr/bin/env node
// Runs the compiled JavaScript of `npm run build:server` (build/) when it is fresh, and otherwise
// the TypeScript sources through tsx, so that `npx jixiao` works right after `npm install` in a
// checkout with no build step to remember. The compiled server keeps tsx and its compiler out of
// the process (less memory, a faster start). JIXIAO_RUN=source or JIXIAO_RUN=build chooses.
import { buildIsFresh, STAMP } from './server-build.js';
import { existsSync } from 'node:fs';

const run = process.env.JIXIAO_RUN ?? (buildIsFresh() ? 'build' : 'source');
let main;
if (run === 'build') {
  if (!existsSync(STAMP)) {
    console.error('jixiao: JIXIAO_RUN=build but there is no complete build: run npm run build:server');
    process.exit(2);
  }
  ({ main } = await import('../build/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
