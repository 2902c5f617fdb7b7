/**
 * A fast subset of a CID-keyed CFF font (the OpenType 'CFF ' table of Noto Sans SC), for
 * embedding in a PDF as FontFile3/CIDFontType0C.
 *
 * fontkit's own subsetter writes the same structure through its generic struct encoder, which
 * spends ~10 ms a document on this font: one of its Private DICTs has 22,293 local subroutines,
 * each re-read and re-encoded for every document. Here the font's CFF is parsed once per
 * process into raw byte ranges, and a subset is written straight into one buffer: the used
 * charstrings and subroutines are copied byte for byte, the unused subroutines become a bare
 * `return` (so subroutine numbers and their bias stay valid), and the DICTs are copied operator
 * by operator with only the offsets, the CID count and the registry/ordering rewritten. The
 * subroutine INDEXes end after the last subroutine used, where that keeps the bias.
 *
 * It has the interface of fontkit's `font.createSubset()` as pdfkit uses it (`includeGlyph`,
 * `encode`, `cff`); glyph N of the subset is CID N, as fontkit numbers them, or each glyph
 * keeps its glyph id as its CID (`encode(true)`, as embedded-font.ts embeds the forms' font).
 */
import type * as fontkit from 'fontkit';

interface Index {
  count: number;
  /** Absolute position of each entry's first byte; `count + 1` positions, the last one the end. */
  starts: Uint32Array;
}

interface DictEntry {
  /** The operator: b0, or 1200 + b1 for the escaped (12 b1) operators. */
  op: number;
  /** The operand bytes as they are in the font. */
  raw: Uint8Array;
  /** The operands as numbers (reals decoded too); only integer ones are used here. */
  values: number[];
}

interface FontDictPart {
  /** The Font DICT without FontName and Private. */
  entries: DictEntry[];
  /** The Private DICT without Subrs. */
  privateEntries: DictEntry[];
  subrs?: Index;
}

interface ParsedCff {
  bytes: Uint8Array;
  name: Uint8Array;
  topEntries: DictEntry[];
  strings: Uint8Array[];
  gsubrs: Index;
  charStrings: Index;
  fdOf: (gid: number) => number;
  fonts: FontDictPart[];
}

const OP = {
  charset: 15,
  Encoding: 16,
  CharStrings: 17,
  Private: 18,
  Subrs: 19,
  UniqueID: 13,
  XUID: 14,
  ROS: 1230,
  CIDCount: 1234,
  UIDBase: 1235,
  FDArray: 1236,
  FDSelect: 1237,
  FontName: 1238,
} as const;

/** The first string id of a font's own String INDEX (after the standard strings). */
const STANDARD_STRINGS = 391;
/** The Type 2 charstring `return` operator: what an unused subroutine is cut down to. */
const RETURN = 11;

function readIndex(b: Uint8Array, pos: number): [Index, number] {
  const count = (b[pos]! << 8) | b[pos + 1]!;
  if (count === 0) return [{ count: 0, starts: new Uint32Array([pos + 2]) }, pos + 2];
  const offSize = b[pos + 2]!;
  const offsetsAt = pos + 3;
  const dataStart = offsetsAt + (count + 1) * offSize - 1;
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i <= count; i++) {
    let offset = 0;
    for (let k = 0; k < offSize; k++) offset = offset * 256 + b[offsetsAt + i * offSize + k]!;
    starts[i] = dataStart + offset;
  }
  return [{ count, starts }, starts[count]!];
}

function entryOf(index: Index, bytes: Uint8Array, i: number): Uint8Array {
  return bytes.subarray(index.starts[i]!, index.starts[i + 1]!);
}

const REAL_NIBBLES = '0123456789.EE?-';

function readDict(b: Uint8Array, start: number, end: number): DictEntry[] {
  const entries: DictEntry[] = [];
  let operandsStart = start;
  let values: number[] = [];
  let p = start;
  while (p < end) {
    const b0 = b[p]!;
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + b[p + 1]! : b0;
      entries.push({ op, raw: b.subarray(operandsStart, p), values });
      p += b0 === 12 ? 2 : 1;
      operandsStart = p;
      values = [];
    } else if (b0 === 28) {
      values.push(((b[p + 1]! << 24) | (b[p + 2]! << 16)) >> 16);
      p += 3;
    } else if (b0 === 29) {
      values.push((b[p + 1]! << 24) | (b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!);
      p += 5;
    } else if (b0 === 30) {
      let text = '';
      for (p++; ; p++) {
        const hi = b[p]! >> 4;
        const lo = b[p]! & 15;
        if (hi === 15) break;
        text += hi === 12 ? 'E-' : REAL_NIBBLES[hi];
        if (lo === 15) break;
        text += lo === 12 ? 'E-' : REAL_NIBBLES[lo];
      }
      p++;
      values.push(Number(text));
    } else if (b0 >= 32 && b0 <= 246) {
      values.push(b0 - 139);
      p += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      values.push((b0 - 247) * 256 + b[p + 1]! + 108);
      p += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      values.push(-(b0 - 251) * 256 - b[p + 1]! - 108);
      p += 2;
    } else {
      throw new Error(`CFF DICT: bad operand byte ${b0} at ${p}`);
    }
  }
  return entries;
}

