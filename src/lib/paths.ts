import { join } from "node:path";

/** Where PGlite keeps its files inside the data folder. */
export function pglitePath(dataDir: string): string {
  return join(dataDir, "pglite");
}
