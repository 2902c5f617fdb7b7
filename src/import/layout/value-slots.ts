/**
 * The value slots of a form's labels in layout text: a label's value is printed right of it, up to
 * where the next label (on its line or a line near it) starts. A value right of where another label
 * starts is that label's, whatever line it is printed on.
 */
import type { LayoutLine, LayoutToken } from './layout-lines.ts';
import type { TextRows } from './layout-rows.ts';

/**
 * Whether label `label` starts the next column of labels between a label ending at column `end` and
 * text starting at column `at`: right of that label, at or left of the text, and further from the
 * label than the text is from it (labels of one column, a few columns apart as pdftotext sets them,
 * 是否为经常性项目 and 预算单位, are not).
 */
export function opensSlot(label: { start: number }, end: number, at: number): boolean {
  return label.start > end && label.start <= at && label.start - end > at - label.start;
}

/**
 * Whether token `t` is in the value slot of a label ending at column `end`: right of it, and left of
 * every label printed near it (`near`) that starts the next column of labels. A value right of where
 * a label of the next line starts is that label's (主管部门 … 综合科, 实施单位 a line lower, left of 综合科).
 */
function inSlot(t: LayoutToken, end: number, near: readonly LayoutToken[]): boolean {
  return t.start >= end && !near.some((u) => opensSlot(u, end, t.start));
}

/** The labels printed within two lines of line `i` (its own too), on its page: they part the columns into value slots. */
function labelsNear(lines: readonly LayoutLine[], i: number, from: number, text: TextRows): LayoutToken[] {
  return lines.slice(Math.max(from, i - 2), i + 3).flatMap((l) => l.tokens.filter((t) => text.isLabel(t.text)));
}

/** The labels of line `i` that must have a value (see TextRows.needsValue) and have none in their slot on the line. */
export function needyLabels(lines: readonly LayoutLine[], i: number, from: number, text: TextRows): LayoutToken[] {
  const line = lines[i]!;
  const near = labelsNear(lines, i, from, text);
  const own = (u: LayoutToken) => line.tokens.filter((t) => !text.isLabel(t.text) && inSlot(t, u.end, near));
  return line.tokens.filter((u) => text.isLabel(u.text) && text.needsValue?.({ ...line, tokens: [u, ...own(u)] }) === true);
}

/**
 * For the labels of line `i` that need a value and have none on it: whether a line holds text in
 * the slot of one of them. Undefined when no label of the line needs one.
 */
export function bareSlots(lines: readonly LayoutLine[], i: number, from: number, text: TextRows): ((line: LayoutLine | undefined) => boolean) | undefined {
  if (i >= lines.length) return undefined;
  const needy = needyLabels(lines, i, from, text);
  if (needy.length === 0) return undefined;
  const near = labelsNear(lines, i, from, text);
  return (line) => (line?.tokens ?? []).some((t) => !text.isLabel(t.text) && needy.some((u) => inSlot(t, u.end, near)));
}
