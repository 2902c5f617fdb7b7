/**
 * Values printed on lines of their own, away from their label's line: a cell set at the top of
 * a tall row prints above the label centred in it (`308,914.41` above `预算执行数（元）`). Such a
 * row holds no label; it joins the nearest row, above or below, that has a label with nothing to
 * its right where the value stands. When the rows above and below are equally near and both
 * could take it, it is left where it is (the field then reads blank, never a guess).
 */
import type { LayoutToken } from './layout-lines.ts';
import type { LayoutRow } from './layout-rows.ts';

/** How many lines away a label's value may be printed. */
const REACH = 4;

/** Whether `row` has a label whose value slot (up to the next label on its right) is empty where `token` stands. */
function takes(row: LayoutRow, token: LayoutToken, isLabel: (text: string) => boolean): boolean {
  const tokens = [...row.tokens].sort((a, b) => a.start - b.start);
  const labels = tokens.filter((t) => isLabel(t.text));
  const label = labels.filter((l) => l.end <= token.start).at(-1);
  if (!label) return false;
  const next = labels.find((l) => l.start >= label.end && l !== label);
  const limit = next?.start ?? Number.POSITIVE_INFINITY;
  if (token.end > limit + 1) return false;
  return !tokens.some((t) => !isLabel(t.text) && t.start >= label.end && t.start < limit);
}

/** A figure as printed (4,170,397.33, 76.70%, 49). */
const FIGURE = /^[-+]?[\d,，.]+%?$/u;

/** How many columns pdftotext may set the lines of one cell apart at their left edge. */
const ALIGNED = 1;

/**
 * Whether `token` is the last line of a text value of `row` wrapped in its cell: it starts where
 * that text starts, a line or two below it (the label's line between, the label centred in its
 * row), is narrower, and nothing of `row` is printed under the text before it. A figure ending a
 * text (…部分任 / 68, …资金拨付率达到 / 100%) is no value of its own then.
 */
function continues(row: LayoutRow, token: LayoutToken, isLabel: (text: string) => boolean): boolean {
  const above = row.tokens
    .filter((u) => !isLabel(u.text) && !FIGURE.test(u.text) && u.line < token.line && token.line - u.line <= 2 && Math.abs(u.start - token.start) <= ALIGNED)
    .sort((a, b) => b.line - a.line)[0];
  // Only a figure: text alone on a line (a value set at the top of the row below) is a value of its own.
  if (!FIGURE.test(token.text) || above === undefined || above.end - above.start <= token.end - token.start) return false;
  return !row.tokens.some((u) => u !== above && u.line > above.line && u.start < above.end && u.end > above.start);
}

/** The lines a row's text was printed over: a wrapped label moved onto its middle line still reaches its first and last. */
function printed(row: LayoutRow): { top: number; bottom: number } {
  const first = Math.min(row.top, ...row.tokens.map((t) => t.printedOver?.first ?? t.line));
  const last = Math.max(row.bottom, ...row.tokens.map((t) => t.printedOver?.last ?? t.line));
  return { top: first, bottom: last };
}

function gap(a: LayoutRow, b: LayoutRow): number {
  const [x, y] = [printed(a), printed(b)];
  return x.bottom < y.top ? y.top - x.bottom : Math.max(x.top - y.bottom, 0);
}

function merged(a: LayoutRow, b: LayoutRow): LayoutRow {
  const lines = [...a.lines, ...b.lines].sort((x, y) => x.index - y.index);
  return { anchor: a.anchor, lines, top: lines[0]!.index, bottom: lines.at(-1)!.index, tokens: lines.flatMap((l) => l.tokens) };
}

/** Tokens of a row with no label left of them in that row: values whose label is in another row. */
function loose(row: LayoutRow, isLabel: (text: string) => boolean): LayoutToken[] {
  const labels = row.tokens.filter((t) => isLabel(t.text));
  return row.tokens.filter((t) => !isLabel(t.text) && !labels.some((l) => l.end <= t.start));
}

