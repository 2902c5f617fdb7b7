/**
 * Looks inside an XLSX (a zip of XML parts) before any spreadsheet library does, so that a zip
 * bomb or an XML entity bomb (billion laughs) is refused with a reason instead of exhausting
 * memory. The central directory gives the entry count and the declared sizes; every entry is
 * then inflated as a stream and dropped (yauzl checks the real size against the declared one),
 * and XML parts are scanned for DOCTYPE and ENTITY declarations, which a spreadsheet never needs.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** Why a file is refused: a message key under `xlsx.` and its parameters. */
export interface ZipRefusal {
  code: 'EMPTY_FILE' | 'NOT_XLSX' | 'ENCRYPTED' | 'UNREADABLE_FILE' | 'ZIP_BOMB' | 'XML_ENTITIES';
  key: string;
  params: Record<string, string | number>;
}

const ZIP_MAGIC = [0x50, 0x4b];
/** OLE compound file: how Office stores a password-protected XLSX, and the old .xls. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const XML_PART = /\.(xml|rels|vml)$/iu;
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/iu;
const WORKBOOK_PART = /^xl\/workbook\.xml$/iu;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function refuse(code: ZipRefusal['code'], key: string, params: ZipRefusal['params'] = {}): ZipRefusal {
  return { code, key: `xlsx.${key}`, params };
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });
}

/** Every entry of the central directory, without inflating anything. */
function listEntries(zip: ZipFile, limits: ZipLimits): Promise<Entry[] | ZipRefusal> {
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return Promise.resolve(refuse('ZIP_BOMB', 'tooManyEntries', { count: zip.entryCount, max: limits.maxEntries }));
  }
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function checkSizes(entries: readonly Entry[], limits: ZipLimits, mainPart: RegExp): ZipRefusal | undefined {
  let total = 0;
  for (const entry of entries) {
    if (entry.isEncrypted()) return refuse('ENCRYPTED', 'encryptedEntry', { entry: entry.fileName });
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) return refuse('ZIP_BOMB', 'tooLarge', { megabytes: Math.round(limits.maxTotalBytes / 1048576) });
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      return refuse('ZIP_BOMB', 'ratio', { entry: entry.fileName, ratio: Math.round(ratio), max: limits.maxRatio });
    }
  }
  if (!entries.some((e) => mainPart.test(e.fileName))) return refuse('NOT_XLSX', 'notWorkbook');
  return undefined;
}

/**
 * Inflates one entry as a stream (yauzl stops an entry that inflates past its declared size)
 * and, for an XML part, reports whether it declares a DOCTYPE or ENTITY.
 */
function declaresEntities(zip: ZipFile, entry: Entry): Promise<boolean> {
  const xml = XML_PART.test(entry.fileName);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      let tail = '';
      let found = false;
      stream.on('data', (chunk: Buffer) => {
        if (!xml) return;
        // Zero bytes dropped so that UTF-16 text is searched as well; the tail joins chunk edges.
        const text = tail + chunk.toString('latin1').replace(/\0/gu, '');
        if (DECLARATION.test(text)) {
          found = true;
          stream.destroy();
          resolve(true);
        }
        tail = text.slice(-16);
      });
      stream.on('end', () => resolve(found));
      stream.on('error', (e) => (found ? resolve(true) : reject(e)));
    });
  });
}

async function scanEntries(bytes: Uint8Array, entries: readonly Entry[]): Promise<ZipRefusal | undefined> {
  const zip = await openZip(bytes);
  try {
    // Every entry, not only XML: a part that lies about its size must not reach the spreadsheet library.
    for (const entry of entries) {
      if (await declaresEntities(zip, entry)) return refuse('XML_ENTITIES', 'doctype', { entry: entry.fileName });
    }
    return undefined;
  } finally {
    zip.close();
  }
}

/**
 * Undefined when the bytes are a plain XLSX within the limits; else the reason to refuse them.
 * `mainPart`: the part the package must hold (the .docx reader asks for word/document.xml).
 */
export async function inspectXlsxZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, mainPart: RegExp = WORKBOOK_PART): Promise<ZipRefusal | undefined> {
  if (bytes.byteLength === 0) return refuse('EMPTY_FILE', 'empty');
  if (startsWith(bytes, OLE_MAGIC)) return refuse('ENCRYPTED', 'encryptedOrLegacy');
  if (!startsWith(bytes, ZIP_MAGIC)) return refuse('NOT_XLSX', 'notZip');
  let entries: Entry[] | ZipRefusal;
  try {
    entries = await listEntries(await openZip(bytes), limits);
  } catch (error) {
    return refuse('UNREADABLE_FILE', 'truncated', { reason: error instanceof Error ? error.message : String(error) });
  }
  if (!Array.isArray(entries)) return entries;
  const sizes = checkSizes(entries, limits, mainPart);
  if (sizes) return sizes;
  try {
    return await scanEntries(bytes, entries);
  } catch (error) {
    return refuse('UNREADABLE_FILE', 'truncated', { reason: error instanceof Error ? error.message : String(error) });
  }
}
