/**
 * What an OLE2 compound file (legacy `.xls`, WPS `.et`, `.doc`) holds, from the names in its
 * directory: a `Workbook`/`Book` stream is a spreadsheet, a `WordDocument` stream a document. Only
 * the header, the FAT sectors the header lists and the directory's own sectors are read, each at
 * most once, so a hostile file costs a bounded walk.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type CompoundKind = 'spreadsheet' | 'document' | 'other' | 'unknown';

/** Directory sectors walked at most (each holds 4 or 32 entries). */
const MAX_DIRECTORY_SECTORS = 256;
const END_OF_CHAIN = 0xfffffffe;

/**
 * `unknown`: the directory lies beyond the bytes given (only the file's head was read), or the
 * header is damaged; `other`: a compound file of another kind (an .msg, a .ppt, an encrypted package).
 */
export function compoundKind(bytes: Uint8Array): CompoundKind {
  return compoundKindAt((offset, length) => (offset + length <= bytes.length ? bytes.subarray(offset, offset + length) : undefined));
}

/**
 * The same from a file on disk, reading only the sectors the walk needs (at most 365 reads of a
 * sector): an upload's directory may lie anywhere in it, and the file is not loaded to find it.
 */
export function compoundKindOfFile(path: string): CompoundKind {
  const fd = openSync(path, 'r');
  try {
    return compoundKindAt((offset, length) => {
      const buffer = new Uint8Array(length);
      return readSync(fd, buffer, 0, length, offset) === length ? buffer : undefined;
    });
  } finally {
    closeSync(fd);
  }
}

/** `read(offset, length)`: those bytes of the file, or undefined past its end (or the part given). */
type ReadAt = (offset: number, length: number) => Uint8Array | undefined;

function compoundKindAt(read: ReadAt): CompoundKind {
  const header = read(0, 512);
  if (!header) return 'unknown';
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return 'unknown';
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const sectorAt = (sector: number) => (sector + 1) * sectorSize;
  // The FAT sectors the header lists (the first 109; a directory past them is not followed).
  const fatSector = (index: number) => (index < 109 ? view.getUint32(0x4c + index * 4, true) : END_OF_CHAIN);
  const next = (sector: number): number | undefined => {
    const fat = fatSector(Math.floor(sector / perFatSector));
    if (fat >= END_OF_CHAIN) return undefined;
    const entry = read(sectorAt(fat) + (sector % perFatSector) * 4, 4);
    return entry ? new DataView(entry.buffer, entry.byteOffset, 4).getUint32(0, true) : undefined;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  let sector = view.getUint32(0x30, true);
  while (sector < END_OF_CHAIN && !seen.has(sector) && seen.size < MAX_DIRECTORY_SECTORS) {
    seen.add(sector);
    const directory = read(sectorAt(sector), sectorSize);
    if (!directory) return verdict(names) ?? 'unknown';
    const entries = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
    for (let at = 0; at < sectorSize; at += 128) {
      const length = Math.min(entries.getUint16(at + 64, true), 64);
      const type = directory[at + 66];
      // 2: a stream; the name is UTF-16LE with its terminating NUL counted in the length.
      if (type === 2 && length >= 2) names.push(Buffer.from(directory.subarray(at, at + length - 2)).toString('utf16le'));
    }
    const found = verdict(names);
    if (found) return found;
    const following = next(sector);
    if (following === undefined) return 'unknown';
    sector = following;
  }
  return verdict(names) ?? 'other';
}

function verdict(names: readonly string[]): CompoundKind | undefined {
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('workbook') || lower.includes('book')) return 'spreadsheet';
  if (lower.includes('worddocument')) return 'document';
  return undefined;
}
