/**
 * Whether a PDF carries JavaScript. A self-evaluation form never needs any, and a PDF that does is
 * more likely a trap than a form: it is refused with a reason rather than read (pdf.js is run with
 * scripting off, so nothing would execute here; the refusal keeps such files out of the system).
 *
 * Two looks, because JavaScript can hide from either one: the raw bytes outside stream data, for the
 * names /JS and /JavaScript (also written with #hh escapes, /J#53), which finds them in any uncompressed object
 * (annotations, form fields, pages); and pdf.js's parsed catalog (the document's name tree,
 * OpenAction and additional actions), which finds them inside compressed object streams too.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** PDF white space (PDF 32000-1, 7.2.2). Not `\s`: in a `u` regex it also takes U+00A0, the latin1 byte 0xA0. */
const SPACE = '\\0\\t\\n\\f\\r ';
const DELIMITER = '/<>[\\]()%{}';
/** A PDF name token: `/` then regular characters (PDF 32000-1, 7.3.5). */
const NAME = new RegExp(`/[^${SPACE}${DELIMITER}]+`, 'gu');
const PLAIN = new RegExp(`/(?:JavaScript|JS)(?=[${SPACE}${DELIMITER}]|$)`, 'u');
/**
 * A stream's data, from the `stream` keyword after its dictionary to `endstream` (7.3.8): binary
 * (compressed) bytes, where any run of bytes can happen to spell `/JS`. Names are never in there.
 */
const STREAM_DATA = new RegExp(`>>[${SPACE}]*stream(?:\\r\\n|\\n)[^]*?endstream`, 'gu');
const SCRIPT_NAMES = new Set(['JS', 'JavaScript']);

function decodeName(token: string): string {
  return token.slice(1).replace(/#([0-9a-fA-F]{2})/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first script name found in the bytes as they are, or null. */
export function scriptNameInBytes(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(STREAM_DATA, '>> ');
  const plain = PLAIN.exec(text);
  if (plain) return plain[0];
  if (!text.includes('#')) return null;
  for (const [token] of text.matchAll(NAME)) {
    if (token.includes('#') && SCRIPT_NAMES.has(decodeName(token))) return token;
  }
  return null;
}

/** The kinds of the document-level JavaScript actions pdf.js finds (OpenAction, name tree, AA), or null. */
export async function scriptActionsOf(doc: PDFDocumentProxy): Promise<string | null> {
  const actions = (await doc.getJSActions()) as Record<string, unknown> | null;
  const names = actions ? Object.keys(actions) : [];
  return names.length > 0 ? names.join(', ') : null;
}
