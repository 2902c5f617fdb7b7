/**
 * Lines → the rows of the printed table. A row of a spreadsheet form prints as one line holding
 * its single-line cells (the anchor: a label, a number) with the lines of its wrapped cells
 * centred around it, above and below. Lines holding only wrapped text are shared out between
 * the anchors around them: a blank line between is a border; otherwise a row reaches as far
 * below its anchor as its text reaches above it (cells are centred in their row).
 */
import { leftEdge, printedWidth, type LayoutLine, type LayoutToken } from './layout-lines.ts';
import { isBareNumber } from './layout-grid.ts';
import { bareSlots, needyLabels } from './value-slots.ts';

export interface LayoutRow {
  /** Index of the anchor line, or of the row's first line when it has none. */
  anchor: number;
  lines: LayoutLine[];
  /** First and last line index holding text. */
  top: number;
  bottom: number;
  tokens: LayoutToken[];
}

function row(anchor: number, lines: LayoutLine[]): LayoutRow {
  const filled = lines.filter((l) => l.tokens.length > 0);
  return {
    anchor,
    lines: filled,
    top: filled[0]?.index ?? anchor,
    bottom: filled.at(-1)?.index ?? anchor,
    tokens: filled.flatMap((l) => l.tokens),
  };
}

/** Rows of text (labels and blocks): their anchors (a label, no figure), and what is a label. */
export interface TextRows {
  isAnchor: (line: LayoutLine) => boolean;
  isLabel: (text: string) => boolean;
  /** A label of a field whose value is a figure (预算执行数（元）): no block of text is its value. */
  isFigureLabel?: (text: string) => boolean;
  /** A label of a field that must be filled with no value beside it on its line: its value is on a line of its row above or below. */
  needsValue?: (line: LayoutLine) => boolean;
  /** A line of a table's column titles (with the table's heading beside them, 项目资金（元）): no value above it is its row's. */
  isTitleRow?: (line: LayoutLine) => boolean;
}

/**
 * Rows never run over a page break (a spreadsheet row prints whole on one page), a title
 * (`isolated`) is a row of its own: the notes above it end the form before; and the notes under a
 * form (`opens`) start rows of their own: the text above them is the form's. Between two anchors
 * of rows of text (`text.isAnchor`: a label, no figure) the border is also sought where a cell's text
 * ends (see splitAt); a table may hold a row with no anchor, so its rows are shared out as before.
 */
export function layoutRows(
  lines: readonly LayoutLine[],
  isAnchor: (line: LayoutLine) => boolean,
  isolated: (line: LayoutLine) => boolean = () => false,
  opens: (line: LayoutLine) => boolean = () => false,
  text: TextRows = { isAnchor: () => false, isLabel: () => false },
): LayoutRow[] {
  const out: LayoutRow[] = [];
  let from = 0;
  for (let i = 1; i <= lines.length; i++) {
    const starts = (line: LayoutLine) => line.tokens.length > 0 && (isolated(line) || opens(line));
    const cut = i === lines.length || lines[i]!.page !== lines[i - 1]!.page || starts(lines[i]!) || isolated(lines[i - 1]!);
    if (!cut) continue;
    out.push(...pageRows(lines, from, i, isAnchor, text, isolated, opens));
    from = i;
  }
  return out;
}

/**
 * The index of the first line below anchor line `at`, on its page, holding text: when that line
 * starts a row of its own (`startsRow`: an anchor, a title, the notes), the lower anchor's row ends
 * above it; otherwise undefined (no bound known).
 */
function nextRowStart(all: readonly LayoutLine[], at: number, startsRow: (line: LayoutLine) => boolean): number | undefined {
  const line = all.slice(at + 1).find((l) => l.tokens.length > 0 || l.page !== all[at]!.page);
  return line && line.page === all[at]!.page && startsRow(line) ? line.index : undefined;
}

/**
 * Whether anchor line `a` holds figures and the labels of figures alone (`67,134,330.00  预算执行率（%）
 * 80.70%`), or figures alone right under a line of such labels alone (`预算执行数（元）  预算执行率（%）` /
 * `24,246,090.00  62.70%`): no cell of its row holds text, so a block of text below it is not its row's.
 * (A table row's line of figures alone has the row's text around it, not labels.)
 */
