/**
 * Evidence files (佐证材料) through the API on SQLite and PostgreSQL: who may upload, list, download,
 * remove and mark public; the type told from the bytes; the size and count limits; the list frozen
 * with each version (with its hash) and a frozen file kept; uploads to a sent form while a
 * rectification item is open (frozen versions untouched, a cited file kept); the public page's files.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { manifestHash } from '../../src/core/evidence/manifest.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Api, type Client } from './support/api-harness.ts';
import { evidenceUpload, htmlBytes, pdfBytes, pngBytes, xlsxBytes } from './support/evidence-files.ts';

const MAX_BYTES = 64 * 1024;
const MAX_FILES = 4;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const uploadTo = (client: Client, id: string, bytes: Uint8Array, name: string, indicatorId?: string) =>
  client.request('POST', `/api/evaluations/${id}/evidence`, { rawBody: evidenceUpload(bytes, name, indicatorId) });

/** A draft made by the preparer through the API (its indicators get their lineage ids). */
async function newDraft(api: Api): Promise<{ id: string; indicatorId: string; indicatorName: string }> {
  const preparer = await api.as('preparer');
  const created = await preparer.post('/api/evaluations', { evaluation: seedEvaluations()[1] });
  assert.equal(created.status, 201);
  const detail = (await preparer.get(`/api/evaluations/${created.body.id}`)).body;
  return { id: created.body.id, indicatorId: detail.evaluation.indicators[2].id, indicatorName: detail.evaluation.indicators[2].name };
}

async function transition(client: Client, id: string, action: string, comment?: string) {
  const version = (await client.get(`/api/evaluations/${id}`)).body.version;
  return client.post(`/api/evaluations/${id}/transitions`, { action, version, ...(comment ? { comment } : {}) });
}

