import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { openDatabase } from "./db/client.js";
import { readEnv } from "./env.js";
import { holdDataDirLock } from "./lib/data-dir-lock.js";
import { loadSurveyFiles } from "./services/survey-files.js";
import { listSurveys } from "./services/surveys.js";
import { AnswerCheckers } from "./services/answer-checkers.js";
import { loadDemoWithProgress } from "./cli/demo.js";
import { respondentAssets } from "./web/bundle.js";
import { workspaceAssets } from "./web/workspace-bundle.js";
import { pglitePath } from "./lib/paths.js";
import { createSetupCode } from "./services/accounts/setup.js";
import { PLATFORM } from "./services/access/survey-access.js";
import { serveControl } from "./control/server.js";

/** Start-up: read the environment, open and migrate the database, load surveys/, serve. */
async function main() {
  const env = readEnv();
  if (!env.DATABASE_URL) holdDataDirLock(env.DATA_DIR, "the server");
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: pglitePath(env.DATA_DIR) });
  const firstStart = (await listSurveys(database.db, PLATFORM)).length === 0;
  const loaded = await loadSurveyFiles(database.db, env.SURVEYS_DIR);
  const checkers = new AnswerCheckers();
  // A new user's first start shows a real investigation at once. Only on a new embedded
  // database: a PostgreSQL server is somebody's real study (use `npm run cli -- demo load`).
  if (firstStart && database.kind === "pglite") await loadDemoWithProgress(database.db, checkers);

  // No account yet: a one-time link creates the first administrator (valid until used).
  const setupCode = await createSetupCode(database.db);

  // Build the pages' bundles now rather than on the first visit.
  await Promise.all([respondentAssets(), workspaceAssets()]);
  const submitLimit = env.SUBMIT_RATE_LIMIT > 0 ? { perMinute: env.SUBMIT_RATE_LIMIT, loopback: env.SUBMIT_RATE_LIMIT_LOOPBACK, trustProxy: env.TRUST_PROXY } : undefined;
  const app = createApp({ db: database.db, kind: database.kind, checkers, submitLimit });
  // The command line's account and token calls reach the embedded database through us.
  const control = database.kind === "pglite" ? await serveControl(database.db, env.DATA_DIR) : undefined;
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    const base = env.PUBLIC_URL ?? `http://localhost:${info.port}`;
    // One write, so whoever watches the output sees the whole banner at once.
    const lines = [
      `数据库 database: ${database.kind}${database.kind === "pglite" ? ` (${pglitePath(env.DATA_DIR)})` : ""}`,
      ...loaded.map((s) => `问卷 survey ${s.name} v${s.version}${s.created ? " (new)" : ""}: ${base}/s/${s.name}`),
      `工作台 workspace: ${base}/`,
      ...(setupCode ? [`首次使用，请创建管理员 first start, create the administrator: ${base}/setup?code=${setupCode}`] : [`登录 sign in: ${base}/login`]),
      "研究人员令牌 researcher token: npm run cli -- token create <label> --user <login> (或在工作台 or in the workspace)",
      `服务已启动 listening on ${base}`,
    ];
    console.log(lines.join("\n"));
  });

  const shutdown = async () => {
    server.close();
    control?.close();
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
