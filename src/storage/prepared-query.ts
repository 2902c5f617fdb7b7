/**
 * A query built and compiled once per dialect, then executed with new parameters. Kysely builds
 * and compiles each query afresh every time it runs (an immutable tree of nodes, frozen, walked by
 * the compiler): on the save path that was a fifth of a save's CPU on SQLite. For the few queries
 * run at every save the tree is built once with a marker for each parameter; the compiled SQL keeps
 * the markers' places, and each run puts its values there.
 *
 * Only for queries whose shape does not depend on the values (no optional clauses, no lists):
 * every value must reach the SQL as a named parameter, which `compile` checks (a constant other
 * than null, or a marker Kysely inlined or dropped, is an error at the first run, not a wrong query).
 */
import type { CompiledQuery, Compilable, QueryResult } from 'kysely';
import { dialectName, type DialectName } from './dialect.ts';
import type { Db } from './open-database.ts';

/** Each parameter's marker: a string no caller passes (NUL cannot be stored, storable-text.ts). */
const marker = (name: string) => `\u0000jixiao-parameter:${name}\u0000`;

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** For each parameter of the compiled query, the name whose value goes there (null: a constant null, `is null`). */
  slots: ReadonlyArray<string | null>;
}

export class PreparedQuery<N extends string, R> {
  private readonly compiled = new Map<DialectName, Compiled<R>>();

  /** `build` makes the query from the database and the parameters by name (markers, at compile time). */
  constructor(
    private readonly names: readonly N[],
    private readonly build: (db: Db, parameters: Record<N, any>) => Compilable<R>,
  ) {}

  /** Runs on `db` (a connection or a transaction) with these values. */
  async execute(db: Db, values: Record<N, unknown>): Promise<QueryResult<R>> {
    const { query, slots } = this.compiledFor(db);
    const parameters = new Array<unknown>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const name = slots[i]!;
      parameters[i] = name === null ? null : values[name as N];
    }
    return db.executeQuery<R>({ ...query, parameters });
  }

  private compiledFor(db: Db): Compiled<R> {
    const dialect = dialectName(db);
    let found = this.compiled.get(dialect);
    if (!found) {
      found = compile(db, this.names, this.build);
      this.compiled.set(dialect, found);
    }
    return found;
  }
}

function compile<R>(db: Db, names: readonly string[], build: (db: Db, parameters: any) => Compilable<R>): Compiled<R> {
  const byMarker = new Map(names.map((name) => [marker(name), name]));
  const query = build(db, Object.fromEntries(names.map((name) => [name, marker(name)]))).compile();
  const slots = query.parameters.map((value, i) => {
    if (value === null) return null;
    const name = typeof value === 'string' ? byMarker.get(value) : undefined;
    if (name === undefined) throw new Error(`prepared query: parameter ${i + 1} is a constant (${String(value)}); pass it as a named parameter`);
    return name;
  });
  const unused = names.filter((name) => !slots.includes(name));
  if (unused.length > 0) throw new Error(`prepared query: ${unused.join(', ')} did not become parameters of ${query.sql}`);
  if (!statementNames.has(query.sql)) statementNames.set(query.sql, `jixiao_${statementNames.size + 1}`);
  return { query, slots };
}

/**
 * The SQL of every prepared query compiled in this process, with a name of its own: PostgreSQL
 * keeps such a statement parsed and planned per connection (open-database.ts gives pg the name),
 * where an unnamed one is parsed and planned at each run. A handful of texts (the queries built
 * here are few and fixed), so the statements each connection keeps are bounded too.
 */
const statementNames = new Map<string, string>();

/** The name of `sql` if it is the text of a prepared query. */
export function statementName(sql: string): string | undefined {
  return statementNames.get(sql);
}
