/**
 * Whether text bytes are an HTML page: after a BOM, white space and comments, it opens with
 * `<!doctype html`, `<html` or `<table` (a spreadsheet's "save as web page", a page saved from a
 * site, or a bare table). Only the start is looked at, as a browser's sniffing does.
 */
import { bomEncoding } from '../text/text-encoding.ts';

const OPENINGS = ['<!doctype html', '<html', '<table', '<head', '<meta', '<?xml'];
const HEAD_CHARS = 1024;

export function looksLikeHtml(bytes: Uint8Array): boolean {
  const bom = bomEncoding(bytes);
  const head = bytes.subarray(bom?.offset ?? 0, (bom?.offset ?? 0) + HEAD_CHARS * 2);
  // Only ASCII is compared, so a Latin-1 reading is enough for UTF-8 and GB18030 alike.
  let text = new TextDecoder(bom && bom.encoding !== 'utf-8' ? bom.encoding : 'latin1').decode(head).toLowerCase();
  for (;;) {
    text = text.trimStart();
    if (!text.startsWith('<!--')) break;
    const end = text.indexOf('-->');
    if (end < 0) return false;
    text = text.slice(end + 3);
  }
  if (text.startsWith('<?xml')) return text.includes('<html');
  return OPENINGS.some((opening) => text.startsWith(opening));
}
