import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { verifySession } from "../services/accounts/sessions.js";
import type { User } from "../services/accounts/users.js";
import { tokenCaller } from "../services/tokens.js";
import { requireSameOrigin } from "./same-origin.js";
import { readSessionCookie } from "./session-cookie.js";

/**
 * Who is calling a researcher endpoint.
 * - `kind: "user"`: a signed-in account, by its session cookie or by a token made for it.
 * - `kind: "token"`: a legacy token, made without `--user` before accounts existed. It keeps
 *   the reach every token had (every survey, like an administrator) until per-survey roles
 *   arrive; give new tokens a user (`token create <label> --user <login>`).
 */
export type Principal =
  | { kind: "user"; via: "session" | "token"; id: number; login: string; name: string; admin: boolean }
  | { kind: "token"; via: "token"; id: null; login: null; name: string; admin: true; tokenId: number };

declare module "hono" {
  interface ContextVariableMap {
    /** The caller of a researcher endpoint (set by `researcherAuth`). */
    user: Principal;
  }
}

function userPrincipal(user: User, via: "session" | "token"): Principal {
  return { kind: "user", via, id: user.id, login: user.login, name: user.name, admin: user.admin };
}

/**
 * Researcher endpoints: a valid `Authorization: Bearer <token>` or a valid session cookie,
 * else 401. The token wins when both are sent. Sets `c.var.user`.
 */
export function researcherAuth(db: Db) {
  return createMiddleware(async (c, next) => {
    c.set("user", await authenticate(c, db));
    await next();
  });
}

/** Whether the request carries credentials at all (a bearer token or a session cookie). */
export function hasCredentials(c: Context): boolean {
  return Boolean(c.req.header("authorization") || readSessionCookie(c));
}

/**
 * The caller of a request: by its bearer token, else by its session cookie (same-origin
 * only), else 401.
 */
export async function authenticate(c: Context, db: Db): Promise<Principal> {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const secret = readSessionCookie(c);
  if (match) return byToken(c, db, match[1]);
  if (secret && !header) {
    // A cookie is sent by the browser on its own, whichever site made the request.
    requireSameOrigin(c);
    return bySession(db, secret);
  }
  c.header("WWW-Authenticate", 'Bearer realm="researcher"');
  throw new AppError("unauthorized", phrase("http.tokenMissing"));
}

async function byToken(c: Context, db: Db, token: string): Promise<Principal> {
  const caller = await tokenCaller(db, token);
  if (!caller) {
    c.header("WWW-Authenticate", 'Bearer realm="researcher", error="invalid_token"');
    throw new AppError("unauthorized", phrase("http.tokenInvalid"));
  }
  if (caller.user) return userPrincipal(caller.user, "token");
  return { kind: "token", via: "token", id: null, login: null, name: caller.label, admin: true, tokenId: caller.tokenId };
}

async function bySession(db: Db, secret: string): Promise<Principal> {
  const user = await verifySession(db, secret);
  if (!user) throw new AppError("unauthorized", phrase("accounts.sessionInvalid"));
  return userPrincipal(user, "session");
}

/** After `researcherAuth`: only administrators (and legacy tokens) go on; others get 403. */
export const administratorsOnly = createMiddleware(async (c, next) => {
  if (!c.get("user").admin) throw new AppError("forbidden", phrase("accounts.adminOnly"));
  await next();
});
