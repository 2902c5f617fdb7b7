/**
 * The type of an evidence file, told from its bytes (never from its name or the browser's word):
 * PDF, PNG, JPEG, GIF, WEBP; Office documents as zip packages (OOXML: `[Content_Types].xml` and
 * its `word/`, `xl/` or `ppt/` part; ODF: the `mimetype` entry first) or as OLE2 compound files
 * (.doc/.xls/.ppt: the container does not say which, so the name's extension chooses among the
 * three, and nothing else in an OLE2 container is taken). Anything else is refused. Pure: the
 * caller reads the head of the file and, for a zip, its entry names.
 */

export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
} as const;

export type EvidenceType = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];

/** How many bytes of the head `sniff` looks at. */
export const HEAD_BYTES = 128;

/** What the head says the file is; `zip` and `ole2` need a second look (`zipType`, `ole2Type`). */
export type HeadKind = { kind: 'type'; type: EvidenceType } | { kind: 'zip' } | { kind: 'ole2' } | { kind: 'unknown' };

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffHead(head: Uint8Array): HeadKind {
  // A PDF may have a little before its header (the specification lets readers look in the first 1024 bytes); jixiao asks it first.
  if (startsWith(head, ascii('%PDF-'))) return { kind: 'type', type: EVIDENCE_TYPES.pdf };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'type', type: EVIDENCE_TYPES.png };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'type', type: EVIDENCE_TYPES.jpeg };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { kind: 'type', type: EVIDENCE_TYPES.gif };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { kind: 'type', type: EVIDENCE_TYPES.webp };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'zip' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole2' };
  return { kind: 'unknown' };
}

/**
 * A zip package's type from its entries: ODF names its type in the `mimetype` entry (given as
 * `odfMimetype`, its text); OOXML has `[Content_Types].xml` and the main part's folder.
 */
export function zipType(entryNames: readonly string[], odfMimetype: string | null): EvidenceType | null {
  const odf = odfMimetype?.trim();
  if (odf === EVIDENCE_TYPES.odt || odf === EVIDENCE_TYPES.ods || odf === EVIDENCE_TYPES.odp) return odf;
  if (!entryNames.includes('[Content_Types].xml')) return null;
  if (entryNames.some((n) => n.startsWith('word/'))) return EVIDENCE_TYPES.docx;
  if (entryNames.some((n) => n.startsWith('xl/'))) return EVIDENCE_TYPES.xlsx;
  if (entryNames.some((n) => n.startsWith('ppt/'))) return EVIDENCE_TYPES.pptx;
  return null;
}

/** An OLE2 compound file is a Word, Excel or PowerPoint file of the old formats when its name says which. */
export function ole2Type(fileName: string): EvidenceType | null {
  const extension = /\.([a-z]+)$/iu.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'doc') return EVIDENCE_TYPES.doc;
  if (extension === 'xls') return EVIDENCE_TYPES.xls;
  if (extension === 'ppt') return EVIDENCE_TYPES.ppt;
  return null;
}
