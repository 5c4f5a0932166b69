import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase } from "../../src/db/client.js";
import { createUser, findUser } from "../../src/services/accounts/users.js";
import { createToken } from "../../src/services/tokens.js";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (created here, dropped on close),
 * so test files never see each other's rows.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ dataDir: "memory://" });

  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: testUrl.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * The headers of an administrator's API token (an account made here on first use), who
 * reaches every survey. Role tests make their own members: see test/helpers/accounts.ts.
 */
export async function researcherHeaders(database: Database): Promise<Record<string, string>> {
  const admin =
    (await findUser(database.db, "test-admin")) ??
    (await createUser(database.db, { login: "test-admin", name: "Test administrator", password: "test-admin-password", admin: true }));
  const { token } = await createToken(database.db, "test", admin.id);
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}
