/**
 * The evidence of a frozen version: the files attached when the form was submitted or approved
 * (each named by id, name, SHA-256 and size, and the indicator it belongs to), and one hash over
 * the list. The document's own content hash is not touched: a version's document hashes as before.
 */
import { contentHash } from '../model/content-hash.ts';

export interface ManifestEntry {
  id: string;
  fileName: string;
  sha256: string;
  size: number;
  /** The indicator's lineage id; null: the file belongs to the whole form. */
  indicatorId: string | null;
}

/** The list in upload order as the caller gives it, each entry with exactly these fields. */
export function manifestOf(files: readonly ManifestEntry[]): ManifestEntry[] {
  return files.map(({ id, fileName, sha256, size, indicatorId }) => ({ id, fileName, sha256, size, indicatorId }));
}

/** SHA-256 hex of the list's canonical JSON (as the document's content hash is computed). */
export const manifestHash = (manifest: readonly ManifestEntry[]): string => contentHash(manifest);
