/**
 * /api/tokens: an account makes, lists and revokes its own API tokens (administrators see
 * every token); a token carries its account's rights, only its hash is kept, and a revoked
 * token answers 401 on the very next call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { tokens } from "../../src/db/schema/index.js";
import { sha256 } from "../../src/lib/canonical-hash.js";
import { createToken } from "../../src/services/tokens.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let admin: string;
let zhang: string;
let li: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  admin = await signedInCookie(app, database, "admin", { admin: true });
  zhang = await signedInCookie(app, database, "zhangsan");
  li = await signedInCookie(app, database, "lisi");
});
afterAll(async () => database.close());

const call = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  app.request(path, { method, headers: { "content-type": "application/json", ...auth }, body: body === undefined ? undefined : JSON.stringify(body) });
const cookie = (value: string) => ({ cookie: value });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Made {
  id: number;
  label: string;
  token: string;
  createdAt: string;
}

describe("/api/tokens", () => {
  it("makes a token for the signed-in account, shown once, stored as a hash only", async () => {
    const res = await call("POST", "/api/tokens", cookie(zhang), { label: " 张三的电脑 " });
    expect(res.status).toBe(201);
    const made = (await res.json()) as Made;
    expect(made).toMatchObject({ label: "张三的电脑" });
    expect(made.token).toMatch(/^djs_/);
    const rows = await database.db.select().from(tokens);
    expect(JSON.stringify(rows)).not.toContain(made.token);
    expect(rows.map((r) => r.hash)).toContain(sha256(made.token));
    // The token acts as its account: it reaches what 张三 reaches and no more.
    expect((await call("POST", "/api/surveys", cookie(zhang), { name: "zhang-survey", json: small })).status).toBe(201);
    expect((await call("GET", "/api/surveys/zhang-survey/members", bearer(made.token))).status).toBe(200);
    expect((await call("GET", "/api/users", bearer(made.token))).status).toBe(403);
  });

  it("lists only the caller's own tokens; an administrator sees every token with its account", async () => {
    await call("POST", "/api/tokens", cookie(li), { label: "李四" });
    const own = (await (await call("GET", "/api/tokens", cookie(li))).json()) as { tokens: { label: string; user: { login: string } }[] };
    expect(own.tokens.map((t) => t.label)).toEqual(["李四"]);
    expect(JSON.stringify(own)).not.toMatch(/djs_/);
    const all = (await (await call("GET", "/api/tokens", cookie(admin))).json()) as { tokens: { label: string; user: { login: string } | null }[] };
    expect(all.tokens.map((t) => [t.label, t.user?.login])).toEqual([
      ["李四", "lisi"],
      ["张三的电脑", "zhangsan"],
    ]);
  });

  it("revokes a token: the next call with it is a 401; another account's token is a 404", async () => {
    const made = (await (await call("POST", "/api/tokens", cookie(zhang), { label: "to revoke" })).json()) as Made;
    expect((await call("GET", "/api/surveys", bearer(made.token))).status).toBe(200);
    expect((await call("DELETE", `/api/tokens/${made.id}`, cookie(li))).status).toBe(404);
    expect((await call("DELETE", `/api/tokens/${made.id}`, cookie(zhang))).status).toBe(204);
    expect((await call("GET", "/api/surveys", bearer(made.token))).status).toBe(401);
    expect((await call("DELETE", `/api/tokens/${made.id}`, cookie(zhang))).status).toBe(404);
  });

  it("names a missing label, in the caller's language", async () => {
    const res = await call("POST", "/api/tokens", { ...cookie(zhang), "accept-language": "en" }, { label: "  " });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { question: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ question: "label" });
    expect(body.errors[0].message).toMatch(/label of 1 to 100 characters/);
  });

  it("refuses a cross-site request carrying the session, and answers 401 without credentials", async () => {
    const res = await call("POST", "/api/tokens", { ...cookie(zhang), "sec-fetch-site": "cross-site" }, { label: "stolen" });
    expect(res.status).toBe(403);
    expect((await call("GET", "/api/tokens", {})).status).toBe(401);
  });

  it("lets no legacy token (made before accounts) make tokens", async () => {
    const legacy = await createToken(database.db, "old script");
    expect((await call("POST", "/api/tokens", bearer(legacy.token), { label: "more" })).status).toBe(403);
  });
});
