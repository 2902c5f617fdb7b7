/** Field paths as people read them in messages: `evaluations[0].indicators[8].score`. */
export type PathSegment = string | number;

export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((out, seg) => {
    if (typeof seg === 'number') return `${out}[${seg}]`;
    const name = String(seg);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}
