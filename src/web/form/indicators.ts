/**
 * The indicator table's edits: grouped by the template's blocks (caps), rows added to a block,
 * removed, and moved up or down inside their block. Pure: each returns a new list.
 */
import type { Indicator } from '../../core/model/evaluation.ts';
import type { Template } from '../../core/templates/template.ts';

export interface Block {
  /** The cap's categories; empty for the rows no block takes (no or unknown 一级指标). */
  categories: string[];
  cap: number | null;
  /** Indices into the evaluation's indicators, in form order. */
  rows: number[];
}

export function groupIntoBlocks(indicators: readonly Indicator[], template: Template): Block[] {
  const taken = new Set<number>();
  const blocks: Block[] = template.caps.map((cap) => {
    const rows = indicators.flatMap((ind, i) => (ind.category !== undefined && cap.categories.includes(ind.category) ? [i] : []));
    rows.forEach((i) => taken.add(i));
    return { categories: [...cap.categories], cap: cap.points, rows };
  });
  const rest = indicators.map((_, i) => i).filter((i) => !taken.has(i));
  return rest.length ? [...blocks, { categories: [], cap: null, rows: rest }] : blocks;
}

/** A new row for a block, after the block's last row so the form order stays grouped. */
export function addIndicator(indicators: readonly Indicator[], category: string, id: string): Indicator[] {
  const row: Indicator = { id, category, name: '', target: '', weight: undefined, rule: '', score: undefined, remark: '' };
  let last = -1;
  indicators.forEach((ind, i) => {
    if (ind.category === category) last = i;
  });
  const at = last === -1 ? indicators.length : last + 1;
  return [...indicators.slice(0, at), row, ...indicators.slice(at)];
}

export function removeIndicator(indicators: readonly Indicator[], index: number): Indicator[] {
  return indicators.filter((_, i) => i !== index);
}

/** Swaps a row with its neighbour in the same block (-1 up, +1 down); at the block's edge nothing moves. */
export function moveIndicator(indicators: readonly Indicator[], blockRows: readonly number[], index: number, direction: -1 | 1): Indicator[] {
  const at = blockRows.indexOf(index);
  const other = blockRows[at + direction];
  if (at === -1 || other === undefined) return [...indicators];
  const out = [...indicators];
  [out[index], out[other]] = [out[other]!, out[index]!];
  return out;
}

export function updateIndicator(indicators: readonly Indicator[], index: number, patch: Partial<Indicator>): Indicator[] {
  return indicators.map((ind, i) => (i === index ? dropUndefined({ ...ind, ...patch }) : ind));
}

/** A cleared number is `undefined`; leave it out so the JSON says "not filled" the way files do. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
