import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.js";

/** The drizzle database both drivers give: services take this and never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

/**
 * Opens the database and applies the committed migrations.
 * `url` (a postgres:// URL) selects a PostgreSQL server; otherwise PGlite runs embedded,
 * persisted under `dataDir`, or in memory when `dataDir` is "memory://". `migrate: false` (PostgreSQL
 * only) skips the migrations, for processes started after another one applied them.
 */
export async function openDatabase(options: { url?: string; dataDir?: string; migrate?: boolean }): Promise<Database> {
  if (options.url) {
    // Notices ("relation already exists, skipping") from the migrator are noise here.
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    // Several server processes on one database: the first one migrates, the others only connect.
    if (options.migrate !== false) await migratePostgres(db as never, { migrationsFolder });
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: "pglite", close: () => client.close() };
}
