import { createRoute, z } from "@hono/zod-openapi";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { userText } from "../lib/user-text.js";
import { type Principal, researcherAuth } from "../middleware/researcher-auth.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, researcher } from "../openapi/schemas.js";
import { createToken, listTokens, revokeToken, type TokenRow } from "../services/tokens.js";

const token = z
  .object({
    id: z.number().int(),
    label: z.string(),
    user: z.object({ login: z.string(), name: z.string() }).nullable().openapi({ description: "The account it acts for (null: a legacy token made without one)" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    revokedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Token");

const made = z.object({
  id: z.number().int(),
  label: z.string(),
  token: z.string().openapi({ description: "The token itself: shown this once, only its hash is kept" }),
  createdAt: z.string().openapi({ format: "date-time" }),
});

const tokenParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, description: "The token's id", example: 3 }),
});

const shown = (t: TokenRow) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null });

/** Whose tokens a caller reaches: an administrator every token, anyone else their own. */
const reach = (user: Principal) => (user.admin ? undefined : (user.id ?? undefined));

/**
 * /api/tokens: API tokens of the signed-in account. A token acts for its account with that
 * account's rights, so only an account can make one (a legacy token cannot make more).
 */
export function tokenRoutes(db: Db) {
  const auth = researcherAuth(db);
  const create = createRoute({
    method: "post",
    path: "/",
    summary: "Make an API token for yourself (shown once; only its hash is kept)",
    tags: ["accounts"],
    security: researcher,
    middleware: [auth, readBodyAsJson] as const,
    request: { body: jsonBody(z.object({ label: userText(1, 100, "members.tokenLabel").openapi({ example: "张三的电脑" }) }).strict(), "What the token is for") },
    responses: { 201: jsonResponse(made, "Made: copy the token now"), ...problems(400, 401, 422) },
  });
  const list = createRoute({
    method: "get",
    path: "/",
    summary: "Your tokens (administrators: every token), newest first; never the token texts",
    tags: ["accounts"],
    security: researcher,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(z.object({ tokens: z.array(token) }), "The tokens"), ...problems(401) },
  });
  const revoke = createRoute({
    method: "delete",
    path: "/{id}",
    summary: "Revoke a token: it answers 401 from now on",
    tags: ["accounts"],
    security: researcher,
    middleware: [auth] as const,
    request: { params: tokenParams },
    responses: { 204: { description: "Revoked" }, ...problems(400, 401, 404) },
  });
  return routeApp()
    .openapi(create, async (c) => {
      const user = c.get("user");
      if (user.id === null) throw new AppError("forbidden", phrase("accounts.notSignedIn"));
      const minted = await createToken(db, c.req.valid("json").label, user.id);
      return c.json({ ...minted, createdAt: minted.createdAt.toISOString() }, 201);
    })
    .openapi(list, async (c) => c.json({ tokens: (await listTokens(db, reach(c.get("user")))).map(shown) }, 200))
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid("param");
      if ((await revokeToken(db, id, reach(c.get("user")))) === undefined) throw new AppError("not_found", phrase("members.tokenNotFound", { id }));
      return c.body(null, 204);
    });
}
