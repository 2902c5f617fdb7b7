/**
 * The name an evidence file is shown and downloaded under. What the browser sent is only a hint:
 * a path is cut to its last part, control and bidirectional-override characters (which could make
 * `invoice‮fdp.exe` read as `invoiceexe.pdf`) are dropped, runs of white space become one space,
 * and the name is cut to MAX_NAME characters keeping its extension. A name left empty is `file`.
 */

export const MAX_NAME = 200;

// C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and BOM, lone surrogates.
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

export function displayFileName(sent: string): string {
  const last = sent.split(/[\\/]/u).pop() ?? '';
  let name = last.replace(/[\t\n\v\f\r]/gu, ' ').replace(UNWANTED, '').replace(/\s+/gu, ' ').trim();
  // Leading dots would hide the file on some systems and make `..` a name.
  name = name.replace(/^\.+/u, '').trim();
  if (name === '') return 'file';
  const chars = [...name];
  if (chars.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length > 0 && extension.length <= 16) return chars.slice(0, MAX_NAME - extension.length).join('') + extension.join('');
  return chars.slice(0, MAX_NAME).join('');
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266, RFC 5987 `filename*`). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\;]/gu, '_');
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow them.
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
