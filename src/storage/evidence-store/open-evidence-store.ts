/** The evidence store the configuration names (src/config.ts: JIXIAO_EVIDENCE_*). */
import type { Db } from '../open-database.ts';
import { DatabaseEvidenceStore } from './database-store.ts';
import { DirectoryEvidenceStore } from './directory-store.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { S3EvidenceStore, type S3Settings } from './s3-store.ts';

export type EvidenceStoreSettings = { kind: 'database' } | { kind: 'directory'; directory: string } | ({ kind: 's3' } & S3Settings);

export function openEvidenceStore(settings: EvidenceStoreSettings, db: Db): EvidenceStore {
  switch (settings.kind) {
    case 'database':
      return new DatabaseEvidenceStore(db);
    case 'directory':
      return new DirectoryEvidenceStore(settings.directory);
    case 's3':
      return new S3EvidenceStore(settings);
  }
}