function valueOf(entries: readonly DictEntry[], op: number): number[] | undefined {
  return entries.find((e) => e.op === op)?.values;
}

function fdSelector(b: Uint8Array, pos: number, glyphCount: number): (gid: number) => number {
  const format = b[pos]!;
  if (format === 0) return (gid) => b[pos + 1 + gid]!;
  if (format !== 3) throw new Error(`CFF FDSelect format ${format} is not supported`);
  const nRanges = (b[pos + 1]! << 8) | b[pos + 2]!;
  const firsts = new Uint32Array(nRanges + 1);
  const fds = new Uint8Array(nRanges);
  for (let i = 0; i < nRanges; i++) {
    firsts[i] = (b[pos + 3 + i * 3]! << 8) | b[pos + 4 + i * 3]!;
    fds[i] = b[pos + 5 + i * 3]!;
  }
  firsts[nRanges] = glyphCount;
  return (gid) => {
    let low = 0;
    let high = nRanges - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firsts[mid]! <= gid) low = mid;
      else high = mid - 1;
    }
    return fds[low]!;
  };
}

function parseCff(bytes: Uint8Array): ParsedCff {
  if (bytes[0] !== 1) throw new Error(`CFF version ${bytes[0]} is not supported`);
  const [names, afterNames] = readIndex(bytes, bytes[2]!);
  const [tops, afterTops] = readIndex(bytes, afterNames);
  const [stringIndex, afterStrings] = readIndex(bytes, afterTops);
  const [gsubrs] = readIndex(bytes, afterStrings);
  if (tops.count !== 1) throw new Error('CFF: only a single font is supported');
  const topEntries = readDict(bytes, tops.starts[0]!, tops.starts[1]!);
  const charStringsAt = valueOf(topEntries, OP.CharStrings)?.[0];
  const fdArrayAt = valueOf(topEntries, OP.FDArray)?.[0];
  const fdSelectAt = valueOf(topEntries, OP.FDSelect)?.[0];
  if (valueOf(topEntries, OP.ROS) === undefined || charStringsAt === undefined || fdArrayAt === undefined || fdSelectAt === undefined) {
    throw new Error('CFF: not a CID-keyed font');
  }
  const [charStrings] = readIndex(bytes, charStringsAt);
  const [fdArray] = readIndex(bytes, fdArrayAt);
  const fonts: FontDictPart[] = [];
  for (let i = 0; i < fdArray.count; i++) {
    const entries = readDict(bytes, fdArray.starts[i]!, fdArray.starts[i + 1]!);
    const [privateSize, privateAt] = valueOf(entries, OP.Private) ?? [0, 0];
    const privateEntries = readDict(bytes, privateAt!, privateAt! + privateSize!);
    const subrsAt = valueOf(privateEntries, OP.Subrs)?.[0];
    fonts.push({
      entries: entries.filter((e) => e.op !== OP.Private && e.op !== OP.FontName),
      privateEntries: privateEntries.filter((e) => e.op !== OP.Subrs),
      ...(subrsAt !== undefined ? { subrs: readIndex(bytes, privateAt! + subrsAt)[0] } : {}),
    });
  }
  return {
    bytes,
    name: entryOf(names, bytes, 0),
    topEntries,
    strings: Array.from({ length: stringIndex.count }, (_, i) => entryOf(stringIndex, bytes, i)),
    gsubrs,
    charStrings,
    fdOf: fdSelector(bytes, fdSelectAt, charStrings.count),
    fonts,
  };
}

// ---- writing ----

/** The bytes of an operator. */
function opBytes(op: number): number[] {
  return op >= 1200 ? [12, op - 1200] : [op];
}

