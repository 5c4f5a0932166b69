import type { SQL } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Runs a raw `sql` query and returns its rows on either driver: PGlite's `execute`
 * answers `{ rows }`, postgres-js answers the row array itself. Cast columns in SQL
 * (`::int`, `::float8`, `::text`) so both drivers give the same JavaScript types.
 * @example const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from responses`);
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
