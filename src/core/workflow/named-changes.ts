/**
 * Field changes that a person can read: a change inside `indicators[i]` carries the indicator's
 * name, since "自评分: 9 → —" says nothing without it. The name is the one after the change (the
 * one before when the indicator was removed), as the form read at that moment: stored with an
 * audit entry, it stays right when the indicators are later renamed or reordered.
 */
import type { FieldChange } from './field-changes.ts';

export interface NamedFieldChange extends FieldChange {
  /** For a path inside `indicators[index]`: that indicator, by position and name. */
  indicator?: { index: number; name: string };
}

type WithIndicators = { indicators?: ReadonlyArray<{ name?: unknown } | null | undefined> } | null | undefined;

const INDICATOR_PATH = /^indicators\[(\d+)\]/u;

export function nameIndicators(changes: readonly FieldChange[], before: unknown, after: unknown): NamedFieldChange[] {
  return changes.map((change) => {
    const m = INDICATOR_PATH.exec(change.path);
    if (!m) return change;
    const index = Number(m[1]);
    const name = nameAt(after, index) ?? nameAt(before, index);
    return name === undefined ? change : { ...change, indicator: { index, name } };
  });
}

function nameAt(document: unknown, index: number): string | undefined {
  const name = (document as WithIndicators)?.indicators?.[index]?.name;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}
