/**
 * Evidence contents in an S3-compatible object store (AWS S3, MinIO, Ceph, a cloud's OSS with its
 * S3 API): one object per key in one bucket, path-style URLs (`endpoint/bucket/key`, which every
 * S3-compatible server answers), requests signed with AWS Signature V4 by aws4fetch.
 */
import { AwsClient } from 'aws4fetch';
import { checkedKey, type EvidenceStore } from './evidence-store.ts';

export interface S3Settings {
  /** `https://s3.example.com` (no bucket in it). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key (`jixiao/`), so that one bucket can serve several installations. */
  prefix?: string;
}

export class S3EvidenceStore implements EvidenceStore {
  readonly kind = 's3';
  private readonly client: AwsClient;
  private readonly base: string;
  private readonly prefix: string;

  constructor(settings: S3Settings) {
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3', retries: 2 });
    this.base = `${settings.endpoint.replace(/\/+$/u, '')}/${encodeURIComponent(settings.bucket)}/`;
    this.prefix = settings.prefix ?? '';
  }

  private url(key: string): string {
    return this.base + `${this.prefix}${checkedKey(key)}`.split('/').map(encodeURIComponent).join('/');
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'PUT', body: bytes as Uint8Array<ArrayBuffer>, headers: { 'content-type': 'application/octet-stream' } });
    await expectOk(res, 'PUT', key);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.client.fetch(this.url(key), { method: 'GET' });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    await expectOk(res, 'GET', key, false);
    return new Uint8Array(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'DELETE' });
    if (res.status === 404) return;
    await expectOk(res, 'DELETE', key);
  }
}

/** A failed request names the operation, the key and what the store said (its XML error code). */
async function expectOk(res: Response, operation: string, key: string, drain = true): Promise<void> {
  if (res.ok) {
    if (drain) await res.body?.cancel();
    return;
  }
  const text = await res.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/u.exec(text)?.[1] ?? text.slice(0, 200);
  throw new Error(`evidence store (S3): ${operation} ${key} answered ${res.status} ${code}`);
}