/** The row without `tokens` (the lines left empty dropped), or undefined when nothing is left. */
function without(row: LayoutRow, tokens: readonly LayoutToken[]): LayoutRow | undefined {
  const lines = row.lines.map((l) => ({ ...l, tokens: l.tokens.filter((t) => !tokens.includes(t)) })).filter((l) => l.tokens.length > 0);
  if (lines.length === 0) return undefined;
  return { anchor: lines.some((l) => l.index === row.anchor) ? row.anchor : lines[0]!.index, lines, top: lines[0]!.index, bottom: lines.at(-1)!.index, tokens: lines.flatMap((l) => l.tokens) };
}

/** A number as a table's points print (8.5, 100): no date, no amount with its commas. */
const PLAIN_NUMBER = /^\d+(\.\d+)?$/u;

/** Whether a neighbour of row `r` in a table (`fixed`), on its page, is at most `distance` from `part`. */
function nearerTable(rows: ReadonlyArray<LayoutRow | undefined>, r: number, part: LayoutRow, distance: number, fixed: (row: number) => boolean): boolean {
  return [r - 1, r + 1].some((k) => {
    const other = rows[k];
    return other !== undefined && fixed(k) && other.lines[0]?.page === part.lines[0]?.page && gap(part, other) <= distance;
  });
}

/**
 * `rows` with each orphan value (a row's tokens left of all its labels, or a row of no label at
 * all) moved to the row whose label it is the value of; `fixed` rows (tables) are left alone.
 */
export function joinOrphanValues(rows: readonly LayoutRow[], isLabel: (text: string) => boolean, fixed: (row: number) => boolean): LayoutRow[] {
  const out: Array<LayoutRow | undefined> = [...rows];
  rows.forEach((_, r) => {
    const row = out[r];
    if (!row || fixed(r)) return;
    const orphans = loose(row, isLabel);
    if (orphans.length === 0) return;
    const part = without(row, row.tokens.filter((t) => !orphans.includes(t)))!;
    const near = (k: number) => {
      const other = out[k];
      return other !== undefined && !fixed(k) && other.lines[0]?.page === row.lines[0]?.page && gap(part, other) <= REACH;
    };
    // The end of a text wrapped in its cell goes on with that text, wherever a label's slot is empty.
    const wrapped = [r - 1].filter((k) => near(k) && orphans.every((t) => continues(out[k]!, t, isLabel)));
    const candidates = wrapped.length > 0 ? wrapped : [r - 1, r + 1].filter((k) => near(k) && orphans.every((t) => takes(out[k]!, t, isLabel)));
    if (candidates.length === 0) return;
    const distances = candidates.map((k) => gap(part, out[k]!));
    if (candidates.length === 2 && distances[0] === distances[1]) return;
    const k = candidates[distances.indexOf(Math.min(...distances))]!;
    // A row of plain numbers as near a table's row (合计 with its totals a line below it): they may be
    // that row's, and the table takes them (see tableRows); a date or a text is no table's.
    if (row.tokens.every((t) => PLAIN_NUMBER.test(t.text)) && nearerTable(out, r, part, Math.min(...distances), fixed)) return;
    out[k] = merged(out[k]!, part);
    out[r] = without(row, orphans);
  });
  return out.filter((row): row is LayoutRow => row !== undefined);
}

/**
 * `rows` with each stray line moved to the row whose label it is the value of. A stray line holds no
 * label and stands in the value slot of a label of its row (the nearest label left of it), but in
 * no column of that label's value, which is printed on other lines: a cell's lines share its
 * column (left-aligned, they start at its left edge; centred, they overlap), so text beside all of
 * them is no wrapped line of that value. A value set at the top of its cell prints so, a line above
 * its label centred in the row below (`项目名称` with its value, then `服务中心` far right, then
 * `主管部门 … 实施单位`). It joins the row above or below, on its page and near, that has a label with
 * an empty slot where it stands; when both are equally near and could take it, or none can, it
 * stays where it is (and is reported as a line read by no field, never a guess). Nor does it join
 * a label whose field cannot take it (`fits`: a text is no answer of 是否为经常性项目). `fixed` rows
 * (tables) are left alone.
 */