forEachApi('evidence files', (api) => {
  describe('upload, list and download per role', () => {
    let form = { id: '', indicatorId: '', indicatorName: '' };
    const pdf = pdfBytes('budget approval');
    let pdfId = '';

    test('the preparer attaches a PDF to an indicator, the approver an image to the form', async () => {
      form = await newDraft(api);
      const preparer = await api.as('preparer');
      const up = await uploadTo(preparer, form.id, pdf, '../../etc/预算批复‮fdp.exe.pdf', form.indicatorId);
      assert.equal(up.status, 201, JSON.stringify(up.body));
      pdfId = up.body.id;
      assert.equal(up.body.mediaType, 'application/pdf');
      assert.equal(up.body.fileName, '预算批复fdp.exe.pdf', 'the path and the bidi override are gone');
      assert.equal(up.body.size, pdf.byteLength);
      assert.equal(up.body.sha256, sha(pdf));
      assert.deepEqual(up.body.indicator, { id: form.indicatorId, index: 2, name: form.indicatorName });
      assert.equal(up.body.uploadedBy.username, 'preparer');

      const image = await uploadTo(await api.as('approver'), form.id, pngBytes(), 'photo.png');
      assert.equal(image.status, 201, JSON.stringify(image.body));
      assert.equal(image.body.mediaType, 'image/png');
      assert.equal(image.body.indicator, null);

      const list = (await preparer.get(`/api/evaluations/${form.id}/evidence`)).body;
      assert.deepEqual(list.items.map((f: any) => [f.fileName, f.uploadedBy.username, f.public, f.frozenIn]), [
        ['预算批复fdp.exe.pdf', 'preparer', false, []],
        ['photo.png', 'approver', false, []],
      ]);
      assert.equal(list.canAttach, true);
      assert.equal(list.canMarkPublic, false);
      assert.deepEqual(list.limits, { maxBytes: MAX_BYTES, maxFiles: MAX_FILES });
    });

    test('download: the unit and the admin while draft; others 404; anonymous 401', async () => {
      for (const who of ['preparer', 'approver', 'admin'] as const) {
        const res = await (await api.as(who)).get(`/api/evaluations/${form.id}/evidence/${pdfId}`);
        assert.equal(res.status, 200, who);
        assert.deepEqual(res.body, pdf, who);
        assert.equal(res.headers.get('content-type'), 'application/pdf');
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('cache-control'), 'private, no-store');
        assert.match(res.headers.get('content-disposition')!, /^attachment; filename="[^"]*"; filename\*=UTF-8''%E9%A2%84%E7%AE%97/u);
      }
      for (const who of ['preparer2', 'department', 'reviewer'] as const) {
        assert.equal((await (await api.as(who)).get(`/api/evaluations/${form.id}/evidence/${pdfId}`)).status, 404, who);
        assert.equal((await (await api.as(who)).get(`/api/evaluations/${form.id}/evidence`)).status, 404, who);
      }
      assert.equal((await api.anonymous().get(`/api/evaluations/${form.id}/evidence/${pdfId}`)).status, 401);
      assert.equal((await api.anonymous().get(`/api/evaluations/${form.id}/evidence`)).status, 401);
    });

    test('others may not upload: another unit 404, the reviewer 404 on a draft, 403 once submitted; anonymous 401', async () => {
      assert.equal((await uploadTo(await api.as('preparer2'), form.id, pdf, 'x.pdf')).status, 404);
      assert.equal((await uploadTo(await api.as('reviewer'), form.id, pdf, 'x.pdf')).status, 404);
      assert.equal((await uploadTo(await api.as('admin'), form.id, pdf, 'x.pdf')).status, 403);
      assert.equal((await uploadTo(api.anonymous(), form.id, pdf, 'x.pdf')).status, 401);
      const submitted = await api.evaluation('office', 'submitted');
      for (const who of ['reviewer', 'department'] as const) {
        const res = await uploadTo(await api.as(who), submitted, pdf, 'x.pdf');
        assert.equal(res.status, 403, who);
      }
      const big = await uploadTo(await api.as('reviewer'), submitted, new Uint8Array(MAX_BYTES * 2), 'big.pdf');
      assert.equal(big.status, 403, 'access is checked before the bytes are read: not 413');
      const locked = await uploadTo(await api.as('preparer'), submitted, pdf, 'x.pdf');
      assert.equal(locked.status, 409);
      assert.equal(locked.body.error.code, 'EVIDENCE_LOCKED');
    });

    test('an indicator that is not in the form is refused', async () => {
      const res = await uploadTo(await api.as('preparer'), form.id, pdf, 'x.pdf', 'no-such-indicator');
      assert.equal(res.status, 400);
      assert.equal(res.body.error.issues[0].path, 'indicatorId');
    });
  });

  describe('what a file is comes from its bytes; limits', () => {
    test('a .pdf holding HTML, an empty file and a renamed text file are 415; an XLSX is taken', async () => {
      const id = await api.evaluation('office', 'draft');
      const preparer = await api.as('preparer');
      for (const [bytes, name] of [[htmlBytes(), 'report.pdf'], [new Uint8Array(0), 'empty.pdf'], [new TextEncoder().encode('plain words'), 'photo.jpg']] as const) {
        const res = await uploadTo(preparer, id, bytes, name);
        assert.equal(res.status, 415, name);
        assert.equal(res.body.error.code, 'UNSUPPORTED_FILE');
      }
      const xlsx = await uploadTo(preparer, id, await xlsxBytes(), '明细.xlsx');
      assert.equal(xlsx.status, 201, JSON.stringify(xlsx.body));
      assert.equal(xlsx.body.mediaType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal((await preparer.get(`/api/evaluations/${id}/evidence`)).body.items.length, 1, 'refused files leave nothing behind');
    });

    test(`past ${MAX_BYTES} bytes: 413, nothing kept`, async () => {
      const id = await api.evaluation('office', 'draft');
      const big = new Uint8Array(MAX_BYTES + 1);
      big.set(pdfBytes());
      const res = await uploadTo(await api.as('preparer'), id, big, 'big.pdf');
      assert.equal(res.status, 413);
      assert.equal(res.body.error.code, 'FILE_TOO_LARGE');
      assert.equal((await (await api.as('preparer')).get(`/api/evaluations/${id}/evidence`)).body.items.length, 0);
      const atLimit = new Uint8Array(MAX_BYTES);
      atLimit.set(pdfBytes());
      assert.equal((await uploadTo(await api.as('preparer'), id, atLimit, 'limit.pdf')).status, 201, 'exactly the limit is taken');
    });

    test(`at most ${MAX_FILES} files per form (removed ones do not count)`, async () => {
      const id = await api.evaluation('office', 'draft');
      const preparer = await api.as('preparer');
      const ids: string[] = [];
      for (let i = 0; i < MAX_FILES; i++) ids.push((await uploadTo(preparer, id, pngBytes(), `p${i}.png`)).body.id);
      const over = await uploadTo(preparer, id, pngBytes(), 'one-more.png');
      assert.equal(over.status, 422);
      assert.equal(over.body.error.code, 'TOO_MANY_FILES');
      assert.equal((await preparer.request('DELETE', `/api/evaluations/${id}/evidence/${ids[0]}`)).status, 204);
      assert.equal((await uploadTo(preparer, id, pngBytes(), 'one-more.png')).status, 201);
    });
  });

  describe('frozen with each version; removal; the audit log', () => {
    test('submit freezes the list with its hash; a frozen file cannot be removed; after a return a new one can', async () => {
      const form = await newDraft(api);
      const preparer = await api.as('preparer');
      const approver = await api.as('approver');
      const reviewer = await api.as('reviewer');
      const pdf = pdfBytes('frozen');
      const kept = (await uploadTo(preparer, form.id, pdf, 'kept.pdf', form.indicatorId)).body;
      const dropped = (await uploadTo(preparer, form.id, pngBytes(), 'dropped.png')).body;
      assert.equal((await approver.request('DELETE', `/api/evaluations/${form.id}/evidence/${dropped.id}`)).status, 204, 'the approver removes an unfrozen file');
      assert.equal((await preparer.get(`/api/evaluations/${form.id}/evidence/${dropped.id}`)).status, 404, 'a removed file is gone');

      assert.equal((await transition(approver, form.id, 'submit')).status, 200);
      const versions = (await preparer.get(`/api/evaluations/${form.id}/versions`)).body.items;
      const expected = [{ id: kept.id, fileName: 'kept.pdf', sha256: sha(pdf), size: pdf.byteLength, indicatorId: form.indicatorId }];
      assert.deepEqual(versions[0].evidence, expected);
      assert.equal(versions[0].evidenceHash, manifestHash(expected));
      assert.equal(versions[0].evidenceIntact, true);
      assert.equal((await preparer.get(`/api/evaluations/${form.id}/versions/1`)).body.evidenceHash, manifestHash(expected));

      // Submitted: nobody changes the evidence; the reviewer now reads it.
      const locked = await preparer.request('DELETE', `/api/evaluations/${form.id}/evidence/${kept.id}`);
      assert.equal(locked.status, 409);
      assert.equal(locked.body.error.code, 'EVIDENCE_LOCKED');
      const read = await reviewer.get(`/api/evaluations/${form.id}/evidence/${kept.id}`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, pdf);
      assert.deepEqual((await reviewer.get(`/api/evaluations/${form.id}/evidence`)).body.items.map((f: any) => f.frozenIn), [[1]]);

      assert.equal((await transition(reviewer, form.id, 'return', '请补充预算批复')).status, 200);
      const frozen = await preparer.request('DELETE', `/api/evaluations/${form.id}/evidence/${kept.id}`);
      assert.equal(frozen.status, 409, 'frozen in v1: kept for good');
      assert.equal(frozen.body.error.code, 'EVIDENCE_FROZEN');
      assert.deepEqual(frozen.body.frozenIn, [1]);
      const added = (await uploadTo(preparer, form.id, pngBytes(), 'added.png')).body;
      assert.equal((await transition(approver, form.id, 'submit')).status, 200);
      const v2 = (await preparer.get(`/api/evaluations/${form.id}/versions`)).body.items[1];
      assert.deepEqual(v2.evidence.map((e: any) => e.fileName), ['kept.pdf', 'added.png']);
      assert.deepEqual((await preparer.get(`/api/evaluations/${form.id}/evidence`)).body.items.map((f: any) => [f.id, f.frozenIn]), [[kept.id, [1, 2]], [added.id, [2]]]);

      const audit = (await preparer.get(`/api/evaluations/${form.id}/audit`)).body.items.filter((e: any) => e.action.startsWith('evidence.'));
      assert.deepEqual(audit.map((e: any) => [e.action, e.user.username]), [
        ['evidence.upload', 'preparer'], ['evidence.upload', 'preparer'], ['evidence.remove', 'approver'], ['evidence.upload', 'preparer'],
      ]);
      assert.equal(audit[0].changes[0].to.sha256, sha(pdf));
    });
  });

  describe('while a rectification item is open (issue 17)', () => {
    test('the unit uploads to an approved form only while an item is open; frozen versions keep their list and hash; an answer cites the file', async () => {
      const form = await newDraft(api);
      const [preparer, approver, reviewer] = [await api.as('preparer'), await api.as('approver'), await api.as('reviewer')];
      const kept = (await uploadTo(preparer, form.id, pdfBytes('before'), 'kept.pdf')).body;
      assert.equal((await transition(approver, form.id, 'submit')).status, 200);
      assert.equal((await transition(reviewer, form.id, 'approve')).status, 200);
      const frozen = (await preparer.get(`/api/evaluations/${form.id}/versions`)).body.items.map((v: any) => [v.number, v.evidence, v.evidenceHash]);
      assert.equal(frozen.length, 2);
      const pdf = pdfBytes('rectified');

      // Approved, no item: as before.
      const locked = await uploadTo(preparer, form.id, pdf, 'measures.pdf');
      assert.equal(locked.status, 409);
      assert.equal(locked.body.error.code, 'EVIDENCE_LOCKED');
      assert.equal((await preparer.get(`/api/evaluations/${form.id}/evidence`)).body.canAttach, false);

      const raised = await reviewer.post(`/api/evaluations/${form.id}/rectifications`, { problem: '缺少整改佐证', requirement: '上传整改材料', dueDate: '2099-12-31' });
      assert.equal(raised.status, 201, JSON.stringify(raised.body));
      const item = raised.body.id;

      // An item open: the unit's preparer and approver upload; nobody else.
      assert.equal((await preparer.get(`/api/evaluations/${form.id}/evidence`)).body.canAttach, true);
      assert.equal((await reviewer.get(`/api/evaluations/${form.id}/evidence`)).body.canAttach, false);
      assert.equal((await uploadTo(await api.as('preparer2'), form.id, pdf, 'x.pdf')).status, 404, 'another unit');
      for (const who of ['reviewer', 'department', 'admin'] as const) assert.equal((await uploadTo(await api.as(who), form.id, pdf, 'x.pdf')).status, 403, who);
      const added = await uploadTo(preparer, form.id, pdf, 'measures.pdf', form.indicatorId);
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const photo = await uploadTo(approver, form.id, pngBytes(), 'site.png');
      assert.equal(photo.status, 201, JSON.stringify(photo.body));
      assert.deepEqual((await reviewer.get(`/api/evaluations/${form.id}/evidence/${added.body.id}`)).body, pdf, 'the reviewer reads it');

      // The frozen versions are untouched: same lists, same hashes, still intact.
      const versions = (await preparer.get(`/api/evaluations/${form.id}/versions`)).body.items;
      assert.deepEqual(versions.map((v: any) => [v.number, v.evidence, v.evidenceHash]), frozen);
      for (const v of versions) {
        assert.equal(v.evidenceHash, manifestHash(v.evidence));
        assert.deepEqual(v.evidence.map((e: any) => e.id), [kept.id]);
        assert.equal(v.evidenceIntact, true);
      }

      // Removal: a frozen file never; an unfrozen one no answer cites, yes.
      const frozenRemoval = await preparer.request('DELETE', `/api/evaluations/${form.id}/evidence/${kept.id}`);
      assert.equal(frozenRemoval.status, 409);
      assert.equal(frozenRemoval.body.error.code, 'EVIDENCE_FROZEN');
      assert.equal((await approver.request('DELETE', `/api/evaluations/${form.id}/evidence/${photo.body.id}`)).status, 204);

      // The answer cites the new file; no item is open now: uploads and removals are refused again.
      const answered = await preparer.post(`/api/rectifications/${item}/answer`, { measures: '已补充整改材料', evidence: [added.body.id] });
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.deepEqual(answered.body.evidence, [{ id: added.body.id, fileName: 'measures.pdf' }]);
      for (const who of [preparer, approver]) {
        const refused = await uploadTo(who, form.id, pngBytes(), 'late.png');
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, 'EVIDENCE_LOCKED');
      }
      assert.equal((await preparer.request('DELETE', `/api/evaluations/${form.id}/evidence/${added.body.id}`)).body.error.code, 'EVIDENCE_LOCKED');
      assert.equal((await preparer.get(`/api/evaluations/${form.id}/evidence`)).body.canAttach, false);

      // Sent back: open again, uploads again; the file the answer cited stays (409 EVIDENCE_CITED).
      assert.equal((await reviewer.post(`/api/rectifications/${item}/send-back`, { reason: '材料不完整' })).status, 200);
      const cited = await preparer.request('DELETE', `/api/evaluations/${form.id}/evidence/${added.body.id}`);
      assert.equal(cited.status, 409);
      assert.equal(cited.body.error.code, 'EVIDENCE_CITED');
      assert.deepEqual(cited.body.citedBy, [item]);
      const more = await uploadTo(approver, form.id, pngBytes(), 'more.png');
      assert.equal(more.status, 201);
      assert.equal((await preparer.post(`/api/rectifications/${item}/answer`, { measures: '再次补充', evidence: [added.body.id, more.body.id] })).status, 200);
      assert.equal((await reviewer.post(`/api/rectifications/${item}/accept`, {})).status, 200);
      assert.equal((await uploadTo(preparer, form.id, pngBytes(), 'after.png')).status, 409, 'closed: refused');

      assert.deepEqual((await preparer.get(`/api/evaluations/${form.id}/versions`)).body.items.map((v: any) => [v.number, v.evidence, v.evidenceHash]), frozen);
      const audit = (await preparer.get(`/api/evaluations/${form.id}/audit`)).body.items.filter((e: any) => e.action.startsWith('evidence.'));
      assert.deepEqual(audit.map((e: any) => [e.action, e.user.username, e.changes[0].to?.fileName ?? e.changes[0].from.fileName]), [
        ['evidence.upload', 'preparer', 'kept.pdf'], ['evidence.upload', 'preparer', 'measures.pdf'], ['evidence.upload', 'approver', 'site.png'],
        ['evidence.remove', 'approver', 'site.png'], ['evidence.upload', 'approver', 'more.png'],
      ]);
    });

    test('an item open on another form of the unit opens nothing here', async () => {
      const id = await api.evaluation('office', 'approved');
      const other = await api.evaluation('office', 'submitted');
      const raised = await (await api.as('reviewer')).post(`/api/evaluations/${other}/rectifications`, { problem: 'p', requirement: 'r', dueDate: '2099-12-31' });
      assert.equal(raised.status, 201, JSON.stringify(raised.body));
      assert.equal((await uploadTo(await api.as('preparer'), id, pdfBytes(), 'x.pdf')).status, 409);
      assert.equal((await uploadTo(await api.as('preparer'), other, pdfBytes(), 'x.pdf')).status, 201);
    });
  });

  describe('public files', () => {
    test('only the reviewer marks; only a published form’s marked files are public', async () => {
      const id = await api.evaluation('office', 'draft');
      const preparer = await api.as('preparer');
      const reviewer = await api.as('reviewer');
      const pdf = pdfBytes('public');
      const shown = (await uploadTo(preparer, id, pdf, '公开材料.pdf')).body;
      const hidden = (await uploadTo(preparer, id, pngBytes(), 'internal.png')).body;
      const mark = (client: Client, fileId: string, value: boolean) => client.post(`/api/evaluations/${id}/evidence/${fileId}/public`, { public: value });
      assert.equal((await mark(preparer, shown.id, true)).status, 403);
      assert.equal((await mark(reviewer, shown.id, true)).status, 404, 'the reviewer does not see a draft');

      for (const action of ['submit'] as const) assert.equal((await transition(await api.as('approver'), id, action)).status, 200);
      for (const who of ['preparer', 'approver', 'department', 'admin'] as const) assert.equal((await mark(await api.as(who), shown.id, true)).status, 403, who);
      assert.equal((await mark(api.anonymous(), shown.id, true)).status, 401);
      const marked = await mark(reviewer, shown.id, true);
      assert.equal(marked.status, 200);
      assert.equal(marked.body.public, true);
      assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}/evidence/${shown.id}`)).status, 404, 'not published yet');

      assert.equal((await transition(reviewer, id, 'approve')).status, 200);
      assert.equal((await transition(reviewer, id, 'publish')).status, 200);
      const page = (await api.anonymous().get(`/api/public/evaluations/${id}`)).body;
      assert.deepEqual(page.evidence.map((f: any) => [f.id, f.fileName]), [[shown.id, '公开材料.pdf']]);
      assert.equal(page.evidence[0].uploadedBy, undefined, 'the public sees no names of staff');
      const download = await api.anonymous().get(`/api/public/evaluations/${id}/evidence/${shown.id}`);
      assert.equal(download.status, 200);
      assert.deepEqual(download.body, pdf);
      assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}/evidence/${hidden.id}`)).status, 404, 'unmarked stays private');

      assert.equal((await mark(reviewer, shown.id, false)).status, 200);
      assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}/evidence/${shown.id}`)).status, 404, 'unmarked again');
      assert.deepEqual((await api.anonymous().get(`/api/public/evaluations/${id}`)).body.evidence, []);
      const audit = (await reviewer.get(`/api/evaluations/${id}/audit`)).body.items.filter((e: any) => e.action === 'evidence.public');
      assert.deepEqual(audit.map((e: any) => e.changes[0].to), [true, false]);
    });
  });
}, { evidence: { maxBytes: MAX_BYTES, maxFiles: MAX_FILES } });
