import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../src/db/unavailable.js";
import { AppError } from "../../src/errors.js";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: unknown) => err,
  );

it("counts a refused connection as unavailable, at once", async () => {
  // Nothing listens on this loopback port (the range of this work), so the connection is refused.
  const sql = postgres("postgres://postgres@127.0.0.1:18199/none", { max: 1, connect_timeout: 2, onnotice: () => {} });
  const started = Date.now();
  const err = await failure(sql`select 1`);
  await sql.end({ timeout: 0 });
  expect(Date.now() - started).toBeLessThan(2_500);
  expect((err as { code?: string }).code).toBe("ECONNREFUSED");
  expect(isDatabaseUnavailable(err)).toBe(true);
});

it("counts a closed PGlite as unavailable, and a wrong statement or an AppError as not", async () => {
  const db = await PGlite.create("memory://");
  const wrong = await failure(db.query("select * from no_such_table"));
  expect(isDatabaseUnavailable(wrong)).toBe(false);
  await db.close();
  const closed = await failure(db.query("select 1"));
  expect(isDatabaseUnavailable(closed)).toBe(true);
  // drizzle wraps the driver's error; the cause is what counts.
  expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: closed }))).toBe(true);
  expect(isDatabaseUnavailable(new AppError("not_found", "no"))).toBe(false);
}, 120_000);