export function joinStrayValues(rows: readonly LayoutRow[], isLabel: (text: string) => boolean, fixed: (row: number) => boolean, fits: (label: string, value: string) => boolean = () => true): LayoutRow[] {
  const out: Array<LayoutRow | undefined> = [...rows];
  rows.forEach((_, r) => {
    if (fixed(r)) return;
    for (const line of rows[r]!.lines) {
      const row = out[r];
      if (!row) return;
      const own = row.tokens.filter((t) => t.line === line.index);
      if (own.length === 0 || own.some((t) => isLabel(t.text)) || !own.every((t) => besideValue(row, t, isLabel))) continue;
      const part = without(row, row.tokens.filter((t) => !own.includes(t)))!;
      const candidates = [r - 1, r + 1].filter((k) => {
        const other = out[k];
        return other !== undefined && !fixed(k) && other.lines[0]?.page === row.lines[0]?.page && gap(part, other) <= REACH && own.every((t) => takes(other, t, isLabel) && fits(labelLeftOf(other, t, isLabel)!.text, t.text)) && !wrapsAcross(row, other, line.index, isLabel);
      });
      if (candidates.length === 0) continue;
      const distances = candidates.map((k) => gap(part, out[k]!));
      if (candidates.length === 2 && distances[0] === distances[1]) continue;
      const k = candidates[distances.indexOf(Math.min(...distances))]!;
      out[k] = merged(out[k]!, part);
      out[r] = without(row, own);
    }
  });
  return out.filter((row): row is LayoutRow => row !== undefined);
}

/**
 * Whether a value's text runs on across line `at`: on the lines right above and below it (no blank
 * line between), one in `row` and one in `other`, two values share a column (a name wrapped over the
 * line, `组织开展专项检` / `查2219`, with 上海市… between). The line between is then no line apart
 * from the rows around it, and moving it would split that text between two rows.
 */
function wrapsAcross(row: LayoutRow, other: LayoutRow, at: number, isLabel: (text: string) => boolean): boolean {
  const all = [...row.tokens.map((t) => ({ t, own: true })), ...other.tokens.map((t) => ({ t, own: false }))];
  const above = Math.max(...all.filter(({ t }) => t.line < at).map(({ t }) => t.line));
  const below = Math.min(...all.filter(({ t }) => t.line > at).map(({ t }) => t.line));
  // A cell's lines follow on with no blank line between.
  if (above !== at - 1 || below !== at + 1) return false;
  const upper = all.filter(({ t }) => t.line === above && !isLabel(t.text));
  const lower = all.filter(({ t }) => t.line === below && !isLabel(t.text));
  return upper.some((a) => lower.some((b) => a.own !== b.own && a.t.start < b.t.end && b.t.start < a.t.end));
}

/** The label nearest left of `token` in its row: whose value slot it stands in. */
function labelLeftOf(row: LayoutRow, token: LayoutToken, isLabel: (text: string) => boolean): LayoutToken | undefined {
  return row.tokens.filter((t) => isLabel(t.text) && t.end <= token.start).sort((a, b) => b.end - a.end)[0];
}

/**
 * Whether `token` stands in the value slot of a label of `row` whose value is printed on other
 * lines and in other columns only: no text of that slot on another line overlaps it.
 */
function besideValue(row: LayoutRow, token: LayoutToken, isLabel: (text: string) => boolean): boolean {
  const label = labelLeftOf(row, token, isLabel);
  if (!label) return false;
  const labels = row.tokens.filter((t) => isLabel(t.text));
  const limit = Math.min(...labels.filter((l) => l.start >= label.end).map((l) => l.start));
  const value = row.tokens.filter((t) => t.line !== token.line && !isLabel(t.text) && t.start >= label.end && t.start < limit);
  return value.length > 0 && value.every((t) => t.end <= token.start || t.start >= token.end);
}

