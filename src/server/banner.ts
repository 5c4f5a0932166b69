/** What the server prints once it listens: the database, the surveys' pages, where to sign in. */
import type { DatabaseKind } from "../db/client.js";
import type { Env } from "../env.js";
import { pglitePath } from "../lib/paths.js";
import type { StartedDatabase } from "./start-up.js";

/** The banner's lines; `workers` is said when more than one process serves. */
export function bannerLines(env: Env, kind: DatabaseKind, started: Pick<StartedDatabase, "loaded" | "setupCode">, port: number, workers: number): string[] {
  const base = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return [
    `数据库 database: ${kind}${kind === "pglite" ? ` (${pglitePath(env.DATA_DIR)})` : ""}`,
    ...started.loaded.map((s) => `问卷 survey ${s.name} v${s.version}${s.created ? " (new)" : ""}: ${base}/s/${s.name}`),
    `工作台 workspace: ${base}/`,
    ...(started.setupCode ? [`首次使用，请创建管理员 first start, create the administrator: ${base}/setup?code=${started.setupCode}`] : [`登录 sign in: ${base}/login`]),
    "研究人员令牌 researcher token: npm run cli -- token create <label> --user <login> (或在工作台 or in the workspace)",
    ...(workers > 1 ? [`服务进程 server processes: ${workers}`] : []),
    `服务已启动 listening on ${base}`,
  ];
}
