/**
 * The corpus's XLSX forms converted by LibreOffice as offices convert them: one soffice call per
 * target for a batch of files (a profile of its own, so that a running soffice is not disturbed),
 * then `pdftotext -layout` for each PDF.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's target argument and the extension it writes. */
const TARGETS = [
  { convertTo: 'pdf', ext: 'pdf' },
  { convertTo: 'xls:MS Excel 97', ext: 'xls' },
  { convertTo: 'html:HTML (StarCalc)', ext: 'html' },
] as const;

export function sofficeVersion(): string {
  return execFileSync('soffice', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
}

/**
 * Files per soffice call: one call converts a whole sample, but a long batch was seen to stop
 * without an error after some 250 files (the rest not written); files missing after a call are
 * converted again.
 */
const BATCH = 150;
const ATTEMPTS = 3;

function convertTarget(xlsx: readonly string[], target: (typeof TARGETS)[number], profile: string, out: string, dir: string): void {
  const output = (file: string) => `${basename(file, '.xlsx')}.${target.ext}`;
  let pending = [...xlsx];
  for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
    for (let i = 0; i < pending.length; i += BATCH) {
      const files = pending.slice(i, i + BATCH);
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target.convertTo, '--outdir', out, ...files], { stdio: 'ignore', timeout: 60_000 + files.length * 5_000 });
    }
    pending = pending.filter((file) => !existsSync(join(out, output(file))));
  }
  if (pending.length > 0) throw new Error(`LibreOffice did not convert ${pending.map(output).join(', ')}`);
  for (const file of readdirSync(out)) renameSync(join(out, file), join(dir, file));
}

/** Every `*.xlsx` in `dir` also as .pdf, .xls, .html and .txt beside it. */
export function convertBatch(dir: string): void {
  const xlsx = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  if (xlsx.length === 0) return;
  const work = mkdtempSync(join(tmpdir(), 'jixiao-corpus-'));
  try {
    const profile = pathToFileURL(join(work, 'profile')).href;
    for (const target of TARGETS) convertTarget(xlsx, target, profile, join(work, target.ext), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const file of xlsx) {
    const pdf = file.replace(/\.xlsx$/u, '.pdf');
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, file.replace(/\.xlsx$/u, '.txt')]);
  }
}
