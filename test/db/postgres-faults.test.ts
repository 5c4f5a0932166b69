import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { isDatabaseUnavailable } from "../../src/db/unavailable.js";
import { openTestDatabase } from "../helpers/database.js";

// Faults of a PostgreSQL server's connections, on this file's own database only.
describe.skipIf(!process.env.DATABASE_URL)("postgres.js when the server drops a connection", () => {
  let database: Database;
  let url: string;
  let admin: postgres.Sql;
  beforeAll(async () => {
    database = await openTestDatabase();
    const [{ name }] = (await database.db.execute("select current_database() as name")) as unknown as { name: string }[];
    const u = new URL(process.env.DATABASE_URL as string);
    u.pathname = `/${name}`;
    url = u.toString();
    admin = postgres(process.env.DATABASE_URL as string, { max: 1 });
  });
  afterAll(async () => {
    await admin?.end();
    await database?.close();
  });

  // Before scripts/patch-postgres.mjs, the first round ended the process: the transaction's ROLLBACK
  // went to the closed connection and `socket.write` ran on null from a setImmediate
  // (porsager/postgres#1208). Vitest fails a file whose worker throws an uncaught error.
  it("fails the transaction whose backend was terminated, and the pool goes on", async () => {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    try {
      for (let round = 0; round < 5; round++) {
        const outcome = sql
          .begin(async (tx) => {
            const [{ pid }] = await tx`select pg_backend_pid() as pid`;
            setTimeout(() => void admin`select pg_terminate_backend(${pid})`.catch(() => {}), 50);
            await tx`select pg_sleep(2)`;
          })
          .then(
            () => undefined,
            (err: unknown) => err,
          );
        const err = await outcome;
        expect(err).toBeDefined();
        expect(isDatabaseUnavailable(err)).toBe(true);
        const started = Date.now();
        expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
        expect(Date.now() - started).toBeLessThan(2_000);
      }
      // Time for anything left behind (a write put off with setImmediate) to fire.
      await sleep(200);
    } finally {
      // Resolves only if no connection kept a dead query (the patch's `query = null`).
      await sql.end({ timeout: 5 });
    }
  });

  it("bounds each statement by statement_timeout (a 503, not a hang)", async () => {
    const bounded = await openDatabase({ url, pool: { max: 2, statementTimeoutMs: 300 } });
    try {
      const shown = (await bounded.db.execute("show statement_timeout")) as unknown as { statement_timeout: string }[];
      expect(shown[0].statement_timeout).toBe("300ms");
      const started = Date.now();
      const err = await bounded.db.execute("select pg_sleep(3)").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      await bounded.close();
    }
  });
});
