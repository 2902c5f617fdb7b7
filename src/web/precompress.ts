/**
 * A Vite plugin that writes `FILE.br` (brotli, quality 11) and `FILE.gz` (gzip -9) beside each
 * text file of the build (scripts, styles, index.html, SVG, JSON), so that the server sends them
 * without compressing on each request (src/server/static-ui.ts). node:zlib only: the
 * well-kept plugins for this (vite-plugin-compression2) would add a dependency for thirty lines.
 * A compressed file no smaller than its original is not written (the server then sends the original).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/u;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Writes the .br and .gz of every compressible file under `dir`; what was written, in bytes. */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; br: number; gz: number }> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  const totals = { files: 0, bytes: 0, br: 0, gz: 0 };
  await Promise.all(files.map(async (file) => {
    const body = await readFile(file);
    const [b, g] = await Promise.all([
      brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
      gz(body, { level: 9 }),
    ]);
    totals.files += 1;
    totals.bytes += body.byteLength;
    if (b.byteLength < body.byteLength) {
      await writeFile(`${file}.br`, b);
      totals.br += b.byteLength;
    }
    if (g.byteLength < body.byteLength) {
      await writeFile(`${file}.gz`, g);
      totals.gz += g.byteLength;
    }
  }));
  return totals;
}

export function precompress(): Plugin {
  return {
    name: 'jixiao-precompress',
    apply: 'build',
    // After the files are written (not called when the build writes nothing).
    async writeBundle(options) {
      if (!options.dir) return;
      const t = await precompressDir(options.dir);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      this.info(`precompressed ${t.files} files: ${kb(t.bytes)} → br ${kb(t.br)}, gz ${kb(t.gz)}`);
    },
  };
}
