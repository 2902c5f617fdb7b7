/**
 * A local S3-compatible server for the S3 evidence store's tests: s3rver (Node, no download), on a
 * free port with a bucket in a temporary directory. It checks request signatures against its
 * default key pair S3RVER/S3RVER.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import type { S3Settings } from '../../../src/storage/evidence-store/s3-store.ts';

export interface LocalS3 {
  settings: S3Settings;
  /** The directory s3rver keeps its objects in. */
  directory: string;
  stop(): Promise<void>;
}

export async function startLocalS3(bucket = 'jixiao-evidence'): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'jixiao-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  return {
    settings: { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'test/' },
    directory,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
