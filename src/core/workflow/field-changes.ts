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

/**
 * Runs at every save over the whole form, where nearly every leaf is unchanged: one path is pushed
 * and popped (written out only for a change), and leaves that are the same value (or the same
 * object) are passed by `===` before any JSON is made of them.
 */
function walk(a: Json, b: Json, path: Array<string | number>, out: FieldChange[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      path.push(i);
      walk(i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, path, out);
      path.pop();
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    // In the order of the new version (as its author wrote it), then the removed fields: the same
    // order whatever the database did to the stored keys (PostgreSQL's jsonb sorts them).
    for (const key of Object.keys(b)) walkKey(a, b, key, path, out);
    for (const key of Object.keys(a)) if (!(key in b)) walkKey(a, b, key, path, out);
    return;
  }
  // Two different strings differ as JSON too; anything else as JSON says (null and a missing value, -0 and 0).
  if (!(typeof a === 'string' && typeof b === 'string') && JSON.stringify(a) === JSON.stringify(b)) return;
  out.push({ path: formatPath(path) || '(root)', from: a ?? null, to: b ?? null });
}

function walkKey(a: Record<string, Json>, b: Record<string, Json>, key: string, path: Array<string | number>, out: FieldChange[]): void {
  path.push(key);
  walk(a[key], b[key], path, out);
  path.pop();
}
