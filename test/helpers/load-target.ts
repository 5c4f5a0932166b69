import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { openDatabase } from "../../src/db/client.js";
import { pglitePath } from "../../src/lib/paths.js";
import small from "../fixtures/small-survey.json" with { type: "json" };

/** Where a load test's server keeps its data, and how the test reads back what was stored. */
export interface LoadTarget {
  kind: "pglite" | "postgres";
  /** The server's environment: its database, and a surveys/ holding only the small survey. */
  env: Record<string, string>;
  /** The test database's name on PostgreSQL (for pg_terminate_backend), undefined on PGlite. */
  databaseName?: string;
  /** Every stored response id, with duplicates if there were any. On PGlite the server must be stopped. */
  storedIds(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A fresh database for a server started as a child process: a new PostgreSQL database when
 * DATABASE_URL is set (dropped on close), else an embedded data folder in a temporary directory.
 */
export async function openLoadTarget(): Promise<LoadTarget> {
  const work = mkdtempSync(join(tmpdir(), "djs-load-"));
  const surveysDir = join(work, "surveys");
  mkdirSync(surveysDir);
  writeFileSync(join(surveysDir, "small.json"), JSON.stringify(small));
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = join(work, "data");
    return {
      kind: "pglite",
      env: { DATABASE_URL: "", DATA_DIR: dataDir, SURVEYS_DIR: surveysDir },
      async storedIds() {
        const database = await openDatabase({ dataDir: pglitePath(dataDir) });
        try {
          const rows = await database.db.execute<{ id: string }>("select id::text as id from responses");
          return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
        } finally {
          await database.close();
        }
      },
      async close() {
        rmSync(work, { recursive: true, force: true });
      },
    };
  }
  const name = `t_load_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    kind: "postgres",
    // One server process (the default on PostgreSQL is one per core): the SIGKILL must hit the
    // process that serves, not a cluster primary whose workers would then shut down cleanly, and a
    // process the faults kill must show as the server's exit, not be replaced unseen by the primary.
    env: { DATABASE_URL: testUrl.toString(), DATA_DIR: join(work, "data"), SURVEYS_DIR: surveysDir, WORKERS: "1" },
    databaseName: name,
    async storedIds() {
      const reader = postgres(testUrl.toString(), { max: 1 });
      try {
        return (await reader<{ id: string }[]>`select id::text as id from responses`).map((r) => r.id);
      } finally {
        await reader.end();
      }
    },
    async close() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Ends every connection of database `name` but this one's: the "connections dropped" fault, on the test database only. */
export async function terminateConnections(name: string): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("terminateConnections needs DATABASE_URL");
  const admin = postgres(url, { max: 1 });
  try {
    const rows = await admin`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    return rows.filter((r) => r.done).length;
  } finally {
    await admin.end();
  }
}
