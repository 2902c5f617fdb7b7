/**
 * LIKE conditions on the user's text taken literally: its `%`, `_` and `\` escaped with `\`, and
 * the ESCAPE clause given (SQLite has no default escape character; PostgreSQL's is `\`).
 */
import { sql, type RawBuilder } from 'kysely';

const literal = (text: string) => text.replace(/[\\%_]/gu, (c) => `\\${c}`);

/** `column LIKE '%text%'`. */
export const containing = (column: string, text: string): RawBuilder<boolean> => sql<boolean>`${sql.ref(column)} like ${`%${literal(text)}%`} escape '\\'`;

/** `column LIKE 'text%'`. */
export const startingWith = (column: string, text: string): RawBuilder<boolean> => sql<boolean>`${sql.ref(column)} like ${`${literal(text)}%`} escape '\\'`;
