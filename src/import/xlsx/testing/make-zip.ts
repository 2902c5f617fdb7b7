/** A minimal zip writer for tests: hand-made archives (bombs, entity bombs, liars) that no library would write. */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

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

const MB = 1024 * 1024;

/** An entry of `megabytes` MB of zeros, deflated as a stream (the zeros are never held whole): a zip bomb's part. */
export function bombEntry(name: string, megabytes: number): Promise<ZipEntrySpec & { deflated: Buffer }> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    deflate.on('end', () => resolve({ name, deflated: Buffer.concat(chunks), size: megabytes * MB, crc: 0 }));
    deflate.on('error', reject);
    const zeros = Buffer.alloc(MB);
    let written = 0;
    const pump = (): void => {
      while (written < megabytes) {
        written++;
        if (!deflate.write(zeros)) return void deflate.once('drain', pump);
      }
      deflate.end();
    };
    pump();
  });
}

/** A workbook part whose sheet name is an entity bomb ("billion laughs"). */
export const BILLION_LAUGHS_WORKBOOK = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&lol9;" sheetId="1"/></sheets></workbook>`;