function figuresOnly(lines: readonly LayoutLine[], a: number, from: number, text: TextRows): boolean {
  const isFigureLabel = (t: LayoutToken) => text.isFigureLabel?.(t.text) === true;
  const line = lines[a]!;
  if (!line.tokens.every((t) => (text.isLabel(t.text) ? isFigureLabel(t) : isBareNumber(t.text)))) return false;
  if (line.tokens.some(isFigureLabel)) return true;
  const above = lines.slice(Math.max(from, a - 2), a).filter((l) => l.tokens.length > 0).at(-1);
  return above !== undefined && above.tokens.every(isFigureLabel);
}

function pageRows(all: readonly LayoutLine[], from: number, to: number, isAnchor: (line: LayoutLine) => boolean, text: TextRows, isolated: (line: LayoutLine) => boolean, opens: (line: LayoutLine) => boolean): LayoutRow[] {
  const lines = all.slice(0, to);
  const anchors = lines.slice(from).filter((l) => l.tokens.length > 0 && isAnchor(l)).map((l) => l.index);
  if (anchors.length === 0) return lines.slice(from).filter((l) => l.tokens.length > 0).map((l) => row(l.index, [l]));
  const rows: LayoutRow[] = [];
  // Text above the first anchor: a row of its own when a blank line sets it apart.
  let head = lines.slice(from, anchors[0]);
  for (let j = 0; j < anchors.length; j++) {
    const a = anchors[j]!;
    const next = anchors[j + 1] ?? lines.length;
    const between = lines.slice(a + 1, next);
    const reach = a - (head.find((l) => l.tokens.length > 0)?.index ?? a);
    const cells = next < lines.length && text.isAnchor(lines[a]!) && text.isAnchor(lines[next]!);
    // Labels are no cell's wrapped text: left out where the lines are compared.
    const values = (l: LayoutLine) => ({ ...l, tokens: l.tokens.filter((t) => !text.isLabel(t.text)) });
    const beyond = cells ? nextRowStart(all, next, (l) => isAnchor(l) || isolated(l) || opens(l)) : undefined;
    const figure = cells ? lines[a]!.tokens.some((t) => text.isFigureLabel?.(t.text)) : figuresOnly(lines, a, from, text);
    const ends = (l: LayoutLine | undefined) => (l?.tokens ?? []).filter((t) => text.isLabel(t.text)).map((t) => t.end);
    const starts = (l: LayoutLine) => l.tokens.filter((t) => text.isLabel(t.text)).map((t) => t.start);
    // The line under the lower anchor, when it holds no label: text there may go on from a line above the anchor.
    const wrapsUnder = (l: LayoutLine | undefined) => (l !== undefined && !l.tokens.some((t) => text.isLabel(t.text)) ? l : undefined);
    // The cells' widths from the lines below the upper anchor down through the rows of labels below
    // (to a row of another kind, a title or the notes): the cells of the text blocks under one another
    // (主要绩效, 主要问题, 改进措施) are as wide, and the widest may be a few rows down (改进措施's under
    // 主要问题 alone). Found only where the split needs them (few pairs of anchors come to that).
    const widths = (): FirstPiece[] => {
      let after = next + 1;
      while (after < all.length && all[after]!.page === all[next]!.page && (!isAnchor(all[after]!) || text.isAnchor(all[after]!)) && !isolated(all[after]!) && !opens(all[after]!)) after++;
      return cellWidths(all.slice(a + 1, after).map(values));
    };
    const around = cells ? { upper: values(lines[a]!), lower: lines.slice(next, next + 2).map(values), beyond, upperEnds: ends(lines[a]), labelEnds: ends(lines[next]), labelStarts: starts(lines[next]!), wrapsUnder: wrapsUnder(lines[next + 1]), widths } : undefined;
    // A value of the upper label may also be printed on the line above, another label's (预算单位's, the name set at the top).
    const valueAbove = () => a > from && lines[a - 1]!.tokens.some((t) => !text.isLabel(t.text));
    const upperNeeds = () => needyLabels(lines, a, from, text).length > 0 && reach <= 0 && !valueAbove();
    // Text between a row of labels and a table's titles under it is that row's: a title row holds no value.
    const overTitles = cells && text.isTitleRow?.(lines[next]!) === true;
    let split: number;
    if (overTitles) split = between.length;
    else if (around) split = leaveEachItsValue(between, splitAt(between, reach, false, around, figure), around, upperNeeds(), bareSlots(lines, next, from, text));
    else split = splitAt(between, reach, next === lines.length, undefined, figure);
    rows.push(row(a, [...head, lines[a]!, ...between.slice(0, split)]));
    head = between.slice(split);
  }
  return valuesNotParted(rows, text);
}

