import { cpus } from "node:os";
import { readEnv } from "./env.js";
import { holdDataDirLock } from "./lib/data-dir-lock.js";
import { bannerLines } from "./server/banner.js";
import { isWorker, runPrimary, runWorker } from "./server/cluster.js";
import { serveApp, startBundles } from "./server/serve.js";
import { startDatabase } from "./server/start-up.js";

/**
 * Start-up: read the environment, then serve from one process, or from `WORKERS` processes on
 * PostgreSQL (the primary opens, migrates and loads once; the workers serve).
 */
async function main() {
  const env = readEnv();
  if (isWorker) return runWorker(env);
  const workers = env.WORKERS ?? (env.DATABASE_URL ? cpus().length : 1);
  if (workers > 1 && !env.DATABASE_URL) {
    throw new Error(
      `WORKERS=${workers} 需要 PostgreSQL（DATABASE_URL）：内置数据库只属于一个进程。 WORKERS above 1 needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process.`,
    );
  }
  if (workers > 1) return runPrimary(env, workers);

  if (!env.DATABASE_URL) holdDataDirLock(env.DATA_DIR, "the server");
  startBundles();
  const started = await startDatabase(env);
  const serving = await serveApp(env, started.database, started.checkers);
  // One write, so whoever watches the output sees the whole banner at once.
  console.log(bannerLines(env, started.database.kind, started, serving.port, 1).join("\n"));
  const shutdown = async () => {
    await serving.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
