import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { openDatabase } from "./db/client.js";
import { readEnv } from "./env.js";
import { holdDataDirLock } from "./lib/data-dir-lock.js";
import { loadSurveyFiles } from "./services/survey-files.js";
import { listSurveys } from "./services/surveys.js";
import { AnswerCheckers } from "./services/answer-checkers.js";
import { loadDemoWithProgress } from "./cli/demo.js";
import { pglitePath } from "./lib/paths.js";

/** Start-up: read the environment, open and migrate the database, load surveys/, serve. */
async function main() {
  const env = readEnv();
  if (!env.DATABASE_URL) holdDataDirLock(env.DATA_DIR, "the server");
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: pglitePath(env.DATA_DIR) });
  const firstStart = (await listSurveys(database.db)).length === 0;
  const loaded = await loadSurveyFiles(database.db, env.SURVEYS_DIR);
  const checkers = new AnswerCheckers();
  // A new user's first start shows a real investigation at once. Only on a new embedded
  // database: a PostgreSQL server is somebody's real study (use `npm run cli -- demo load`).
  if (firstStart && database.kind === "pglite") await loadDemoWithProgress(database.db, checkers);

  const app = createApp({ db: database.db, kind: database.kind, checkers });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const base = env.PUBLIC_URL ?? `http://localhost:${info.port}`;
    console.log(`数据库 database: ${database.kind}${database.kind === "pglite" ? ` (${pglitePath(env.DATA_DIR)})` : ""}`);
    console.log(`服务已启动 listening on ${base}`);
    for (const s of loaded) {
      console.log(`  问卷 ${s.name} v${s.version}${s.created ? " (new)" : ""}: ${base}/s/${s.name}`);
    }
    console.log("研究人员令牌 researcher token: npm run cli -- token create <label>");
  });

  const shutdown = async () => {
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