/**
 * Rows of labels where one took text above its line and, past a blank line, text below it in the
 * same column: a cell's text has no blank line within it, so the two are not one value. Where the
 * row above is its label alone (its field read blank), the text above is that row's: the upper label
 * set at the top of its row, its value under it (主要绩效 / 围绕… / 主要问题 / blank lines / 覆盖全区…).
 */
function valuesNotParted(rows: LayoutRow[], text: TextRows): LayoutRow[] {
  const labelsOnly = (l: LayoutLine) => l.tokens.every((t) => text.isLabel(t.text));
  for (let k = 1; k < rows.length; k++) {
    const [upper, lower] = [rows[k - 1]!, rows[k]!];
    const anchor = lower.lines.find((l) => l.index === lower.anchor);
    if (anchor === undefined || !text.isAnchor(anchor) || !upper.lines.every(labelsOnly) || !upper.lines.some(text.isAnchor)) continue;
    const above = lower.lines.filter((l) => l.index < lower.anchor);
    const below = lower.lines.filter((l) => l.index > lower.anchor);
    if (above.length === 0 || below.length === 0 || below[0]!.index - lower.anchor < 2) continue;
    if (!above.some((a) => below.some((b) => sharesColumn(a, b)))) continue;
    rows[k - 1] = row(upper.anchor, [...upper.lines, ...above]);
    rows[k] = row(lower.anchor, lower.lines.filter((l) => !above.includes(l)));
  }
  return rows;
}

/** How many columns shorter than the line below a wrapped line must be to be the last of its cell. */
const SHORT_BY = 3;
/** How many columns pdftotext may set the lines of one cell apart at their left edge. */
export const ALIGNED = 2;

/**
 * Whether `line` ends a cell's wrapped text: a cell's text fills each of its lines to the cell's
 * width but the last, so a line of text shorter than the next line's text in its column (both
 * starting at its left edge) is the last of its cell, and the next one begins another cell.
 */
function endsCell(line: LayoutLine, below: readonly LayoutLine[], cells: readonly FirstPiece[]): boolean {
  // The next line holding text in this line's column (a label alone on its line between them).
  const next = below.find((l) => sharesColumn(line, l));
  // Short of the next line, or of the width the column's cells show (主要绩效's short text over 主要问题's).
  return next !== undefined && (line.tokens.some((t) => next.tokens.some((u) => endsBefore([t], [u]))) || endsBefore(line.tokens, next.tokens, cells));
}

/** Every piece printed on some lines, where it starts and how wide it prints: the widths of the cells set at each left edge. */
function cellWidths(lines: readonly LayoutLine[]): FirstPiece[] {
  return lines.flatMap((line) => line.tokens.map((t) => ({ start: t.start, width: printedWidth([t]) })));
}

/**
 * Whether text `upper` is the last line of its cell, given the next line `lower` of its column:
 * both start at the column's left edge and `upper` is shorter (wrapped text fills every line but its cell's last).
 */
export function endsBefore(upper: readonly LayoutToken[], lower: readonly LayoutToken[], above: readonly FirstPiece[] = []): boolean {
  if (upper.length === 0 || lower.length === 0) return false;
  const edge = leftEdge(upper);
  if (Math.abs(leftEdge(lower) - edge) > ALIGNED) return false;
  // The lines of its cell above it (`above`, at its edge) show the cell's width as well as the next line does.
  let full = printedWidth(lower);
  for (const piece of above) if (Math.abs(piece.start - edge) <= ALIGNED) full = Math.max(full, piece.width);
  const short = full - printedWidth(upper);
  return short >= SHORT_BY && !wrappedWhole(lower, short);
}

