/**
 * The corpus's XLSX forms converted by LibreOffice as offices convert them: one soffice call per
 * target for the whole batch (a profile of its own, so that a running soffice is not disturbed),
 * then `pdftotext -layout` for each PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Every `*.xlsx` in `dir` also as .pdf, .xls, .html and .txt beside it. */
export function convertBatch(dir: string): void {
  const xlsx = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  if (xlsx.length === 0) return;
  const work = mkdtempSync(join(tmpdir(), 'jixiao-corpus-'));
  try {
    const profile = pathToFileURL(join(work, 'profile')).href;
    for (const target of TARGETS) {
      const out = join(work, target.ext);
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', target.convertTo, '--outdir', out, ...xlsx], { stdio: 'ignore', timeout: 60_000 + xlsx.length * 5_000 });
      for (const file of readdirSync(out)) renameSync(join(out, file), join(dir, file));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const file of xlsx) {
    const pdf = file.replace(/\.xlsx$/u, '.pdf');
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, file.replace(/\.xlsx$/u, '.txt')]);
  }
}
