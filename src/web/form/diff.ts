/** The fields where two versions of an evaluation differ, for "see both" after an edit conflict. */

export interface FieldDifference {
  path: string;
  mine: unknown;
  theirs: unknown;
}

/** Leaf values by path: `project.name`, `indicators[3].score`. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

export function diffEvaluations(mine: unknown, theirs: unknown): FieldDifference[] {
  const a = flatten(mine);
  const b = flatten(theirs);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.filter((p) => !sameValue(a.get(p), b.get(p))).map((path) => ({ path, mine: a.get(path), theirs: b.get(path) }));
}

/** A blank and a missing field read the same on the form. */
function sameValue(x: unknown, y: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  return (blank(x) && blank(y)) || x === y;
}
