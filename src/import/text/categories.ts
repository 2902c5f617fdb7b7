/**
 * Which block (一级指标) each indicator belongs to where the text does not say: extractors print
 * the merged 一级指标 cells apart from their rows. The template's caps (产出 45 · 效益 35 · 满意度 20)
 * are filled in form order, so the running sum of weights must land on each cap exactly at a row
 * boundary. Where it does not, the rows from that block on are left without a category and it is
 * reported; nothing is guessed.
 */
import { exactText } from '../../core/numbers/exact-decimal.ts';
import type { Label } from '../../core/templates/template.ts';
import { blockLabel } from '../../core/templates/labels.ts';
import type { Template } from '../../core/templates/template.ts';
import { compareHundredths, pointsHundredths } from '../../core/values/read-value.ts';

export interface Block {
  categories: string[];
  points: number;
}

export type Inference =
  | { ok: true; categories: Array<string | null>; blocks: BlockRows[]; complete: boolean }
  | { ok: false; categories: Array<string | null>; blocks: BlockRows[]; failedAt: number; reason: 'noWeight' | 'overCap' | 'beyondCaps' };

/** Rows `from`–`to` (0-based, inclusive) of one block, and the weight they hold. */
export interface BlockRows {
  block: Block;
  from: number;
  to: number;
  /** The weights of the rows summed, in hundredths of a point (exact). */
  weightHundredths: number;
}

/**
 * The template's blocks, with the points the form prints in its captions (产出指标(45分)) where a
 * block is one category: the form's own numbers win over the template's.
 */
export function blocksOf(template: Template, printed: ReadonlyMap<string, number>): Block[] {
  return template.caps.map((cap) => {
    const own = cap.categories.length === 1 ? printed.get(cap.categories[0]!) : undefined;
    return { categories: [...cap.categories], points: own ?? cap.points };
  });
}

export function inferCategories(weights: ReadonlyArray<number | undefined>, blocks: readonly Block[]): Inference {
  const categories: Array<string | null> = weights.map(() => null);
  const done: BlockRows[] = [];
  let b = 0;
  let from = 0;
  // The weights were read as points (at most 2 decimals): summed in integer hundredths, exactly.
  let filled = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    const block = blocks[b];
    if (weight === undefined) return { ok: false, categories, blocks: done, failedAt: from, reason: 'noWeight' };
    if (!block) return { ok: false, categories, blocks: done, failedAt: i, reason: 'beyondCaps' };
    filled += pointsHundredths(weight);
    const against = compareHundredths(filled, block.points);
    if (against > 0) return { ok: false, categories, blocks: done, failedAt: from, reason: 'overCap' };
    if (against === 0) {
      done.push({ block, from, to: i, weightHundredths: filled });
      for (let j = from; j <= i; j++) categories[j] = block.categories.length === 1 ? block.categories[0]! : null;
      b++;
      from = i + 1;
      filled = 0;
    }
  }
  // Rows that end inside a block (a truncated form) are placed in it, and it is said.
  if (from < weights.length) {
    done.push({ block: blocks[b]!, from, to: weights.length - 1, weightHundredths: filled });
    for (let j = from; j < weights.length; j++) categories[j] = blocks[b]!.categories.length === 1 ? blocks[b]!.categories[0]! : null;
  }
  return { ok: true, categories, blocks: done, complete: b === blocks.length };
}

/** "第1–15项 产出指标(45分)；…" / "rows 1–15 Output (45); …" for the diagnostics. */
export function describeBlocks(template: Template, rows: readonly BlockRows[]): Label {
  const weight = (r: BlockRows): string => exactText({ units: BigInt(r.weightHundredths), places: 2 });
  const zh = rows.map((r) => `第${r.from + 1}–${r.to + 1}项 ${blockLabel(template, r.block.categories).zh}(${weight(r)}/${r.block.points}分)`);
  const en = rows.map((r) => `rows ${r.from + 1}–${r.to + 1} ${blockLabel(template, r.block.categories).en} (${weight(r)}/${r.block.points})`);
  return { zh: zh.join('；'), en: en.join('; ') };
}
