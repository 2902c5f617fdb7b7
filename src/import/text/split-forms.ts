/**
 * Where one form ends and the next begins. Extractors print a form's parts out of order (the
 * title may come after the table), so forms are cut at a part every form has exactly once: the
 * indicator table's column header, with the bare right-hand labels printed just above it
 * (预算单位 / 是否为经常性项目 …). Without headers the titles are the anchors.
 */
import type { ClassifiedLine } from './classify-lines.ts';
import { isNarrative } from './field-kinds.ts';

export interface FormText {
  lines: ClassifiedLine[];
}

export function splitForms(lines: readonly ClassifiedLine[]): FormText[] {
  const headers = anchorsOf(lines, 'header');
  const titles = anchorsOf(lines, 'title');
  const anchors = headers.length >= titles.length ? headers : titles;
  if (anchors.length === 0) return [{ lines: [...lines] }];
  const starts = anchors.map((i, n) => (n === 0 ? 0 : pullUpBareLabels(lines, i)));
  return starts.map((start, n) => ({ lines: lines.slice(start, starts[n + 1] ?? lines.length) }));
}

/** The first line of each run of `kind` lines (a wrapped header is one anchor). */
function anchorsOf(lines: readonly ClassifiedLine[], kind: 'header' | 'title'): number[] {
  const out: number[] = [];
  let previous: string | null = null;
  lines.forEach((line, i) => {
    if (line.is.kind === 'blank') return;
    if (line.is.kind === kind && previous !== kind) out.push(i);
    previous = line.is.kind;
  });
  return out;
}

/** Move a cut up over the bare labels (and blank lines) that belong to the form below it. */
function pullUpBareLabels(lines: readonly ClassifiedLine[], at: number): number {
  let start = at;
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.is.kind === 'blank') continue;
    if (!isBareLabel(line)) break;
    start = i;
  }
  return start;
}

export function isBareLabel(line: ClassifiedLine): boolean {
  return line.is.kind === 'field' && line.is.parts.every((p) => p.value === '' && !isNarrative(p.path));
}
