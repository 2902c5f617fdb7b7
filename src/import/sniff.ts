/** What a file is, from its first bytes, not its name (a PDF named .txt is still a PDF). */
export type FileKind = 'pdf' | 'xlsx' | 'zip' | 'text' | 'binary' | 'empty';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  // "%PDF-" may follow some junk; readers accept it within the first 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
    return names.includes('xl/') || names.includes('[Content_Types].xml') ? 'xlsx' : 'zip';
  }
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/** UTF-8 or UTF-16 with a BOM, without NUL bytes or many control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > sample.length / 100) return false;
  return new TextDecoder('utf-8', { fatal: false }).decode(sample).split('\uFFFD').length - 1 <= sample.length / 200;
}
