import { type Database, openDatabase } from "../db/client.js";
import { readEnv } from "../env.js";
import { holdDataDirLock } from "../lib/data-dir-lock.js";
import { pglitePath } from "../lib/paths.js";

/** Opens the database the server would use (DATABASE_URL, else PGlite under DATA_DIR). */
export async function openCliDatabase(): Promise<Database> {
  const env = readEnv();
  if (!env.DATABASE_URL) holdDataDirLock(env.DATA_DIR, "the command line (npm run cli)");
  return openDatabase({ url: env.DATABASE_URL, dataDir: pglitePath(env.DATA_DIR) });
}
