/**
 * The evidence stores behind their port, each on what runs here: the database store on SQLite
 * (blob) and PostgreSQL (bytea), the directory store on a temporary directory, the S3 store on
 * s3rver (a local S3-compatible server); then the API end to end with the directory and the S3
 * store (the configurations of a PostgreSQL deployment): the bytes go there, not to the database.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { evidenceConfig, readConfig } from '../../src/config.ts';
import { DatabaseEvidenceStore } from '../../src/storage/evidence-store/database-store.ts';
import { DirectoryEvidenceStore } from '../../src/storage/evidence-store/directory-store.ts';
import { evidenceKey, type EvidenceStore } from '../../src/storage/evidence-store/evidence-store.ts';
import { S3EvidenceStore } from '../../src/storage/evidence-store/s3-store.ts';
import { forEachDatabase } from '../../src/storage/test-databases.testing.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { evidenceUpload, pdfBytes } from './support/evidence-files.ts';
import { startLocalS3, type LocalS3 } from './support/s3rver.ts';

/** Every byte value, and more than one network packet of them. */
const ALL_BYTES = Uint8Array.from({ length: 256 * 300 }, (_, i) => i % 256);

function storeContract(store: () => EvidenceStore) {
  test('put, get the same bytes, delete; nothing under an unknown key; keys only of jixiao’s making', async () => {
    const key = evidenceKey(crypto.randomUUID(), crypto.randomUUID());
    assert.equal(await store().get(key), null);
    await store().put(key, ALL_BYTES);
    assert.deepEqual(await store().get(key), ALL_BYTES);
    await store().delete(key);
    assert.equal(await store().get(key), null);
    await store().delete(key); // deleting what is gone is no error
    await assert.rejects(() => store().put('../../etc/passwd', ALL_BYTES), /not a key/u);
    await assert.rejects(() => store().get('evidence/a/../../b'), /not a key/u);
  });
}

forEachDatabase('the database evidence store', (database) => {
  storeContract(() => new DatabaseEvidenceStore(database().db));
});

describe('the directory evidence store', () => {
  let directory = '';
  before(async () => { directory = await mkdtemp(join(tmpdir(), 'jixiao-evidence-')); });
  after(() => rm(directory, { recursive: true, force: true }));
  storeContract(() => new DirectoryEvidenceStore(directory));
  test('a file per key under the directory, no temporary file left', async () => {
    const key = evidenceKey('e1', 'f1');
    await new DirectoryEvidenceStore(directory).put(key, ALL_BYTES);
    assert.deepEqual(new Uint8Array(await readFile(join(directory, 'evidence', 'e1', 'f1'))), ALL_BYTES);
  });
});

describe('the S3 evidence store (s3rver)', () => {
  let s3: LocalS3 | undefined;
  before(async () => { s3 = await startLocalS3(); });
  after(() => s3?.stop());
  storeContract(() => new S3EvidenceStore(s3!.settings));
  // s3rver checks the key id but does not verify SigV4 signatures (it says so in its source): the signing is aws4fetch's.
  test('an unknown key is refused by the server, and the error says what it answered', async () => {
    const store = new S3EvidenceStore({ ...s3!.settings, accessKeyId: 'NOT-A-KEY' });
    await assert.rejects(() => store.put(evidenceKey('e', 'f'), ALL_BYTES), /PUT evidence\/e\/f answered 403 InvalidAccessKeyId/u);
  });
});

test('keys: UUIDs as they are, any other id as its SHA-256 (never a path of the user’s making)', () => {
  const id = crypto.randomUUID();
  assert.equal(evidenceKey(id, 'f1'), `evidence/${id}/f1`);
  assert.match(evidenceKey('../Demo_1', 'f1'), /^evidence\/[0-9a-f]{64}\/f1$/u);
});