/** A figure (with its comparison sign, ≥90%，) or a Latin word, with the closing marks that go with it: a line is never broken within it (`100%，`). */
const UNBROKEN = /^[≥≤＞＜]?[\x21-\x7e]+[，。、；：？！）》”’]*/u;

/**
 * Whether the next line starts with a run of text that cannot be broken (a figure, a Latin word)
 * too wide, within a column's slack, for the `short` room the line above left: the line above was
 * cut short to move it down whole (程度有待提升，资金拨付率达到 / 100%，完成年度…), not at its cell's end.
 */
function wrappedWhole(lower: readonly LayoutToken[], short: number): boolean {
  const first = lower.reduce((a, b) => (b.start < a.start ? b : a));
  const run = UNBROKEN.exec(first.text)?.[0];
  return run !== undefined && printedWidth([{ ...first, text: run }]) >= short - 1;
}

/** A character with the closing marks that go with it: never the first of a line (，。 after 街). */
const ONE_CHARACTER = /^.[，。、；：？！）》”’]*/u;

/** How wide a line's first word prints (a figure or a Latin word whole, else its first character): what a line above must have room for to take it. */
export function firstWordWidth(tokens: readonly LayoutToken[]): number {
  const first = tokens.reduce((a, b) => (b.start < a.start ? b : a));
  const word = UNBROKEN.exec(first.text)?.[0] ?? ONE_CHARACTER.exec(first.text)?.[0] ?? first.text;
  return printedWidth([{ ...first, text: word }]);
}

/** Where a line's text starts and how wide its first piece prints (a neighbour's text may print a column after it, 及 ≥90%). */
export interface FirstPiece {
  start: number;
  width: number;
}

/** `tokens`: a line's text in one column, never empty. */
export function firstPiece(tokens: readonly LayoutToken[]): FirstPiece {
  const first = tokens.reduce((a, b) => (b.start < a.start ? b : a));
  return { start: first.start, width: printedWidth([first]) };
}

/** Whether two lines hold text in a column they share. */
function sharesColumn(a: LayoutLine, b: LayoutLine): boolean {
  return a.tokens.some((t) => b.tokens.some((u) => u.start < t.end && t.start < u.end));
}

/**
 * How many of the lines between two anchors belong to the upper one. Between two anchors of rows of
 * text (`text`, the anchors' lines and the two lines from the lower), a cell's wrapped text has no
 * blank line within it, so blocks of one column parted by a blank line between two anchors are two
 * cells, one to each anchor: the border is at one of those blank lines. Where no blank line parts
 * them, a line ending its cell's text (shorter than the next: see endsCell) is where a border may be.
 * `figure`: the upper anchor is a figure's label, or a line of figures alone (figuresOnly): its value
 * is printed elsewhere, so a block of text set apart by blank lines is never its.
 */
