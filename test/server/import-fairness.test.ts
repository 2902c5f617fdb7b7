/**
 * One user's large imports do not starve another user's small one (issue 12: a 1.7 s import took
 * 48 s behind ten large PDFs): files are read in a pool of threads, the users served in turn, each
 * one file at a time; one user's backlog is bounded (429) and so is the server's (503).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderEvaluationsPdf } from '../../src/export/pdf/render-evaluations-pdf.ts';
import { READER_THREADS } from '../../src/import/reader-pool.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { NATIONAL_TEXT, upload } from './support/upload.ts';

let largePdf: Promise<Uint8Array> | undefined;
/** A large PDF: the seed's forms 10 times over (≈ 60 pages), a few seconds to read, hundreds of times the small text file. Made once. */
const large = () => (largePdf ??= renderEvaluationsPdf(Array.from({ length: 10 }, () => seedEvaluations()).flat(), { lang: 'zh' }));

forEachApi('imports served in turn', (api) => {
  // The queue and the pool hold nothing in the database: once, on SQLite, is the whole test.
  const skip = api.dialect === 'postgres' && 'no storage involved: run on SQLite only';
  test('another user\'s small file is read while one user\'s large PDFs wait their turn', { timeout: 240_000, skip }, async () => {
    const pdf = await large();
    const [a, b] = [await api.as('preparer'), await api.as('preparer2')];
    // Every thread started and warm first (a thread's first file also loads the readers).
    const text = readFileSync(NATIONAL_TEXT);
    await Promise.all([a, b].map((client) => client.request('POST', '/api/import', { rawBody: upload(pdf, 'warm.pdf') })));
    await b.request('POST', '/api/import', { rawBody: upload(text, 'warm.txt') });
    const time = async (run: () => Promise<{ status: number }>) => {
      const started = performance.now();
      const answer = await run();
      return { status: answer.status, ms: performance.now() - started };
    };
    const alone = await time(() => a.request('POST', '/api/import', { rawBody: upload(pdf, 'large.pdf') }));
    assert.equal(alone.status, 200);

    const backlog = Array.from({ length: 5 }, () => time(() => a.request('POST', '/api/import', { rawBody: upload(pdf, 'large.pdf') })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const small = await time(() => b.request('POST', '/api/import', { rawBody: upload(text, 'national.txt') }));
    const done = await Promise.all(backlog);
    assert.equal(small.status, 200);
    assert.ok(done.every((d) => d.status === 200));
    const last = Math.max(...done.map((d) => d.ms));
    // With two threads or more it takes the free one at once; with one, it waits for one large file at most.
    const bound = READER_THREADS > 1 ? alone.ms : 2 * alone.ms;
    assert.ok(small.ms < bound, `the small import took ${small.ms.toFixed(0)} ms; one large one alone ${alone.ms.toFixed(0)} ms, the backlog ${last.toFixed(0)} ms`);
    process.stdout.write(`# ${api.dialect}: ${READER_THREADS} reader threads; a large PDF alone ${alone.ms.toFixed(0)} ms; behind 5 of them from another user, a small import ${small.ms.toFixed(0)} ms (backlog done in ${last.toFixed(0)} ms)\n`);
  });

  test('one user\'s backlog is bounded: past 8 waiting, 429 TOO_MANY_IMPORTS with Retry-After', { timeout: 240_000, skip }, async () => {
    const a = await api.as('preparer');
    const pdf = await large();
    const answers = await Promise.all(Array.from({ length: 12 }, () => a.request('POST', '/api/import', { rawBody: upload(pdf, 'large.pdf') })));
    const refused = answers.filter((r) => r.status === 429);
    assert.ok(refused.length >= 1, answers.map((r) => r.status).join(' '));
    assert.equal(refused[0]!.body.error.code, 'TOO_MANY_IMPORTS');
    assert.equal(refused[0]!.headers.get('retry-after'), '5');
    assert.ok(answers.filter((r) => r.status === 200).length >= 9, 'one reading and eight waiting are served');
  });
});
