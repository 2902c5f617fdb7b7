/** What a file is, from its first bytes, not its name (a PDF named .txt is still a PDF). */
import { isUtf8 } from 'node:buffer';
import { looksLikeHtml } from './html/sniff-html.ts';
import { isGb18030Text } from './text/text-encoding.ts';
import { compoundKind, OLE2_SIGNATURE } from './convert/compound-file.ts';

export type FileKind = 'pdf' | 'xlsx' | 'docx' | 'html' | 'zip' | 'text' | 'binary' | 'empty' | ConvertedKind;

// issue 15 (convert): what LibreOffice converts before it is read. `xls`: an OLE2 workbook (.xls,
// WPS .et); `doc`: an OLE2 Word document; `ole`: an OLE2 file whose directory lies past the bytes
// given (a file's head), told apart when the whole file is read; `ods`/`odt`: OpenDocument.
export type ConvertedKind = 'xls' | 'doc' | 'ole' | 'ods' | 'odt';

function convertedKind(bytes: Uint8Array): ConvertedKind | 'binary' | undefined {
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    const kind = compoundKind(bytes);
    return kind === 'spreadsheet' ? 'xls' : kind === 'document' ? 'doc' : kind === 'unknown' ? 'ole' : 'binary';
  }
  // An OpenDocument package names its type in its first entry, `mimetype`, stored uncompressed.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
    const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
    const name = Buffer.from(bytes.subarray(30, 30 + nameLength)).toString('latin1');
    const content = 30 + nameLength + extraLength;
    const type = Buffer.from(bytes.subarray(content, content + 60)).toString('latin1');
    if (name === 'mimetype' && type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (name === 'mimetype' && type.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
  }
  return undefined;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  // "%PDF-" may follow some junk; readers accept it within the first 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  const converted = convertedKind(bytes);
  if (converted) return converted;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
    if (names.includes('word/document.xml')) return 'docx';
    return names.includes('xl/') || names.includes('[Content_Types].xml') ? 'xlsx' : 'zip';
  }
  if (!looksLikeText(bytes)) return 'binary';
  return looksLikeHtml(bytes) ? 'html' : 'text';
}

/** UTF-8, GB18030 or UTF-16 with a BOM, without NUL bytes or many control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  const control = controlBytes(sample);
  if (control < 0 || control > sample.length / 100) return false;
  if (undecodable(sample) <= sample.length / 200) return true;
  return isGb18030Text(sample, sample.length < bytes.length);
}

/**
 * Control bytes other than tab, line and page breaks; -1 at a NUL byte. A function of its own:
 * with the loop inline, V8 compiled the loop alone on every call and threw that code away at the
 * first statement after it (a deoptimisation per file).
 */
function controlBytes(sample: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return -1;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control;
}

/**
 * How many U+FFFD a UTF-8 decoder gives for the sample, as decoding it would (the file's own
 * U+FFFD count too), without building the string, which the text reader decodes anyway: valid
 * UTF-8 (nearly every text file) is told by a validator, up to a character cut off at 64 KiB.
 */
function undecodable(sample: Uint8Array): number {
  const complete = completeUtf8Length(sample);
  if (!isUtf8(sample.subarray(0, complete))) return replacements(new TextDecoder('utf-8', { fatal: false }).decode(sample));
  // The valid part ends on a character boundary: the cut character decodes the same on its own.
  return ownReplacements(sample.subarray(0, complete)) + (complete < sample.length ? replacements(new TextDecoder('utf-8', { fatal: false }).decode(sample.subarray(complete))) : 0);
}

const replacements = (text: string) => text.split('\uFFFD').length - 1;

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/** U+FFFD written in the file itself (EF BF BD), in valid UTF-8. */
function ownReplacements(valid: Uint8Array): number {
  const buffer = Buffer.from(valid.buffer, valid.byteOffset, valid.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(REPLACEMENT_UTF8); at >= 0; at = buffer.indexOf(REPLACEMENT_UTF8, at + 3)) count++;
  return count;
}

/** The sample's length without a multi-byte character cut off at its end. */
export function completeUtf8Length(sample: Uint8Array): number {
  // A UTF-8 character is at most 4 bytes: look back over at most 3 continuation bytes to its lead.
  for (let back = 1; back <= Math.min(4, sample.length); back++) {
    const b = sample[sample.length - back]!;
    if (b < 0x80) return sample.length;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return size > back ? sample.length - back : sample.length;
    }
  }
  return sample.length;
}
