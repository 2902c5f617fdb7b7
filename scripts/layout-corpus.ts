/**
 * `npm run corpus -- --forms 500`: generates a layout corpus (scripts/make-layout-corpus.ts) into a
 * temporary directory — or reads one already made, `--dir test/fixtures/layout-corpus` — imports
 * every shape of every form by the CLI's path and prints, per shape, the share of forms and of
 * fields read exactly, the time per form, and the commonest kinds of mismatch with an example each.
 * `--write-benchmarks` puts the same as the section "## Import corpus (issue 15)" of BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from '../bench/machine.ts';
import { findSoffice } from '../src/import/convert/soffice.ts';
import { corpusForms, readShape, SHAPES, type Shape, type ShapeReading } from '../test/support/layout-corpus.ts';
import { DEFAULT_SEED, makeLayoutCorpus } from './make-layout-corpus.ts';
import { figuresTable, kindsTable, mismatchKinds, shapeFigures } from './layout-corpus/summary.ts';

const SECTION = '## Import corpus (issue 15)';
/** bench/run.ts rewrites BENCHMARKS.md above this line and keeps what follows it. */
const KEPT_MARKER = '<!-- analysis: kept when bench/run.ts rewrites this file -->';

async function readAll(dir: string, shapes: readonly Shape[]): Promise<ShapeReading[]> {
  const readings: ShapeReading[] = [];
  const forms = corpusForms(dir);
  for (const shape of shapes) {
    for (const form of forms) readings.push(await readShape(dir, form, shape));
    process.stderr.write(`read ${forms.length} × .${shape}\n`);
  }
  return readings;
}

function section(command: string, readings: readonly ShapeReading[], minutes: number, made: boolean): string {
  const lines = [
    SECTION,
    '',
    `**Command:** \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (${minutes.toFixed(1)} minutes in all${made ? ', making the corpus included' : ''}).`,
    `**Machine:** ${machine()}. Each shape read by \`readForms\` as the CLI reads it, one file at a time; .xls is converted by LibreOffice on read.`,
    '',
    ...figuresTable(shapeFigures(readings)),
    '',
    'The commonest mismatches (a field path with its indices as `[]`):',
    '',
    ...kindsTable(mismatchKinds(readings), 10),
    '',
  ];
  return lines.join('\n');
}

function writeBenchmarks(text: string): void {
  const file = 'BENCHMARKS.md';
  const old = readFileSync(file, 'utf8');
  const start = old.indexOf(`${SECTION}\n`);
  let next: string;
  if (start >= 0) {
    const end = old.indexOf('\n## ', start + SECTION.length);
    next = `${old.slice(0, start)}${text}${end >= 0 ? old.slice(end) : ''}`;
  } else {
    const marker = old.indexOf(KEPT_MARKER);
    const at = marker >= 0 ? marker + KEPT_MARKER.length + 1 : old.length;
    next = `${old.slice(0, at)}\n${text}${old.slice(at)}`;
  }
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      forms: { type: 'string', default: '100' },
      seed: { type: 'string', default: String(DEFAULT_SEED + 1) },
      dir: { type: 'string' },
      shapes: { type: 'string', default: SHAPES.join(',') },
      'write-benchmarks': { type: 'boolean', default: false },
      kinds: { type: 'string', default: '30' },
    },
  });
  const started = performance.now();
  const shapes = values.shapes!.split(',').filter((s): s is Shape => (SHAPES as readonly string[]).includes(s))
    .filter((s) => s !== 'xls' || findSoffice() !== undefined || (console.error('no soffice: .xls left out'), false));
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'jixiao-corpus-run-'));
  try {
    if (values.dir === undefined) await makeLayoutCorpus({ seed: Number(values.seed), forms: Number(values.forms), out: dir });
    const readings = await readAll(dir, shapes);
    const args = process.argv.slice(2).filter((a) => a !== '--write-benchmarks').join(' ');
    const text = section(`npm run corpus -- ${args}`.trim(), readings, (performance.now() - started) / 60_000, values.dir === undefined);
    console.log(text);
    const kinds = mismatchKinds(readings);
    if (kinds.length > 10) console.log(['More kinds:', '', ...kindsTable(kinds.slice(10), Number(values.kinds) - 10), ''].join('\n'));
    for (const shape of shapes) {
      const ofShape = mismatchKinds(readings.filter((r) => r.shape === shape));
      if (ofShape.length > 0) console.log([`Kinds in .${shape}:`, '', ...kindsTable(ofShape, Number(values.kinds)), ''].join('\n'));
    }
    if (values['write-benchmarks']) writeBenchmarks(text);
  } finally {
    if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
