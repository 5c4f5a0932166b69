import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/db/schema/index.js";
import { createToken } from "../../src/services/tokens.js";
import { signedInCookie } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let admin: string;
let member: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  admin = await signedInCookie(app, database, "admin", { admin: true });
  member = await signedInCookie(app, database, "member");
});
afterAll(async () => database.close());

const json = { "content-type": "application/json" };
const call = (method: string, path: string, cookie: string | undefined, body?: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method, headers: { ...json, ...(cookie ? { cookie } : {}), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

describe("the users API", () => {
  it("lets an administrator create accounts and list them, never with a password or its hash", async () => {
    const res = await call("POST", "/api/users", admin, { login: "Zhao.Liu", name: "赵六", password: "zhaoliu password" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ login: "zhao.liu", name: "赵六", admin: false, disabled: false });
    const list = await call("GET", "/api/users", admin);
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(JSON.parse(text).users.map((u: { login: string }) => u.login)).toEqual(["admin", "member", "zhao.liu"]);
    expect(text).not.toMatch(/argon2|password/i);
  });

  it("stores an argon2id hash of the password", async () => {
    const rows = await database.db.select().from(users);
    for (const row of rows) expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("answers 409 for a login taken (in any letter case) and 422 naming a bad field", async () => {
    expect((await call("POST", "/api/users", admin, { login: "MEMBER", name: "x", password: "long enough" })).status).toBe(409);
    const bad = await call("POST", "/api/users", admin, { login: "has space", name: "", password: "short" });
    expect(bad.status).toBe(422);
    const fields = ((await bad.json()) as { errors: { question: string }[] }).errors.map((e) => e.question).sort();
    expect(fields).toEqual(["login", "name", "password"]);
  });

  it("refuses a signed-in non-administrator with 403 and nobody signed in with 401", async () => {
    const forbidden = await call("GET", "/api/users", member);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ title: "禁止访问", detailCode: "accounts.adminOnly", status: 403 });
    expect((await call("POST", "/api/users", member, { login: "x", name: "x", password: "long enough" })).status).toBe(403);
    expect((await call("PATCH", "/api/users/admin", member, { disabled: true })).status).toBe(403);
    expect((await call("GET", "/api/users", undefined)).status).toBe(401);
  });

  it("lets a legacy token (no user) act as an administrator, and a member's own token only as the member", async () => {
    expect((await call("GET", "/api/users", undefined, undefined, await researcherHeaders(database))).status).toBe(200);
    const [row] = (await database.db.select().from(users)).filter((u) => u.login === "member");
    const { token } = await createToken(database.db, "member's", row.id);
    expect((await call("GET", "/api/users", undefined, undefined, { authorization: `Bearer ${token}` })).status).toBe(403);
  });

  it("renames, answers 404 for an unknown login, and refuses disabling oneself", async () => {
    const renamed = await call("PATCH", "/api/users/zhao.liu", admin, { name: "赵 六" });
    expect(await renamed.json()).toMatchObject({ name: "赵 六", disabled: false });
    expect((await call("PATCH", "/api/users/nobody", admin, { disabled: true })).status).toBe(404);
    expect((await call("PATCH", "/api/users/admin", admin, { disabled: true })).status).toBe(403);
  });
});

describe("disabling an account", () => {
  it("ends its sessions and its tokens at once; enabling again revives neither", async () => {
    const cookie = await signedInCookie(app, database, "leaver");
    const [row] = (await database.db.select().from(users)).filter((u) => u.login === "leaver");
    const { token } = await createToken(database.db, "leaver's laptop", row.id);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call("GET", "/api/surveys", cookie)).status).toBe(200);
    expect((await call("GET", "/api/surveys", undefined, undefined, bearer)).status).toBe(200);

    const res = await call("PATCH", "/api/users/leaver", admin, { disabled: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ login: "leaver", disabled: true });
    expect((await call("GET", "/api/surveys", cookie)).status).toBe(401);
    expect((await call("GET", "/api/session", cookie)).status).toBe(401);
    expect((await call("GET", "/api/surveys", undefined, undefined, bearer)).status).toBe(401);

    await call("PATCH", "/api/users/leaver", admin, { disabled: false });
    expect((await call("GET", "/api/surveys", cookie)).status).toBe(401);
    expect((await call("GET", "/api/surveys", undefined, undefined, bearer)).status).toBe(401);
  });
});
