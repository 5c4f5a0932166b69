/** One server process: the app over an open database, on the configured port. */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp } from "../app.js";
import type { Database } from "../db/client.js";
import type { Env } from "../env.js";
import { serveControl } from "../control/server.js";
import { createHeavyJobs } from "../jobs/index.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { respondentAssets } from "../web/bundle.js";
import { workspaceAssets } from "../web/workspace-bundle.js";

export interface Serving {
  /** The port it listens on (the configured one, or the one the system chose for 0). */
  port: number;
  /** Stops taking connections and closes the database. */
  close(): Promise<void>;
}

/**
 * Starts building (or reading from the disk cache) the pages' bundles without waiting: esbuild
 * runs in a process of its own and compression in libuv's threads, so this overlaps with opening
 * the database. A failure is left to {@link serveApp}, which asks again (a failed build is retried).
 */
export function startBundles(): void {
  respondentAssets().catch(() => {});
  workspaceAssets().catch(() => {});
}

/** Serves the app; resolves once it listens. */
export async function serveApp(env: Env, database: Database, checkers: AnswerCheckers): Promise<Serving> {
  // Build the pages' bundles now rather than on the first visit.
  await Promise.all([respondentAssets(), workspaceAssets()]);
  const submitLimit = env.SUBMIT_RATE_LIMIT > 0 ? { perMinute: env.SUBMIT_RATE_LIMIT, loopback: env.SUBMIT_RATE_LIMIT_LOOPBACK, trustProxy: env.TRUST_PROXY } : undefined;
  const jobs = createHeavyJobs(env.HEAVY_JOBS, env.HEAVY_SHARE);
  const app = createApp({ db: database.db, kind: database.kind, checkers, submitLimit, jobs });
  // The command line reaches the embedded database through us.
  const control = database.kind === "pglite" ? await serveControl(database.db, env.DATA_DIR, { checkers, jobs }) : undefined;
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => resolve({ server: server as Server, port: info.port }));
  });
  return {
    port,
    async close() {
      server.close();
      control?.close();
      await database.close();
    },
  };
}
