import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "../middleware/session-cookie.js";
import { routeApp } from "../openapi/route-app.js";
import { requireJsonBody } from "../openapi/json-label.js";
import { jsonBody, jsonResponse, problems } from "../openapi/schemas.js";
import { createSession, deleteExpiredSessions, deleteSession, verifySession } from "../services/accounts/sessions.js";
import { SignInThrottled, signIn } from "../services/accounts/sign-in.js";
import type { User } from "../services/accounts/users.js";

const credentials = z.object({
  login: z.string().max(200).openapi({ example: "zhangsan" }),
  password: z.string().max(1024).openapi({ example: "correct horse battery staple" }),
});

/** The signed-in account, as the session calls show it. */
export const signedIn = z.object({ login: z.string(), name: z.string(), admin: z.boolean() }).openapi("SignedIn");

const shown = (user: User) => ({ login: user.login, name: user.name, admin: user.admin });

/**
 * Signs in: ends any session the request already carries (a cookie set before sign-in is
 * never the session after it), checks the password, starts a session and sets its cookie.
 * Shared by `POST /api/session` and the `/login` and `/setup` forms.
 * @throws {AppError} what `signIn` throws; a throttled try also gets its Retry-After header here
 */
export async function startSession(c: Context, db: Db, sign: () => Promise<User>): Promise<User> {
  const previous = readSessionCookie(c);
  if (previous) await deleteSession(db, previous);
  let user: User;
  try {
    user = await sign();
  } catch (err) {
    if (err instanceof SignInThrottled) c.header("Retry-After", String(err.retryAfter));
    throw err;
  }
  await deleteExpiredSessions(db);
  const { secret, expiresAt } = await createSession(db, user.id);
  writeSessionCookie(c, secret, expiresAt);
  return user;
}

/** /api/session: sign in, who is signed in, sign out. */
export function sessionRoutes(db: Db) {
  const create = createRoute({
    method: "post",
    path: "/",
    summary: "Sign in: a session cookie (HttpOnly, SameSite=Lax, Secure over https)",
    description: "A wrong login and a wrong password answer alike. After 10 failures of a login, tries wait (429 with Retry-After), longer after each further failure.",
    tags: ["accounts"],
    middleware: [requireJsonBody] as const,
    request: { body: jsonBody(credentials, "Login and password") },
    responses: { 201: jsonResponse(signedIn, "Signed in; the cookie is set"), ...problems(400, 401, 403, 415, 422, 429) },
  });
  const read = createRoute({
    method: "get",
    path: "/",
    summary: "Who is signed in with this session cookie",
    tags: ["accounts"],
    security: [{ session: [] }],
    responses: { 200: jsonResponse(signedIn, "The signed-in account"), ...problems(401) },
  });
  const remove = createRoute({
    method: "delete",
    path: "/",
    summary: "Sign out: the session ends at once, the cookie is cleared",
    tags: ["accounts"],
    security: [{ session: [] }],
    responses: { 204: { description: "Signed out (also when no session was sent)" }, ...problems(403) },
  });
  return routeApp()
    .openapi(create, async (c) => {
      const { login, password } = c.req.valid("json");
      const user = await startSession(c, db, () => signIn(db, login, password));
      return c.json(shown(user), 201);
    })
    .openapi(read, async (c) => {
      const secret = readSessionCookie(c);
      const user = secret ? await verifySession(db, secret) : undefined;
      if (!user) throw new AppError("unauthorized", phrase(secret ? "accounts.sessionInvalid" : "accounts.notSignedIn"));
      return c.json(shown(user), 200);
    })
    .openapi(remove, async (c) => {
      const secret = readSessionCookie(c);
      if (secret) await deleteSession(db, secret);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
