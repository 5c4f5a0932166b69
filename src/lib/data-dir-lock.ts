import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * PGlite is one process's database: a second process opening the same folder corrupts
 * it. A pid file keeps the server and the CLI from opening it at once and says who has it.
 */
export function holdDataDirLock(dataDir: string, who: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "in-use.pid");
  try {
    const [pid, holder] = readFileSync(file, "utf8").split("\n");
    if (Number(pid) !== process.pid && isAlive(Number(pid))) {
      throw new Error(
        `${dataDir} is in use by ${holder || "another process"} (pid ${pid}). ` + `Stop it first, or set DATABASE_URL to use a PostgreSQL server that both can share.`,
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  writeFileSync(file, `${process.pid}\n${who}\n`);
  process.on("exit", () => {
    try {
      if (readFileSync(file, "utf8").startsWith(`${process.pid}\n`)) rmSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the data folder (its pid and who it said it is), or undefined. */
export function dataDirHolder(dataDir: string): { pid: number; who: string } | undefined {
  try {
    const [pid, who] = readFileSync(join(dataDir, "in-use.pid"), "utf8").split("\n");
    return Number(pid) !== process.pid && isAlive(Number(pid)) ? { pid: Number(pid), who } : undefined;
  } catch {
    return undefined;
  }
}
