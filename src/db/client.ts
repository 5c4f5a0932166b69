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

/** Bounds of the PostgreSQL pool; each has a default that suits one API process. */
export interface PoolSettings {
  /** Connections at most (postgres.js opens them as needed). */
  max?: number;
  /** Server-side limit on one statement, in milliseconds (PostgreSQL's statement_timeout). */
  statementTimeoutMs?: number;
}

/**
 * The pool's options. A database that cannot be reached must fail a request within a second or
 * two (a 503 the client retries, see src/db/unavailable.ts), never hold it: hence the short connect
 * timeout. Idle connections are closed after a minute, so a load balancer or a database restart
 * does not leave dead ones behind, and no connection lives longer than half an hour.
 * A transaction left open (a stuck request) is ended by the server after a minute.
 */
function poolOptions(settings: PoolSettings) {
  return {
    max: settings.max ?? 10,
    connect_timeout: 2,
    idle_timeout: 60,
    max_lifetime: 30 * 60,
    connection: {
      application_name: "dangjian-survey",
      statement_timeout: settings.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
    onnotice: () => {},
  };
}

/**
 * Opens the database and applies the committed migrations.
 * `url` (a postgres:// URL) selects a PostgreSQL server; otherwise PGlite runs embedded,
 * persisted under `dataDir`, or in memory when `dataDir` is "memory://". `migrate: false` (PostgreSQL
 * only) skips the migrations, for processes started after another one applied them.
 */
export async function openDatabase(options: { url?: string; dataDir?: string; pool?: PoolSettings; migrate?: boolean }): Promise<Database> {
  if (options.url) {
    // Migrations run on a connection of their own, without the statement timeout: rewriting a
    // large table may rightly take longer than any request. Notices ("relation already exists,
    // skipping") from the migrator are noise here.
    // Several server processes on one database: the first one migrates, the others only connect.
    if (options.migrate !== false) {
      const migrator = postgres(options.url, { max: 1, connect_timeout: 10, onnotice: () => {} });
      try {
        await migratePostgres(drizzlePostgres(migrator, { schema }) as never, { migrationsFolder });
      } finally {
        await migrator.end({ timeout: 5 });
      }
    }
    const client = postgres(options.url, poolOptions(options.pool ?? {}));
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: "pglite", close: () => client.close() };
}
