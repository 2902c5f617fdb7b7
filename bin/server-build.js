/**
 * The compiled server and command line (build/, from src/ by `tsc -p tsconfig.build.json`), and
 * whether it is fresh: built after every source it comes from was last changed. bin/jixiao.js runs
 * build/ when it is fresh and the TypeScript sources through tsx otherwise, so a checkout never
 * runs stale JavaScript. Plain JavaScript: it runs before any TypeScript loader.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILD = join(ROOT, 'build');
/** Written last by `npm run build:server`: the build is complete as of its time. */
export const STAMP = join(BUILD, '.built');
const SOURCES = join(ROOT, 'src');
/** Sources of the browser's bundle (dist/web), not of the server. */
const NOT_SERVER = new Set([join(SOURCES, 'web')]);
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => join(ROOT, f));

/** The latest change time of the server's sources (a directory's time covers files deleted or renamed in it). */
function newestSource(dir, newest = 0) {
  newest = Math.max(newest, statSync(dir).mtimeMs);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_SERVER.has(path)) newest = newestSource(path, newest);
    } else {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export function buildIsFresh() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return CONFIGS.every((f) => !existsSync(f) || statSync(f).mtimeMs <= built) && newestSource(SOURCES) <= built;
}