test('the configuration chooses the store: database by default, a directory or S3 when named', () => {
  assert.deepEqual(evidenceConfig(readConfig({})), { store: { kind: 'database' }, maxBytes: 20 * 1048576, maxFiles: 100 });
  assert.deepEqual(evidenceConfig(readConfig({ JIXIAO_EVIDENCE_DIR: '/srv/evidence', JIXIAO_EVIDENCE_MAX_MB: '5' })).store, { kind: 'directory', directory: '/srv/evidence' });
  assert.equal(evidenceConfig(readConfig({ JIXIAO_EVIDENCE_MAX_MB: '5', JIXIAO_EVIDENCE_MAX_FILES: '7' })).maxBytes, 5 * 1048576);
  const s3 = evidenceConfig(readConfig({
    JIXIAO_EVIDENCE_S3_ENDPOINT: 'https://s3.example.com', JIXIAO_EVIDENCE_S3_BUCKET: 'jixiao', JIXIAO_EVIDENCE_S3_ACCESS_KEY_ID: 'k', JIXIAO_EVIDENCE_S3_SECRET_ACCESS_KEY: 's',
  }));
  assert.deepEqual(s3.store, { kind: 's3', endpoint: 'https://s3.example.com', bucket: 'jixiao', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', prefix: '' });
  assert.throws(() => evidenceConfig(readConfig({ JIXIAO_EVIDENCE_STORE: 'directory' })), /JIXIAO_EVIDENCE_DIR: required/u);
  assert.throws(() => evidenceConfig(readConfig({ JIXIAO_EVIDENCE_STORE: 's3', JIXIAO_EVIDENCE_S3_BUCKET: 'bucket' })), /JIXIAO_EVIDENCE_S3_ENDPOINT: required/u);
  assert.throws(() => readConfig({ JIXIAO_EVIDENCE_STORE: 'ftp' }), /JIXIAO_EVIDENCE_STORE/u);
});

/** A store made once the suite has started (the S3 server's port is known only then). */
class LateStore implements EvidenceStore {
  inner: EvidenceStore | null = null;
  get kind() { return this.inner!.kind; }
  put(key: string, bytes: Uint8Array) { return this.inner!.put(key, bytes); }
  get(key: string) { return this.inner!.get(key); }
  delete(key: string) { return this.inner!.delete(key); }
}

for (const kind of ['directory', 's3'] as const) {
  const store = new LateStore();
  let stop: () => Promise<void> = async () => {};
  let where = '';
  describe(`the API with the ${kind} store`, () => {
    before(async () => {
      if (kind === 'directory') {
        where = await mkdtemp(join(tmpdir(), 'jixiao-evidence-api-'));
        store.inner = new DirectoryEvidenceStore(where);
        stop = () => rm(where, { recursive: true, force: true });
      } else {
        const s3 = await startLocalS3();
        where = s3.directory;
        store.inner = new S3EvidenceStore(s3.settings);
        stop = s3.stop;
      }
    });
    after(() => stop());
    forEachApi(`evidence in the ${kind} store`, (api) => {
      test('upload, download: the bytes are in the store, none in the database', async () => {
        const preparer = await api.as('preparer');
        const id = (await preparer.post('/api/evaluations', { evaluation: seedEvaluations()[1] })).body.id;
        const pdf = pdfBytes(kind);
        const up = await preparer.request('POST', `/api/evaluations/${id}/evidence`, { rawBody: evidenceUpload(pdf, `${kind}.pdf`) });
        assert.equal(up.status, 201, JSON.stringify(up.body));
        const down = await preparer.get(`/api/evaluations/${id}/evidence/${up.body.id}`);
        assert.equal(down.status, 200);
        assert.deepEqual(down.body, pdf);
        assert.deepEqual(await store.get(evidenceKey(id, up.body.id)), pdf);
        const blobs = await api.database().db.selectFrom('evidence_blobs').select('key').execute();
        assert.deepEqual(blobs, [], 'nothing in the database store');
        if (kind === 'directory') assert.ok(existsSync(join(where, 'evidence', id, up.body.id)));
      });
    }, { evidence: { store } });
  });
}
