/**
 * Whether an error means "the database cannot answer now" (down, unreachable, restarting, its
 * connections dropped, overloaded or timed out) rather than a fault of the request or of our
 * code. The one place that knows the drivers' spellings: postgres.js connection codes, Node's
 * socket errors, PostgreSQL SQLSTATEs, and PGlite closed under a request. drizzle wraps a
 * driver error in its own (the driver's is its `cause`), so the chain of causes is walked.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || SQLSTATES.has(code) || code.startsWith("08"))) return true;
    if (e instanceof Error && /^PGlite is closed/.test(e.message)) return true;
  }
  return false;
}

/** Seconds a client is asked to wait (Retry-After) before it sends again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// postgres.js's own codes (Errors.connection) and the socket errors it passes on.
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// SQLSTATEs (class 08, connection exception, is matched by its prefix).
const SQLSTATES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a server shutting down
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "57P05", // idle_session_timeout
  "57014", // query_canceled: our statement_timeout
  "53300", // too_many_connections
  "53400", // configuration_limit_exceeded
]);
