import { chooseTextEncoding } from './text-encoding.ts';

/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK (see
 * text-encoding.ts for how it is told from UTF-8). Anything that mostly does not
 * decode, or holds NUL bytes or many control characters, is not text: an extractor never writes
 * those. A few damaged bytes in an otherwise good file are shown as U+FFFD and their lines named,
 * so that the rest of the form is still read and the damage is reported, not hidden.
 */
export type Decoded =
  | { ok: true; text: string; encoding: string; damagedLines: number[] }
  | { ok: false; reason: string };

/** Share of control characters (other than tab, line and page breaks) that still passes as text. */
const MAX_CONTROL_SHARE = 0.01;
/** Share of undecodable characters that still passes as a damaged text file. */
const MAX_DAMAGED_SHARE = 0.005;

export function decodeText(bytes: Uint8Array): Decoded {
  const { encoding, offset } = chooseTextEncoding(bytes);
  const body = bytes.subarray(offset);
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  const damagedLines = damaged(text, body, encoding);
  if (damagedLines.count > Math.max(2, text.length * MAX_DAMAGED_SHARE)) return { ok: false, reason: `not valid ${encoding}` };
  const problem = binaryProblem(text);
  return problem ? { ok: false, reason: problem } : { ok: true, text, encoding, damagedLines: damagedLines.lines };
}

/** Replacement characters the decoder put in (not those the file itself contains), by line. */
function damaged(text: string, body: Uint8Array, encoding: string): { count: number; lines: number[] } {
  if (!text.includes('\uFFFD')) return { count: 0, lines: [] };
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { count: 0, lines: [] };
  } catch {
    const lines = splitLines(text);
    const hit = lines.flatMap((line, i) => (line.includes('\uFFFD') ? [i + 1] : []));
    return { count: text.split('\uFFFD').length - 1, lines: hit };
  }
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
  // Most text has only \n: a plain split, without a regex, cuts it the same.
  return text.includes('\r') || text.includes('\f') ? text.split(/\r\n|\r|\n|\f/u) : text.split('\n');
}
