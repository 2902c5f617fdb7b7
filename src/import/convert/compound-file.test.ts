/** What an OLE2 compound file holds, told from its directory (issue 15: .xls, .et, .doc). */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sniffKind } from '../sniff.ts';
import { compoundKind, compoundKindOfFile, OLE2_SIGNATURE } from './compound-file.ts';

const END = 0xfffffffe;

/**
 * A compound file of 512-byte sectors: the FAT in sector 0, the directory in the sectors after it
 * (chained in the FAT), four entries a sector, the streams named `names` (the root first).
 */
function compoundFile(names: string[], first = 1): Uint8Array {
  const entries = ['Root Entry', ...names];
  const directorySectors = Math.ceil(entries.length / 4);
  const bytes = new Uint8Array(512 * (1 + first + directorySectors));
  const view = new DataView(bytes.buffer);
  bytes.set(OLE2_SIGNATURE, 0);
  view.setUint16(0x1e, 9, true);
  view.setUint32(0x30, first, true); // the directory starts in sector `first` (a file's streams before it)
  view.setUint32(0x4c, 0, true); // the FAT is sector 0 (128 entries: first + directorySectors stay below)
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
  const fat = 512;
  view.setUint32(fat, 0xfffffffd, true); // sector 0: the FAT itself
  for (let s = first; s < first + directorySectors; s++) view.setUint32(fat + s * 4, s === first + directorySectors - 1 ? END : s + 1, true);
  entries.forEach((name, i) => {
    const at = 512 * (1 + first + Math.floor(i / 4)) + (i % 4) * 128;
    bytes.set(Buffer.from(name, 'utf16le'), at);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

test('a Workbook or Book stream is a spreadsheet (.xls, WPS .et), a WordDocument a document', () => {
  assert.equal(compoundKind(compoundFile(['\u0005SummaryInformation', 'Workbook'])), 'spreadsheet');
  assert.equal(compoundKind(compoundFile(['Book'])), 'spreadsheet');
  assert.equal(compoundKind(compoundFile(['1Table', 'WordDocument', 'Data'])), 'document');
  assert.equal(sniffKind(compoundFile(['Workbook'])), 'xls');
  assert.equal(sniffKind(compoundFile(['WordDocument'])), 'doc');
});

test('the directory is followed through the FAT past its first sector', () => {
  const names = ['\u0005SummaryInformation', '\u0005DocumentSummaryInformation', 'a', 'b', 'c', 'd', 'Workbook'];
  assert.equal(compoundKind(compoundFile(names)), 'spreadsheet');
});

test('another compound file is not read; one whose directory is past the bytes given is told from the whole file', () => {
  assert.equal(compoundKind(compoundFile(['PowerPoint Document'])), 'other');
  assert.equal(sniffKind(compoundFile(['PowerPoint Document'])), 'binary');
  const whole = compoundFile(['a', 'b', 'c', 'd', 'Workbook']);
  assert.equal(sniffKind(whole.subarray(0, 512 * 3)), 'ole');
  assert.equal(sniffKind(whole), 'xls');
});

test('a directory chained onto itself ends the walk', () => {
  const bytes = compoundFile(['a', 'b', 'c', 'd', 'e', 'f']);
  new DataView(bytes.buffer).setUint32(512 + 2 * 4, 1, true); // sector 2 → sector 1 → sector 2 …
  assert.equal(compoundKind(bytes), 'other');
});

test('an OpenDocument package is told by its mimetype entry', () => {
  const odf = (type: string) => {
    const name = Buffer.from('mimetype');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    return new Uint8Array(Buffer.concat([header, name, Buffer.from(type), Buffer.alloc(64)]));
  };
  assert.equal(sniffKind(odf('application/vnd.oasis.opendocument.spreadsheet')), 'ods');
  assert.equal(sniffKind(odf('application/vnd.oasis.opendocument.text')), 'odt');
  assert.equal(sniffKind(odf('application/vnd.oasis.opendocument.presentation')), 'zip');
});

test('an upload whose directory lies past its first 64 KiB is told from the file on disk, sector by sector', () => {
  const bytes = compoundFile(['\u0005SummaryInformation', 'Workbook'], 127); // the directory at 64 KiB
  const path = join(mkdtempSync(join(tmpdir(), 'jixiao-ole-')), 'form.xls');
  writeFileSync(path, bytes);
  assert.equal(sniffKind(bytes.subarray(0, 64 * 1024)), 'ole');
  assert.equal(compoundKindOfFile(path), 'spreadsheet');
  assert.equal(sniffKind(bytes), 'xls');
});
