import { existsSync } from "node:fs";
import { controlSocketPath } from "../control/socket-path.js";
import { readEnv } from "../env.js";
import { dataDirHolder } from "../lib/data-dir-lock.js";

/**
 * The data folder whose running server the command must ask, or undefined when the command
 * opens the database itself (PostgreSQL, or an embedded database no server is using): two
 * processes must never open the same embedded database.
 */
export function runningServer(): string | undefined {
  const env = readEnv();
  if (!env.DATABASE_URL && dataDirHolder(env.DATA_DIR) && existsSync(controlSocketPath(env.DATA_DIR))) return env.DATA_DIR;
  return undefined;
}
