/**
 * Writes the bad-input PDFs of the importer tests into test/fixtures/bad/. Needs qpdf (Debian
 * package qpdf) for the encrypted one; the files are committed, so CI needs neither.
 *   node --import tsx scripts/make-bad-pdf-fixtures.ts SOURCE.pdf
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { javaScriptPdf, manyPagesPdf, scannedPdf } from './hand-written-pdf.ts';

const source = process.argv[2];
if (!source) throw new Error('usage: make-bad-pdf-fixtures.ts SOURCE.pdf (any small PDF with text)');
const out = new URL('../test/fixtures/bad/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const good = readFileSync(source);

writeFileSync(`${out}truncated.pdf`, good.subarray(0, Math.floor(good.length / 3)));
writeFileSync(`${out}scanned.pdf`, scannedPdf());
writeFileSync(`${out}many-pages.pdf`, manyPagesPdf(2000));
writeFileSync(`${out}garbage-after-header.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))]));
writeFileSync(`${out}javascript.pdf`, javaScriptPdf());
writeFileSync(`${out}javascript-escaped-names.pdf`, javaScriptPdf({ escapedNames: true }));
// The same script inside a compressed object stream: not in the bytes as such, only pdf.js's parse finds it.
execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', `${out}javascript.pdf`, `${out}javascript-compressed.pdf`]);
execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', source, `${out}encrypted.pdf`]);
