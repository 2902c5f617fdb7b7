#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so that `npx jixiao` works right after `npm install`
// in a checkout with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
