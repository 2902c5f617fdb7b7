/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, the
 * network cut, the pool out of time) rather than a fault in the request or the code: such a
 * request is answered 503 and the next one tries again, since the pg pool reconnects by itself.
 */

/** Node socket errors of a connection that cannot be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now (starting up or shutting down), 53300 too many connections.
 */
const PG_CODES = /^(08\w{3}|57P0[123]|53300)$/u;
/** SQLite: the file is locked past the busy timeout, or cannot be read or written. */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL)(_|$)/u;
/** What pg and pg-pool say without a code. */
const PG_MESSAGES = [
  /^Connection terminated/u,
  /^timeout exceeded when trying to connect/u,
  /^Client has encountered a connection error and is not queryable/u,
  /^Client was closed and is not queryable/u,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || PG_CODES.test(code) || SQLITE_CODES.test(code))) return true;
  if (PG_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // A refused connection to a host with several addresses (IPv4 and IPv6) is an AggregateError.
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
