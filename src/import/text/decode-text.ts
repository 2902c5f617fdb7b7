/**
 * Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything that does not decode,
 * or holds NUL bytes or many control characters, is not text: an extractor never writes those.
 */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Share of control characters (other than tab, line and page breaks) that still passes as text. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): Decoded {
  const { encoding, offset } = sniffEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(offset));
  } catch {
    return { ok: false, reason: `not valid ${encoding}` };
  }
  const problem = binaryProblem(text);
  return problem ? { ok: false, reason: problem } : { ok: true, text, encoding };
}

function sniffEncoding(bytes: Uint8Array): { encoding: string; offset: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', offset: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', offset: 2 };
  return { encoding: 'utf-8', offset: 0 };
}

function binaryProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains NUL characters';
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls > Math.max(2, text.length * MAX_CONTROL_SHARE) ? 'contains control characters' : null;
}

/** Lines of the text; CRLF, CR and page breaks end lines too. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\f/u);
}
