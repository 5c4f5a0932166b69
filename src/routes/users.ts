import { createRoute, z } from "@hono/zod-openapi";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { fieldText } from "../lib/zod-language.js";
import { actorOf } from "../middleware/audit-actor.js";
import { administratorsOnly, researcherAuth } from "../middleware/researcher-auth.js";
import { routeApp } from "../openapi/route-app.js";
import { requireJsonBody } from "../openapi/json-label.js";
import { jsonBody, jsonResponse, problems, researcher } from "../openapi/schemas.js";
import { PASSWORD_MAX, PASSWORD_MIN } from "../services/accounts/passwords.js";
import { createUser, LOGIN_PATTERN, listUsers, normaliseLogin, updateUser, type User } from "../services/accounts/users.js";

/** A login as a request field: normalised, then held to the login rule. */
export const loginField = z
  .string()
  .transform(normaliseLogin)
  .pipe(z.string().regex(LOGIN_PATTERN, { error: fieldText("accounts.loginRule") }))
  .openapi({ example: "zhangsan", description: "1–64 letters, digits, '.', '_', '-' or '@'; compared in lower case" });

/** A new password as a request field. */
export const passwordField = z
  .string()
  .min(PASSWORD_MIN, { error: fieldText("accounts.passwordRule", () => ({ min: PASSWORD_MIN, max: PASSWORD_MAX })) })
  .max(PASSWORD_MAX, { error: fieldText("accounts.passwordRule", () => ({ min: PASSWORD_MIN, max: PASSWORD_MAX })) });

/** A person's name as a request field. */
export const nameField = z
  .string()
  .trim()
  .min(1, { error: fieldText("accounts.nameRule") })
  .max(100, { error: fieldText("accounts.nameRule") })
  .openapi({ example: "张三" });

const userSchema = z
  .object({ login: z.string(), name: z.string(), admin: z.boolean(), disabled: z.boolean(), createdAt: z.string().openapi({ format: "date-time" }) })
  .openapi("User");

const userParams = z.object({
  login: z.string().openapi({ param: { name: "login", in: "path" }, description: "The account's login", example: "zhangsan" }),
});

const shown = (u: User) => ({ login: u.login, name: u.name, admin: u.admin, disabled: u.disabledAt !== null, createdAt: u.createdAt.toISOString() });

/** /api/users: accounts, for administrators only. */
export function userRoutes(db: Db) {
  const auth = researcherAuth(db);
  const list = createRoute({
    method: "get",
    path: "/",
    summary: "Every account (administrators only); never a password or its hash",
    tags: ["accounts"],
    security: researcher,
    middleware: [auth, administratorsOnly] as const,
    responses: { 200: jsonResponse(z.object({ users: z.array(userSchema) }), "The accounts"), ...problems(401, 403) },
  });
  const create = createRoute({
    method: "post",
    path: "/",
    summary: "Create an account (administrators only)",
    tags: ["accounts"],
    security: researcher,
    middleware: [auth, administratorsOnly, requireJsonBody] as const,
    request: { body: jsonBody(z.object({ login: loginField, name: nameField, password: passwordField, admin: z.boolean().optional() }), "The new account") },
    responses: { 201: jsonResponse(userSchema, "Created"), ...problems(400, 401, 403, 409, 415, 422) },
  });
  const update = createRoute({
    method: "patch",
    path: "/{login}",
    summary: "Rename, disable or re-enable an account (administrators only); disabling ends its sessions and revokes its tokens at once",
    tags: ["accounts"],
    security: researcher,
    middleware: [auth, administratorsOnly, requireJsonBody] as const,
    request: { params: userParams, body: jsonBody(z.object({ disabled: z.boolean().optional(), name: nameField.optional() }), "What changes") },
    responses: { 200: jsonResponse(userSchema, "The account as it is now"), ...problems(400, 401, 403, 404, 415, 422) },
  });
  return routeApp()
    .openapi(list, async (c) => c.json({ users: (await listUsers(db)).map(shown) }, 200))
    .openapi(create, async (c) => {
      const body = c.req.valid("json");
      return c.json(shown(await createUser(db, body, actorOf(c.get("user")))), 201);
    })
    .openapi(update, async (c) => {
      const { login } = c.req.valid("param");
      const change = c.req.valid("json");
      const caller = c.get("user");
      if (change.disabled === true && caller.login === normaliseLogin(login)) throw new AppError("forbidden", phrase("accounts.selfDisable"));
      return c.json(shown(await updateUser(db, login, change, actorOf(c.get("user")))), 200);
    });
}
