/** Types of bin/server-build.js (plain JavaScript: it runs before any TypeScript loader). */
export const ROOT: string;
export const BUILD: string;
export const STAMP: string;
export function buildIsFresh(): boolean;
