/**
 * What an uploaded evidence file is, read from the spooled copy on disk: its type from the bytes
 * (core/evidence/file-type.ts; a zip's entry names read with yauzl, at most MAX_ENTRIES of them),
 * its size and SHA-256 (streamed: the file is never whole in memory for this).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import yauzl from 'yauzl';
import { readFileHead } from './file-head.ts';
import { HEAD_BYTES, ole2Type, sniffHead, zipType, type EvidenceType } from '../../core/evidence/file-type.ts';

/** A package with more entries than this is no document of ours (and reading its directory is bounded). */
const MAX_ENTRIES = 20_000;

export async function evidenceTypeOf(path: string, fileName: string): Promise<EvidenceType | null> {
  const head = await readFileHead(path, HEAD_BYTES);
  const kind = sniffHead(head);
  if (kind.kind === 'type') return kind.type;
  if (kind.kind === 'ole2') return ole2Type(fileName);
  if (kind.kind === 'zip') {
    const entries = await zipEntries(path).catch(() => null);
    return entries === null ? null : zipType(entries.names, entries.mimetype);
  }
  return null;
}

export async function sizeAndHash(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: (await stat(path)).size, sha256: hash.digest('hex') };
}


/** The entry names of a zip, and the text of its `mimetype` entry (ODF) when it has one (small: read whole). */
function zipEntries(path: string): Promise<{ names: string[]; mimetype: string | null }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const names: string[] = [];
      let mimetype: string | null = null;
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, mimetype }));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (names.length > MAX_ENTRIES) {
          zip.close();
          return reject(new Error('too many entries'));
        }
        if (entry.fileName !== 'mimetype' || entry.uncompressedSize > 200) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            mimetype = Buffer.concat(chunks).toString('latin1');
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