function splitAt(between: readonly LayoutLine[], reach: number, last: boolean, text: Anchors | undefined, figure: boolean): number {
  if (last) return between.length;
  const filled = between.map((l) => l.tokens.length > 0);
  if (!filled.some(Boolean)) return between.length;
  const firstFilled = filled.indexOf(true);
  const lastFilled = filled.lastIndexOf(true);
  // A line left empty by a wrapped label joined onto another was printed: no blank line parts a cell there.
  const blanks = filled.map((f, i) => !f && between[i]!.heldLabel !== true && i > firstFilled && i < lastFilled);
  const nearest = (splits: readonly number[]) => splits.reduce((best, i) => (Math.abs(i - reach) < Math.abs(best - reach) ? i : best));
  // Blank lines parting text of one column: the text above and below them are two cells.
  const parting = blanks.flatMap((b, i) => {
    if (!b || blanks[i - 1]) return [];
    const above = between[filled.lastIndexOf(true, i)]!;
    const below = between[filled.indexOf(true, i)]!;
    return sharesColumn(above, below) ? [i] : [];
  });
  if (text && parting.length > 0) return nearest(parting);
  // Text right after the anchor, then a blank line, then text right before the next anchor.
  const gapAfterAnchor = firstFilled > 0;
  const gapBeforeNext = lastFilled < between.length - 1;
  if (gapAfterAnchor && !gapBeforeNext) return firstFilled;
  if (!gapAfterAnchor && gapBeforeNext) return lastFilled + 1;
  if (text && gapAfterAnchor && gapBeforeNext) {
    const owner = blockOwner(between, firstFilled, lastFilled, reach, text, figure);
    if (owner !== undefined) return owner === 'upper' ? lastFilled + 1 : firstFilled;
  }
  // Text set apart from both anchors by blank lines, nearer one of them: that anchor's (a value set
  // at the bottom of its cell, blank lines down to the next row's label set at the bottom of its own).
  const blankAfter = firstFilled;
  const blankBefore = between.length - 1 - lastFilled;
  // Never under a figure's label (its value is printed elsewhere).
  const toUpper = blankAfter < blankBefore && !figure;
  if (gapAfterAnchor && gapBeforeNext && !blanks.some(Boolean) && blankAfter !== blankBefore) return toUpper ? between.length : 0;
  if (blanks.some(Boolean) && !gapAfterAnchor && !gapBeforeNext) {
    // The blank run nearest where symmetry puts the border.
    return nearest(blanks.flatMap((b, i) => (b ? [i] : [])));
  }
  const under = text && reach <= 0 ? underBareLabel(between, text) : 0;
  if (under > 0) return under;
  // One run of text from anchor to anchor: the border after a line that ends its cell, if one does.
  const run = text ? [text.upper, ...between] : [];
  const widths = text ? text.widths() : [];
  const ends = run.flatMap((l, i) => (endsCell(l, [...run.slice(i + 1), ...text!.lower], widths) ? [i] : []));
  if (ends.length > 0) return nearest(ends);
  return Math.min(Math.max(reach, 0), between.length);
}

/**
 * A border moved so that a label that must have a value (项目名称, 主管部门: `upperNeeds`,
 * `lowerNeeds`) and has none on its line nor on the other side of it keeps the line between
 * the anchors next to it: a split giving every line to one anchor leaves the other's field blank,
 * which the form cannot print (a name wrapped over the line is likelier than a unit left out).
 */
function leaveEachItsValue(between: readonly LayoutLine[], split: number, text: Anchors, upperNeeds: boolean, lowerSlot: ((line: LayoutLine | undefined) => boolean) | undefined): number {
  const lowerNeeds = lowerSlot !== undefined;
  // The lower label's value printed under it: the lines above it are no more its than the upper's.
  const lowerServed = lowerSlot?.(text.lower[1]) === true;
  const filled = between.flatMap((l, i) => (l.tokens.length > 0 ? [i] : []));
  if (filled.length === 0 || (filled.length === 1 && upperNeeds && lowerNeeds && !lowerServed)) return split;
  // Only text in the label's value slot (right of it) can be its value.
  const rightOf = (ends: readonly number[], line: LayoutLine) => ends.some((end) => line.tokens.every((t) => t.start >= end));
  const first = between[filled[0]!]!;
  // The last line with text in the lower label's slot, where nothing of it is on the line under its anchor.
  const lowerLast = lowerSlot === undefined || lowerServed ? undefined : filled.filter((i) => lowerSlot(between[i]) && rightOf(text.labelEnds, between[i]!)).at(-1);
  // The upper label's value may yet come from a line beside it (another label's, the orphans'): moved
  // only for the lower's sake, or where the lower anchor's own value stands right under the line in
  // its column (项目名称 / 组织开展专项 / 合肥市…  实施单位: the line is no part of the lower row's cell).
  const start = (line: LayoutLine) => Math.min(...line.tokens.map((t) => t.start));
  const lowerOwn = text.lower[0] !== undefined && text.lower[0].tokens.some((t) => Math.abs(t.start - start(first)) <= ALIGNED);
  // Text left of every label of a lower anchor's line of labels alone is no value of theirs (实施单位 alone
  // on its line, right of the name), unless it goes on under that line (…15个街镇， / 实施单位 / 完: the
  // rows are told apart later, by the whole cell). With a value beside the labels, the rows may be one.
  const goesOn = text.wrapsUnder?.tokens.some((t) => Math.abs(t.start - start(first)) <= ALIGNED) === true;
  const leftOfLower = text.lower[0]?.tokens.length === 0 && !goesOn && text.labelStarts.every((s) => first.tokens.every((t) => t.end <= s));
  if (upperNeeds && (lowerNeeds || lowerOwn || leftOfLower) && rightOf(text.upperEnds, first) && split <= filled[0]!) return filled[0]! + 1;
  if (lowerLast !== undefined && split > lowerLast) return lowerLast;
  if (upperNeeds && !lowerNeeds && rightOf(text.upperEnds, first)) return Math.max(split, wrappedPast(between, filled[0]!));
  return split;
}