/** An integer operand in the 5-byte form, so that a DICT's size does not depend on the offsets in it. */
function int32(value: number): number[] {
  return [29, (value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}

function shortInt(value: number): number[] {
  if (value >= -107 && value <= 107) return [value + 139];
  return int32(value);
}

/** A DICT: copied entries and rewritten ones, `{op, operands}` with operands already encoded. */
function dictBytes(copied: readonly DictEntry[], rewritten: readonly { op: number; operands: number[] }[]): Uint8Array {
  let size = 0;
  for (const e of copied) size += e.raw.length + opBytes(e.op).length;
  for (const e of rewritten) size += e.operands.length + opBytes(e.op).length;
  const out = new Uint8Array(size);
  let p = 0;
  // ROS must come first in a CIDFont's Top DICT.
  for (const e of rewritten.filter((r) => r.op === OP.ROS)) {
    out.set(e.operands, p);
    p += e.operands.length;
    for (const b of opBytes(e.op)) out[p++] = b;
  }
  for (const e of copied) {
    out.set(e.raw, p);
    p += e.raw.length;
    for (const b of opBytes(e.op)) out[p++] = b;
  }
  for (const e of rewritten) {
    if (e.op === OP.ROS) continue;
    out.set(e.operands, p);
    p += e.operands.length;
    for (const b of opBytes(e.op)) out[p++] = b;
  }
  return out;
}

/** An INDEX of `count` entries given as sizes and a writer of entry i at a position. */
class IndexWriter {
  readonly size: number;
  private readonly offSize: number;

  constructor(
    private readonly sizes: ArrayLike<number>,
    private readonly writeEntry: (out: Uint8Array, i: number, at: number) => void,
    /** The byte of a one-byte entry, where that is quicker than writeEntry. */
    private readonly oneByte?: (i: number) => number,
  ) {
    let data = 0;
    for (let i = 0; i < sizes.length; i++) data += sizes[i]!;
    this.offSize = data + 1 <= 0xff ? 1 : data + 1 <= 0xffff ? 2 : data + 1 <= 0xffffff ? 3 : 4;
    this.size = sizes.length === 0 ? 2 : 3 + (sizes.length + 1) * this.offSize + data;
  }

  write(out: Uint8Array, at: number): void {
    const count = this.sizes.length;
    out[at] = count >> 8;
    out[at + 1] = count & 255;
    if (count === 0) return;
    out[at + 2] = this.offSize;
    let offsetAt = at + 3;
    let dataAt = at + 3 + (count + 1) * this.offSize;
    const offSize = this.offSize;
    const sizes = this.sizes;
    let offset = 1;
    for (let i = 0; i <= count; i++) {
      // Big-endian, offSize bytes.
      if (offSize === 4) out[offsetAt++] = offset >>> 24;
      if (offSize >= 3) out[offsetAt++] = (offset >>> 16) & 255;
      if (offSize >= 2) out[offsetAt++] = (offset >>> 8) & 255;
      out[offsetAt++] = offset & 255;
      if (i === count) break;
      const size = sizes[i]!;
      if (size === 1 && this.oneByte !== undefined) out[dataAt] = this.oneByte(i);
      else this.writeEntry(out, i, dataAt);
      dataAt += size;
      offset += size;
    }
  }
}

function bytesIndex(entries: readonly Uint8Array[]): IndexWriter {
  return new IndexWriter(
    entries.map((e) => e.length),
    (out, i, at) => out.set(entries[i]!, at),
  );
}

/** A subroutine INDEX with the same count, the unused entries cut to `return`. */
/**
 * The fewest subroutines an INDEX of `count` may be cut to without changing the bias that
 * charstrings add to subroutine numbers (Type 2 charstrings: 107 below 1,240 subroutines,
 * 1,131 below 33,900, 32,768 from there).
 */
function sameBiasMinimum(count: number): number {
  return count < 1240 ? 0 : count < 33900 ? 1240 : 33900;
}

/**
 * A subroutine INDEX for the used subroutines: each keeps its number, the unused ones before
 * the last used one are cut to `return`, and the ones after it are left out (as far as the
 * bias allows). Subroutines are ordered most used first, so this is most of a large INDEX.
 */
function subrsIndex(bytes: Uint8Array, index: Index, used: ReadonlySet<number>): IndexWriter {
  let last = -1;
  for (const i of used) if (i < index.count && i > last) last = i;
  const count = Math.min(index.count, Math.max(last + 1, sameBiasMinimum(index.count)));
  const sizes = new Uint32Array(count).fill(1);
  for (const i of used) if (i < count) sizes[i] = index.starts[i + 1]! - index.starts[i]!;
  return new IndexWriter(
    sizes,
    (out, i, at) => {
      if (used.has(i)) out.set(bytes.subarray(index.starts[i]!, index.starts[i + 1]!), at);
      else out[at] = RETURN;
    },
    (i) => (used.has(i) ? bytes[index.starts[i]!]! : RETURN),
  );
}

const parsedFonts = new WeakMap<object, ParsedCff>();

function parsedOf(font: fontkit.Font): ParsedCff {
  let parsed = parsedFonts.get(font);
  if (!parsed) {
    const f = font as unknown as { stream: { buffer: Uint8Array }; directory: { tables: Record<string, { offset: number; length: number }> } };
    const table = f.directory.tables['CFF '];
    if (!table) throw new Error('not a CFF font');
    parsed = parseCff(f.stream.buffer.subarray(table.offset, table.offset + table.length));
    parsedFonts.set(font, parsed);
  }
  return parsed;
}

/** The global and local subroutines a glyph's charstring calls, as fontkit finds them when it parses the outline. */
function subrsUsedBy(font: fontkit.Font, gid: number): { global: string[]; local: string[] } {
  const glyph = font.getGlyph(gid) as unknown as { path: unknown; _usedGsubrs?: Record<string, boolean>; _usedSubrs?: Record<string, boolean> };
  void glyph.path; // parses the charstring, recording the subroutines it calls
  return { global: Object.keys(glyph._usedGsubrs ?? {}), local: Object.keys(glyph._usedSubrs ?? {}) };
}

export class CidCffSubset {
  readonly glyphs: number[] = [];
  /** Subset glyph number by font glyph id, plus one (0: not in the subset yet). */
  private readonly mapping: Int32Array;
  private readonly parsed: ParsedCff;

  constructor(private readonly font: fontkit.Font) {
    this.parsed = parsedOf(font);
    this.mapping = new Int32Array(this.parsed.charStrings.count);
    this.includeGlyph(0);
  }

  /** pdfkit tests this to embed the font as CIDFontType0C. */
  get cff(): true {
    return true;
  }

  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'object' ? glyph.id : glyph;
    const mapped = this.mapping[gid]!;
    if (mapped !== 0) return mapped - 1;
    if (gid >= this.mapping.length) throw new Error(`glyph ${gid} is not in the font`);
    this.glyphs.push(gid);
    this.mapping[gid] = this.glyphs.length;
    return this.glyphs.length - 1;
  }

  /**
   * The subset; glyph N is CID N (pdfkit's numbering), or with `keepIds` each glyph keeps its
   * id in the font as its CID (the charset says so), so that text encoded with the font's glyph
   * ids needs no renumbering per document.
   */
  encode(keepIds = false): Uint8Array {
    const p = this.parsed;
    const n = this.glyphs.length;
    const usedGlobal = new Set<number>();
    const fdOrder: number[] = [];
    const fdIndex = new Map<number, number>();
    const usedLocal: Set<number>[] = [];
    const fdSelect = new Uint8Array(n);
    this.glyphs.forEach((gid, i) => {
      const fd = p.fdOf(gid);
      let newFd = fdIndex.get(fd);
      if (newFd === undefined) {
        newFd = fdOrder.length;
        fdIndex.set(fd, newFd);
        fdOrder.push(fd);
        usedLocal.push(new Set());
      }
      fdSelect[i] = newFd;
      const used = subrsUsedBy(this.font, gid);
      for (const s of used.global) usedGlobal.add(Number(s));
      for (const s of used.local) usedLocal[newFd]!.add(Number(s));
    });

    // Strings: the font's own, with Adobe and Identity for the ROS.
    const strings = [...p.strings];
    const sid = (text: string): number => {
      const encoded = new TextEncoder().encode(text);
      let i = strings.findIndex((s) => s.length === encoded.length && s.every((b, k) => b === encoded[k]));
      if (i < 0) i = strings.push(encoded) - 1;
      return STANDARD_STRINGS + i;
    };
    const ros = [...shortInt(sid('Adobe')), ...shortInt(sid('Identity')), ...shortInt(0)];

    const nameIndex = bytesIndex([p.name]);
    const stringIndex = bytesIndex(strings);
    const gsubrIndex = subrsIndex(p.bytes, p.gsubrs, usedGlobal);
    const charset = keepIds ? charsetOf(this.glyphs) : n > 1 ? Uint8Array.of(2, 0, 1, ((n - 2) >> 8) & 255, (n - 2) & 255) : Uint8Array.of(0);
    const fdSelectBytes = new Uint8Array(1 + n);
    fdSelectBytes.set(fdSelect, 1);
    const charStrings = new IndexWriter(
      this.glyphs.map((gid) => p.charStrings.starts[gid + 1]! - p.charStrings.starts[gid]!),
      (out, i, at) => out.set(entryOf(p.charStrings, p.bytes, this.glyphs[i]!), at),
    );

    // Private DICTs (Subrs right after each) and their sizes, before the offsets are known.
    const privates = fdOrder.map((fd, i) => {
      const part = p.fonts[fd]!;
      const probe = dictBytes(part.privateEntries, part.subrs ? [{ op: OP.Subrs, operands: int32(0) }] : []);
      const subrs = part.subrs ? subrsIndex(p.bytes, part.subrs, usedLocal[i]!) : undefined;
      const dict = part.subrs ? dictBytes(part.privateEntries, [{ op: OP.Subrs, operands: int32(probe.length) }]) : probe;
      return { dict, subrs };
    });

    // Layout: header, Name, Top DICT, String and Global Subr INDEXes, then what the Top DICT points to.
    const cidCount = keepIds ? p.charStrings.count : n;
    const topProbe = this.topDict(ros, cidCount, 0, 0, 0, 0);
    const topIndexSize = bytesIndex([topProbe]).size;
    let at = 4 + nameIndex.size + topIndexSize + stringIndex.size + gsubrIndex.size;
    const charsetAt = at;
    at += charset.length;
    const fdSelectAt = at;
    at += fdSelectBytes.length;
    const charStringsAt = at;
    at += charStrings.size;
    const fdArrayAt = at;
    const fontDictSizes = fdOrder.map((fd) => dictBytes(p.fonts[fd]!.entries, [{ op: OP.Private, operands: [...int32(0), ...int32(0)] }]).length);
    at += new IndexWriter(fontDictSizes, () => {}).size;
    const privateAts = privates.map((priv) => {
      const here = at;
      at += priv.dict.length + (priv.subrs?.size ?? 0);
      return here;
    });
    const fontDicts = fdOrder.map((fd, i) =>
      dictBytes(p.fonts[fd]!.entries, [{ op: OP.Private, operands: [...int32(privates[i]!.dict.length), ...int32(privateAts[i]!)] }]),
    );

    const out = new Uint8Array(at);
    out.set([1, 0, 4, 4], 0);
    let w = 4;
    nameIndex.write(out, w);
    w += nameIndex.size;
    bytesIndex([this.topDict(ros, cidCount, charsetAt, fdSelectAt, charStringsAt, fdArrayAt)]).write(out, w);
    w += topIndexSize;
    stringIndex.write(out, w);
    w += stringIndex.size;
    gsubrIndex.write(out, w);
    out.set(charset, charsetAt);
    out.set(fdSelectBytes, fdSelectAt);
    charStrings.write(out, charStringsAt);
    bytesIndex(fontDicts).write(out, fdArrayAt);
    privates.forEach((priv, i) => {
      out.set(priv.dict, privateAts[i]!);
      priv.subrs?.write(out, privateAts[i]! + priv.dict.length);
    });
    return out;
  }

  private topDict(ros: number[], n: number, charsetAt: number, fdSelectAt: number, charStringsAt: number, fdArrayAt: number): Uint8Array {
    const replaced = new Set<number>([
      OP.ROS,
      OP.CIDCount,
      OP.charset,
      OP.Encoding,
      OP.CharStrings,
      OP.Private,
      OP.FDArray,
      OP.FDSelect,
      OP.UniqueID,
      OP.XUID,
      OP.UIDBase,
    ]);
    return dictBytes(
      this.parsed.topEntries.filter((e) => !replaced.has(e.op)),
      [
        { op: OP.ROS, operands: ros },
        { op: OP.CIDCount, operands: int32(n) },
        { op: OP.charset, operands: int32(charsetAt) },
        { op: OP.FDSelect, operands: int32(fdSelectAt) },
        { op: OP.CharStrings, operands: int32(charStringsAt) },
        { op: OP.FDArray, operands: int32(fdArrayAt) },
      ],
    );
  }
}

/** A format 2 charset: the CIDs of glyphs 1… (glyph 0 is CID 0) as ranges of consecutive ids. */
function charsetOf(cids: readonly number[]): Uint8Array {
  const bytes = [2];
  for (let i = 1; i < cids.length; ) {
    let j = i;
    while (j + 1 < cids.length && cids[j + 1] === cids[j]! + 1 && j - i < 0xffff) j++;
    bytes.push(cids[i]! >> 8, cids[i]! & 255, (j - i) >> 8, (j - i) & 255);
    i = j + 1;
  }
  return Uint8Array.from(bytes);
}