/** A row's pieces of text left to right (tokens on different lines that overlap: a wrapped cell), and whether each is a label. */
function pieces(tokens: readonly LayoutToken[], isLabel: (text: string) => boolean): boolean[] {
  const out: Array<{ end: number; label: boolean }> = [];
  for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && t.start < last.end) (last.end = Math.max(last.end, t.end)), (last.label ||= isLabel(t.text));
    else out.push({ end: t.end, label: isLabel(t.text) });
  }
  return out.map((p) => p.label);
}

/**
 * Whether two rows' pieces fall in each other's gaps: no piece of the one overlaps a piece of the
 * other, but where the rows touch (no blank line between) a value's text wrapped over both
 * (`覆盖全区…因素` on the label's line, `影响推进…` on the next, the next row's label beside it).
 */
function apart(row: LayoutRow, other: LayoutRow, isLabel: (text: string) => boolean): boolean {
  const own = pieces(row.tokens, isLabel).length + pieces(other.tokens, isLabel).length;
  const both = pieces([...row.tokens, ...other.tokens], isLabel);
  if (own === both.length) return true;
  if (gap(row, other) > 1) return false;
  const values = (tokens: readonly LayoutToken[]) => pieces(tokens.filter((t) => !isLabel(t.text)), () => false).length;
  // Only value pieces merged: the pieces' count falls by as much as the values' count does.
  return own - both.length === values(row.tokens) + values(other.tokens) - values([...row.tokens, ...other.tokens]);
}

/**
 * Two rows side by side whose pieces fall in each other's gaps, and together read label, value,
 * label, value … where neither did alone: one printed row whose cells are set at different heights
 * (`预算执行数（元）          0.00%` over `0.00   预算执行率（%）`, or a label alone a line off its
 * neighbours). They are joined. Tables (`fixed`) are left alone; when the rows above and below are
 * equally near and both could take a row, it stays where it is. `labelledOnly`: only rows that
 * both hold a label (run before orphan values are placed, so that a value left of the lower row's
 * label goes with the label above it: `项目名称  …` over `个别…449   预算单位`; a row of values alone is
 * left to the orphans' nearest label).
 */
export function joinSplitLabelRows(rows: readonly LayoutRow[], isLabel: (text: string) => boolean, fixed: (row: number) => boolean, labelledOnly = false): LayoutRow[] {
  // Label, value, label, value …: every label with its value, no value without its label.
  const alternates = (tokens: readonly LayoutToken[]) => {
    const labels = pieces(tokens, isLabel);
    return labels.length % 2 === 0 && labels.every((label, i) => label === (i % 2 === 0));
  };
  const fits = (row: LayoutRow, other: LayoutRow) =>
    apart(row, other, isLabel) &&
    row.tokens.some((t) => isLabel(t.text)) &&
    (!labelledOnly || other.tokens.some((t) => isLabel(t.text))) &&
    alternates([...row.tokens, ...other.tokens]) &&
    !(alternates(row.tokens) && alternates(other.tokens));
  // A row of labels alone (预算单位 set at the top of a tall row, blank lines under it) may lie as far off its row as a value may.
  const bare = (row: LayoutRow) => row.tokens.every((t) => isLabel(t.text));
  const reach = (row: LayoutRow, other: LayoutRow) => (labelledOnly && (bare(row) || bare(other)) ? LABEL_REACH : SPLIT_REACH);
  const out: Array<LayoutRow | undefined> = [...rows];
  // The neighbours a row may join: near, on its page, and reading label, value … with it.
  const partners = (r: number) =>
    [r - 1, r + 1].filter((k) => {
      const row = out[r];
      const other = out[k];
      return row !== undefined && other !== undefined && !fixed(r) && !fixed(k) && other.lines[0]?.page === row.lines[0]?.page && gap(row, other) <= reach(row, other) && fits(row, other);
    });
  rows.forEach((_, r) => {
    const row = out[r];
    if (!row || fixed(r) || row.tokens.length === 0) return;
    const candidates = partners(r);
    if (candidates.length === 0) return;
    const distances = candidates.map((k) => gap(row, out[k]!));
    if (candidates.length === 2 && distances[0] === distances[1]) return;
    const k = candidates[distances.indexOf(Math.min(...distances))]!;
    // The row it would join fits its other neighbour more nearly: that one is its own printed row. So
    // it is when as near, that neighbour a label alone and this row not (a value and 实施单位 a line
    // over 主管部门, a line under 项目名称 and its value): a label with no value needs it more.
    const nearer = (j: number) => gap(out[k]!, out[j]!) < gap(out[k]!, row) || (gap(out[k]!, out[j]!) === gap(out[k]!, row) && bare(out[j]!) && !bare(row));
    if (partners(k).some((j) => j !== r && nearer(j))) return;
    out[k] = merged(out[k]!, row);
    out[r] = undefined;
  });
  return out.filter((row): row is LayoutRow => row !== undefined);
}

