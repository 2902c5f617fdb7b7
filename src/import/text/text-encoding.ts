/**
 * Which encoding a text file (or an HTML page without a declared charset) is written in. Valid
 * UTF-8 wins: a GB18030 file is almost never valid UTF-8, while UTF-8 Chinese read as GB18030
 * often decodes without error into nonsense. Otherwise GB18030 (GBK, GB2312: Windows Notepad's
 * "ANSI" on a Chinese system) when the bytes decode as GB18030 without error and hold Chinese.
 */
import { isUtf8 } from 'node:buffer';
import { explain } from '../../core/explanation.ts';
import type { ImportDiagnostic } from '../import-result.ts';

export interface TextEncodingChoice {
  /** A label TextDecoder knows: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`. */
  encoding: string;
  /** Bytes of the BOM to skip. */
  offset: number;
}

/** The encoding from a byte-order mark, if the bytes start with one. */
export function bomEncoding(bytes: Uint8Array): TextEncodingChoice | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', offset: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', offset: 2 };
  return null;
}

/** BOM, else UTF-8 if valid, else GB18030 if it decodes cleanly into Chinese, else UTF-8 (read with its damage shown). */
export function chooseTextEncoding(bytes: Uint8Array): TextEncodingChoice {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  if (!isUtf8(bytes) && isGb18030Text(bytes)) return { encoding: 'gb18030', offset: 0 };
  return { encoding: 'utf-8', offset: 0 };
}

/**
 * Decodes as GB18030 without a single error and holds Chinese: at least half of its non-ASCII
 * characters are CJK ideographs or CJK/full-width punctuation; and is not damaged UTF-8 (UTF-8
 * with a few bad bytes can decode as GB18030 by chance: its other characters are still good
 * UTF-8, while GB18030 text read as UTF-8 is mostly errors). `cutEnd`: the bytes are a sample
 * cut from a longer file, so a character cut off at the end is not an error.
 */
export function isGb18030Text(bytes: Uint8Array, cutEnd = false): boolean {
  if (mostlyUtf8(bytes)) return false;
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes, { stream: cutEnd });
  } catch {
    return false;
  }
  let chinese = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) chinese++;
    else other++;
  }
  return chinese > 0 && chinese >= other;
}

/** Valid UTF-8, or more of its non-ASCII characters decode as UTF-8 than fail to (U+FFFD). */
function mostlyUtf8(bytes: Uint8Array): boolean {
  if (isUtf8(bytes)) return true;
  const text = new TextDecoder('utf-8').decode(bytes);
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  return good >= bad;
}

/** The encoding as people name it in a message: `GB18030`, `UTF-16LE`. */
export function encodingName(encoding: string): string {
  return encoding.toUpperCase();
}

/** The diagnostic that says which decoding was used (given when it is not UTF-8). */
export function encodingDiagnostic(file: string, encoding: string): ImportDiagnostic {
  return { severity: 'info', code: 'TEXT_ENCODING', file, message: explain('import.decodedAs', { encoding: encodingName(encoding) }) };
}
