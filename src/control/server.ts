import { chmodSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { createUser, findUser, listUsers } from "../services/accounts/users.js";
import { createToken, listTokens, revokeToken } from "../services/tokens.js";
import { controlSocketPath } from "./socket-path.js";
import { type ControlDeps, heavyControlRoutes } from "./heavy-routes.js";

/**
 * What the command line asks of a running server: accounts and tokens (the calls of `user` and
 * `token`) and, given the heavy-work dependencies, `demo load`, `export`, `import` and `report`.
 */
export function controlApp(db: Db, heavy?: Omit<ControlDeps, "db">) {
  const app = new Hono()
    .onError((err, c) => {
      if (err instanceof AppError) return c.json({ error: err.detail, code: err.code }, err.status);
      console.error("control:", err);
      return c.json({ error: "The server failed; see its log." }, 500);
    })
    .post("/users", async (c) => {
      const body = await c.req.json<{ login: string; name: string; password: string; admin: boolean }>();
      const user = await createUser(db, body);
      return c.json({ login: user.login, name: user.name, admin: user.admin }, 201);
    })
    .get("/users", async (c) => c.json((await listUsers(db)).map((u) => ({ ...u, disabledAt: u.disabledAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() }))))
    .post("/tokens", async (c) => {
      const body = await c.req.json<{ label: string; login?: string }>();
      const user = body.login === undefined ? undefined : await findUser(db, body.login);
      if (body.login !== undefined && !user) return c.json({ error: `There is no account '${body.login}' (see: npm run cli -- user list).`, code: "not_found" }, 404);
      if (user?.disabledAt) return c.json({ error: `The account '${user.login}' is disabled.`, code: "unprocessable" }, 422);
      const made = await createToken(db, body.label, user?.id);
      return c.json({ id: made.id, token: made.token }, 201);
    })
    .get("/tokens", async (c) => c.json((await listTokens(db)).map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null }))))
    .delete("/tokens/:id", async (c) => {
      const label = await revokeToken(db, Number(c.req.param("id")));
      return label === undefined ? c.json({ error: `There is no active token with id ${c.req.param("id")}.`, code: "not_found" }, 404) : c.json({ label });
    });
  if (heavy) app.route("/", heavyControlRoutes({ db, ...heavy }));
  return app;
}

/**
 * Serves {@link controlApp} on the data folder's socket (embedded database only: with a
 * PostgreSQL server the command line opens the database itself).
 */
export function serveControl(db: Db, dataDir: string, heavy?: Omit<ControlDeps, "db">): Promise<Server> {
  const path = controlSocketPath(dataDir);
  // A socket left by a server that was killed: the data-folder lock already says none runs.
  rmSync(path, { force: true });
  const server = createAdaptorServer({ fetch: controlApp(db, heavy).fetch }) as Server;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const previous = process.umask(0o177);
    server.listen(path, () => {
      process.umask(previous);
      chmodSync(path, 0o600);
      process.on("exit", () => rmSync(path, { force: true }));
      resolve(server);
    });
  });
}