/**
 * The end of the run of lines starting where line `from` starts with other columns' lines between
 * them (a name wrapped over the line of 预算单位's value, centred beside it: …专项检 / 上海市… / 查2219):
 * a cell's wrapped lines start at its left edge, nothing else is printed in its column, and no line
 * of it but the last ends short (see endsBefore: a shorter line ends its cell, the next starts another).
 * 0 when no line of the run lies past another column's line.
 */
function wrappedPast(between: readonly LayoutLine[], from: number): number {
  const edge = Math.min(...between[from]!.tokens.map((t) => t.start));
  const inColumn = (line: LayoutLine) => line.tokens.filter((t) => t.start >= edge - ALIGNED);
  let end = 0;
  let last = between[from]!;
  let skipped = false;
  for (let i = from + 1; i < between.length; i++) {
    const line = between[i]!;
    if (line.tokens.length === 0) break;
    if (!line.tokens.some((t) => Math.abs(t.start - edge) <= ALIGNED)) {
      if (line.tokens.some((t) => t.start <= edge && t.end > edge)) break;
      skipped = true;
      continue;
    }
    if (endsBefore(inColumn(last), inColumn(line))) break;
    if (skipped) end = i + 1;
    last = line;
  }
  return end;
}

/** The anchors' lines around the lines between them: their values, and where their labels end. */
interface Anchors {
  upper: LayoutLine;
  lower: readonly LayoutLine[];
  labelEnds: readonly number[];
  /** Where the lower anchor's labels start. */
  labelStarts: readonly number[];
  /** The line under the lower anchor, when it holds no label. */
  wrapsUnder: LayoutLine | undefined;
  upperEnds: readonly number[];
  /** Where the row after the lower anchor's starts (a line index), if there is one. */
  beyond: number | undefined;
  /** The pieces printed from the line below the upper anchor to the row after the lower one: the cells' widths at each left edge. */
  widths: () => FirstPiece[];
}

/**
 * How many lines right under a label alone on its line (no value beside it, nothing above it in its
 * row) are its value: the run of lines of one column starting on the next line (项目名称 / 全年完成… /
 * 主管部门  上海市…), where it stands right of a label of the lower anchor's line (it would be read as that
 * label's). None when the run is no nearer its label than the next anchor, or its column goes on there.
 */
function underBareLabel(between: readonly LayoutLine[], text: Anchors): number {
  if (text.upper.tokens.length > 0 || between[0] === undefined || between[0].tokens.length === 0) return 0;
  const start = (l: LayoutLine) => Math.min(...l.tokens.map((t) => t.start));
  const first = between[0];
  // Only text that the lower row would give a label of its own (right of it): text left of all its labels is left to the orphans.
  // ... and in the upper label's own slot (right of it).
  if (!text.labelEnds.some((end) => end <= start(first)) || !text.upperEnds.some((end) => end <= start(first))) return 0;
  let k = 1;
  while (k < between.length && between[k]!.tokens.length > 0 && Math.abs(start(between[k]!) - start(first)) <= ALIGNED) k++;
  // Nearer its label than the lower anchor (a line between), and not going on below that anchor: a value
  // midway between two labels, or centred on the lower one's line, is no more the upper label's. (The
  // lower anchor's own value may start in the run's column: the values of a column of labels line up.)
  const aligned = (l: LayoutLine | undefined) => l !== undefined && l.tokens.some((t) => Math.abs(t.start - start(first)) <= ALIGNED);
  // Midway, the run is the upper label's when the lower label stands alone too, its own value under it in the run's column (项目名称 / 服务… / 主管部门 / 苏州市…).
  const lowerHasOwn = text.lower[0] !== undefined && text.lower[0].tokens.length === 0 && aligned(text.lower[1]);
  return (k < between.length && !aligned(text.lower[1])) || (k === between.length && lowerHasOwn) ? k : 0;
}

