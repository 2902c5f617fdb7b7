/**
 * An HTML page's bytes → its text, in the encoding a browser would use: the BOM, else the charset
 * its `<meta>` declares (read with the HTML parser from the page's start, as a browser's prescan
 * does), else what the bytes are (UTF-8 if valid, else GB18030: text-encoding.ts).
 */
import { Parser } from 'htmlparser2';
import { bomEncoding, chooseTextEncoding } from '../text/text-encoding.ts';

/** A browser's prescan looks at the first 1024 bytes; pages saved by hand put more before the meta. */
const PRESCAN_BYTES = 4096;

export interface DecodedHtml {
  text: string;
  /** The TextDecoder label used: `utf-8`, `gb18030`, `utf-16le` … */
  encoding: string;
}

/** The charset of `text/html; charset=gbk`. */
function charsetOfContentType(content: string): string | undefined {
  for (const part of content.split(';')) {
    const [key, value] = part.split('=');
    if (key?.trim().toLowerCase() === 'charset' && value) return value.trim().replace(/^["']|["']$/gu, '');
  }
  return undefined;
}

/** The charset the page's first `<meta>` declares, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found !== undefined || name !== 'meta') return;
      if (attributes.charset) found = attributes.charset.trim();
      else if (attributes['http-equiv']?.toLowerCase() === 'content-type' && attributes.content) found = charsetOfContentType(attributes.content);
    },
  });
  parser.end(Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1'));
  return found;
}

/** A TextDecoder for the label, or none for a label it does not know (then the bytes decide). */
function decoderFor(label: string): string | undefined {
  try {
    // GB2312 and GBK pages are decoded as GB18030, their superset (the WHATWG mapping does the same).
    const encoding = new TextDecoder(label).encoding;
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return undefined;
  }
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.offset)), encoding: bom.encoding };
  const declared = declaredCharset(bytes);
  const encoding = declared === undefined ? undefined : decoderFor(declared);
  // A page saved again in another encoding often keeps its old meta: what does not decode under it is not in it.
  if (encoding !== undefined && encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // fall through to what the bytes are
    }
  }
  const chosen = chooseTextEncoding(bytes);
  return { text: new TextDecoder(chosen.encoding).decode(bytes.subarray(chosen.offset)), encoding: chosen.encoding };
}
