/**
 * The field-level changes between two versions of an evaluation, for the audit log: each leaf
 * that differs, by its path as the checks write it (`indicators[3].score`). An added or removed
 * field or array element is one change from or to null, holding the whole value.
 */
import { formatPath } from '../model/path.ts';

export interface FieldChange {
  path: string;
  from: unknown;
  to: unknown;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fieldChanges(before: Json, after: Json): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out);
  return out;
}

function walk(a: Json, b: Json, path: Array<string | number>, out: FieldChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      walk(i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, [...path, i], out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    // In the order of the new version (as its author wrote it), then the removed fields: the same
    // order whatever the database did to the stored keys (PostgreSQL's jsonb sorts them).
    const keys = [...Object.keys(b), ...Object.keys(a).filter((key) => !(key in b))];
    for (const key of keys) walk(a[key], b[key], [...path, key], out);
    return;
  }
  if (a === undefined && b === undefined) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  out.push({ path: formatPath(path) || '(root)', from: a ?? null, to: b ?? null });
}
