/**
 * A bounded memo for pure functions of one string (parsing a target, folding text): checking a
 * province means the same targets and labels again and again. When full it starts afresh,
 * which keeps memory bounded without bookkeeping.
 */
export function memoByString<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    if (cache.size >= limit) cache = new Map();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}
