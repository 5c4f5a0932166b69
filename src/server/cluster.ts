/**
 * Several server processes on one port (node:cluster): the primary does the start-up work once,
 * then forks the workers, which share nothing but the database and take connections in turn.
 * A worker that dies is replaced — a second line of defence; the first is that nothing a client
 * sends or the database does may kill a process.
 */
import cluster, { type Worker } from "node:cluster";
import type { Env } from "../env.js";
import { openDatabase } from "../db/client.js";
import { AnswerCheckers } from "../services/answer-checkers.js";
import { bannerLines } from "./banner.js";
import { serveApp, startBundles } from "./serve.js";
import { poolSettings, startDatabase } from "./start-up.js";

/** The message a worker sends its primary once it listens. */
interface Listening {
  listening: number;
}

/** Longest wait before a dead worker is replaced; a worker that keeps dying waits longer each time. */
const MAX_RESTART_DELAY_MS = 5000;

/** Whether this process is a worker forked by {@link runPrimary}. */
export const isWorker = cluster.isWorker;

/** The primary: start-up once, then `workers` processes, replaced when they die, stopped on SIGTERM/SIGINT. */
export async function runPrimary(env: Env, workers: number): Promise<void> {
  const started = await startDatabase(env);
  const kind = started.database.kind;
  // The workers open their own connections; the primary keeps none.
  await started.database.close();

  let stopping = false;
  let failures = 0;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on("message", (message: Listening) => {
      if (typeof message?.listening === "number") failures = 0;
    });
    return worker;
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    failures++;
    const delay = Math.min(MAX_RESTART_DELAY_MS, 100 * 2 ** Math.min(failures, 6));
    console.error(`服务进程退出 server process ${worker.process.pid} exited (${signal ?? code}); 重启 restarting in ${delay} ms`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  const ports = await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<number>((resolve) => {
          fork().on("message", (message: Listening) => {
            if (typeof message?.listening === "number") resolve(message.listening);
          });
        }),
    ),
  );
  console.log(bannerLines(env, kind, started, ports[0], workers).join("\n"));

  const shutdown = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on("exit", () => {
      if (--left <= 0) process.exit(0);
    });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

/** A worker: connects to the database the primary migrated, serves, and tells the primary its port. */
export async function runWorker(env: Env): Promise<void> {
  startBundles();
  const database = await openDatabase({ url: env.DATABASE_URL, migrate: false, pool: poolSettings(env) });
  const serving = await serveApp(env, database, new AnswerCheckers());
  process.send?.({ listening: serving.port } satisfies Listening);
  const shutdown = async () => {
    await serving.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // The primary is gone (killed outright): a worker left alone would hold the port for nobody.
  process.on("disconnect", shutdown);
}