/**
 * How many lines apart two halves of one printed row may be (counted from the lines a wrapped label
 * was printed over): a value set at the top of a row of two lines' height, beside a label wrapped
 * over three and centred (`89,940,000.00  上年预算金额（元）` two blank lines over 当年预算 / 数（元）).
 */
const SPLIT_REACH = 3;

/** How many lines off its row a row of labels alone may be printed (as a value: REACH). */
const LABEL_REACH = REACH;

/** How many lines away from its question an answer may be printed (each cell set at its own height). */
const ANSWER_REACH = 3;

/**
 * An answer printed a line or more off its question, so that it falls into the row of another
 * label, one whose field takes no such value (a department, a budget unit, whose text it would end;
 * an amount). A question is a label whose field takes one kind of value only, an answer a token of
 * that kind: 是/否 for 是否为经常性项目 (set in the middle of its cell, the answer at the top, a wrapped
 * label beside them: `具体实施处（科室` / `是` / `）`), a rate with its % for 预算执行率（%） (printed
 * between the lines of 预算执行数 / （元）). Such an answer, right of no question in its row, joins the
 * row near it (`ANSWER_REACH` lines) holding a question it answers (`answers`) with an empty slot where it stands.
 * When two rows could take it, it is left where it is.
 */
export function joinAnswersToQuestions(rows: readonly LayoutRow[], answers: (question: string, answer: string) => boolean, isAnswer: (text: string) => boolean, isLabel: (text: string) => boolean, fixed: (row: number) => boolean): LayoutRow[] {
  const out: Array<LayoutRow | undefined> = [...rows];
  const labelLeft = (row: LayoutRow, token: LayoutToken) => labelLeftOf(row, token, isLabel);
  rows.forEach((_, r) => {
    const row = out[r];
    if (!row || fixed(r)) return;
    for (const token of row.tokens.filter((t) => isAnswer(t.text))) {
      const left = labelLeft(out[r]!, token);
      if (left && answers(left.text, token.text)) continue;
      const alone = without(out[r]!, out[r]!.tokens.filter((t) => t !== token))!;
      // Any row within reach: the rows between may be other cells of the answer's own row, set at their own heights.
      const candidates = out.flatMap((_, k) => (k === r ? [] : [k])).filter((k) => {
        const other = out[k];
        if (other === undefined || fixed(k) || other.lines[0]?.page !== row.lines[0]?.page || gap(alone, other) > ANSWER_REACH) return false;
        const question = labelLeft(other, token);
        return question !== undefined && answers(question.text, token.text) && takes(other, token, isLabel);
      });
      if (candidates.length !== 1) continue;
      const k = candidates[0]!;
      out[k] = merged(out[k]!, alone);
      out[r] = without(out[r]!, [token]);
      if (!out[r]) return;
    }
  });
  return out.filter((row): row is LayoutRow => row !== undefined);
}
