/** A minimal zip writer for tests: hand-made archives (bombs, entity bombs, liars) that no library would write. */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The entry's content; or give `deflated` and `size` for content too large to hold. */
  data?: Buffer;
  deflated?: Buffer;
  size?: number;
  crc?: number;
  /** Declare this uncompressed size instead of the real one (a lying archive). */
  declaredSize?: number;
}

function header(fields: [number, 2 | 4][]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((n, [, width]) => n + width, 0));
  let offset = 0;
  for (const [value, width] of fields) {
    if (width === 2) buffer.writeUInt16LE(value, offset);
    else buffer.writeUInt32LE(value >>> 0, offset);
    offset += width;
  }
  return buffer;
}

export function makeZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflated ?? deflateRawSync(entry.data ?? Buffer.alloc(0));
    const size = entry.declaredSize ?? entry.size ?? entry.data?.length ?? 0;
    const crc = entry.crc ?? crc32(entry.data ?? Buffer.alloc(0));
    const common: [number, 2 | 4][] = [[20, 2], [0x0800, 2], [8, 2], [0, 2], [0, 2], [crc, 4], [body.length, 4], [size, 4], [name.length, 2], [0, 2]];
    const local = Buffer.concat([header([[0x04034b50, 4], ...common]), name, body]);
    centrals.push(Buffer.concat([header([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), name]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = header([[0x06054b50, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [central.length, 4], [offset, 4], [0, 2]]);
  return Buffer.concat([...locals, central, end]);
}
