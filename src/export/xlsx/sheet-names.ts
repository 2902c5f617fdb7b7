/** Sheet names after the project: unique within the workbook, at most 31 characters, no []:*?/\ . */
const MAX_LENGTH = 31;

function clean(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/gu, ' ').replace(/^'+|'+$/gu, '').trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

function truncate(name: string, length: number): string {
  return [...name].slice(0, length).join('');
}

/** A name not yet in `taken` (compared case-insensitively, as Excel does); adds it to `taken`. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = truncate(clean(wanted), MAX_LENGTH);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = truncate(base, MAX_LENGTH - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
