import { join } from "node:path";

/**
 * The server's control socket in the data folder: while the server holds the embedded
 * database, `npm run cli -- user …` and `token …` ask it over this socket instead of
 * opening the database themselves. Only the folder's owner may connect (mode 0600), the
 * same people who could open the database when the server is stopped.
 */
export function controlSocketPath(dataDir: string): string {
  return join(dataDir, "control.sock");
}
