import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { en } from './en.ts';
import { zh } from './zh.ts';

// A plural block (`{count, plural, one {…} other {…}}`) names its parameter once, as `{count}` does.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/gu)].map((m) => m[1]))].sort();

test('Chinese and English have the same keys, none blank', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) assert.ok(text.trim() !== '', key);
});

test('each key has the same placeholders in both languages', () => {
  for (const key of Object.keys(zh) as (keyof typeof zh)[]) assert.deepEqual(placeholders(en[key]), placeholders(zh[key]), key);
});

/**
 * The UI's words live in the locale: no Chinese in the components (comments aside). The API's types
 * (api/schema.ts, generated from the server) name the server's values, not words shown: left out.
 */
const GENERATED = new Set([join('api', 'schema.ts')]);
test('no Chinese text in the components outside the locale', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return ['locale', 'dev', 'test'].includes(name) ? [] : files(path);
      return /\.tsx?$/u.test(name) && !name.endsWith('.test.ts') && !GENERATED.has(path.slice(root.length)) ? [path] : [];
    });
  const offenders = files(root).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line: line.includes('// i18n-ok') ? '' : line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$|\{\/\*.*?\*\/\}/gu, ''), at: `${file}:${i + 1}` }))
      .filter(({ line }) => /[\u4e00-\u9fff]/u.test(line))
      .map(({ at }) => at),
  );
  assert.deepEqual(offenders, []);
});