/**
 * Which anchor a block of text set apart by blank lines from both is the cell of, where the lines
 * tell (else undefined). A cell's text has no blank line within it, so an anchor whose own line
 * holds text in the block's column (its own cell) cannot take the block too. Otherwise, between two
 * anchors alone on their lines: the block is either centred under the upper label set at the top
 * of its row (the row then reaches as far below the block as the label is above it, and the lower
 * label's row starts there: the block nearer the upper label), or set at the top of the lower
 * label's row with the label centred in it (that row reaches as far below the label as the block's
 * top is above it). With the block as near one as the other, a row printed below the lower label
 * within half that reach leaves the block to the upper one. `reach`: the upper anchor's text above
 * its line (a label centred in its row, not set at the top). Not under the label of a figure
 * (`figure`): its value is printed elsewhere, whatever the blank lines say.
 */
function blockOwner(between: readonly LayoutLine[], firstFilled: number, lastFilled: number, reach: number, text: Anchors, figure: boolean): 'upper' | 'lower' | undefined {
  const lower = text.lower[0];
  if (lower === undefined) return undefined;
  const upperFull = sharesColumn(text.upper, between[firstFilled]!);
  const lowerFull = sharesColumn(lower, between[lastFilled]!);
  if (upperFull !== lowerFull) return upperFull ? 'lower' : 'upper';
  if (upperFull || figure || reach > 0 || text.upper.tokens.length > 0 || lower.tokens.length > 0) return undefined;
  const gapAbove = firstFilled;
  const gapBelow = between.length - 1 - lastFilled;
  if (gapAbove < gapBelow) return 'upper';
  const lowerReach = between.length - firstFilled;
  if (gapAbove === gapBelow && text.beyond !== undefined && 2 * (text.beyond - lower.index) < lowerReach) return 'upper';
  return undefined;
}

/** How many lines apart two rows of titles alone may be printed and still be one header row. */
const TITLE_GAP = 5;

/**
 * Column titles of one header row set at different heights (权重 at the top of its cell, 目标值 in
 * the middle) print on lines of their own, each taken for a row: rows next to each other (at most
 * a blank line between) that hold nothing but titles are one header row again.
 */
export function joinTitleRows(rows: readonly LayoutRow[], onlyTitles: (texts: readonly string[]) => boolean, titlesAndLabels: (texts: readonly string[]) => boolean = onlyTitles): LayoutRow[] {
  const out: LayoutRow[] = [];
  const texts = (row: LayoutRow) => row.tokens.map((t) => t.text);
  // One of the two may hold a label beside its titles (项目资金（元） left of 全年执行数 … 得分), side by side with the other's.
  const titles = (a: LayoutRow, b: LayoutRow) =>
    (onlyTitles(texts(a)) && onlyTitles(texts(b))) ||
    ((onlyTitles(texts(a)) || onlyTitles(texts(b))) && titlesAndLabels(texts(a)) && titlesAndLabels(texts(b)) && !a.tokens.some((t) => b.tokens.some((u) => u.start < t.end && u.end > t.start)));
  // Two rows of nothing but titles, none printed in both, are one header row set over more lines
  // (二级指标 at the top of a tall header row, 一级指标 in its middle, blank lines between).
  const apart = (a: LayoutRow, b: LayoutRow) => onlyTitles(texts(a)) && onlyTitles(texts(b)) && !texts(a).some((t) => texts(b).includes(t));
  for (const r of rows) {
    const prev = out.at(-1);
    const gap = prev === undefined ? Number.POSITIVE_INFINITY : r.top - prev.bottom;
    const near = prev !== undefined && (gap <= 2 || (gap <= TITLE_GAP && apart(prev, r))) && r.lines[0]?.page === prev.lines[0]?.page;
    if (!near || r.tokens.length === 0 || !titles(prev, r)) {
      out.push(r);
      continue;
    }
    const anchor = r.tokens.length >= prev.tokens.length ? r.anchor : prev.anchor;
    out[out.length - 1] = { anchor, lines: [...prev.lines, ...r.lines], top: prev.top, bottom: r.bottom, tokens: [...prev.tokens, ...r.tokens] };
  }
  return out;
}
