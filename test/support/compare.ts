/** Comparing imported forms with transcriptions: text without white space, as PDF extraction loses it. */
export function withoutWhiteSpace(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/gu, '');
  if (Array.isArray(value)) return value.map(withoutWhiteSpace);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutWhiteSpace(v)]));
  }
  return value;
}
