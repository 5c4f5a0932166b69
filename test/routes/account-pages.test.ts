import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { setupCodes, users } from "../../src/db/schema/index.js";
import { createSetupCode } from "../../src/services/accounts/setup.js";
import { sessionCookieOf } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
});
afterAll(async () => database.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: form(fields) });

describe("first start: /setup", () => {
  let code: string;

  it("makes a code only while no account exists, and stores only its hash", async () => {
    code = (await createSetupCode(database.db))!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(await database.db.select().from(setupCodes))).not.toContain(code);
  });

  it("shows a form without inline script, in Simplified Chinese by default and in the request's language", async () => {
    const res = await app.request(`/setup?code=${code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("创建首个管理员");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`name="code" value="${code}"`);
    expect(await (await app.request(`/setup?code=${code}&lang=zh-Hant`)).text()).toContain("建立首位管理員");
    expect(await (await app.request(`/setup?code=${code}`, { headers: { "accept-language": "en" } })).text()).toContain("Create the first administrator");
  });

  it("answers 404 for an unknown code", async () => {
    expect((await app.request("/setup?code=nope")).status).toBe(404);
    expect((await app.request("/setup")).status).toBe(404);
  });

  it("re-shows the form with the reasons, escaped, when a field does not fit", async () => {
    const res = await post("/setup", { code, login: "<script>", name: "", password: "short" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="&#60;script&#62;"');
    expect(html).not.toContain("<script>");
    expect(html).toContain("请使用 8–256 个字符");
  });

  it("refuses a cross-site post of the form", async () => {
    const res = await post("/setup", { code, login: "evil", name: "x", password: "long enough" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await database.db.select().from(users)).toEqual([]);
  });

  it("creates the first administrator, signs in, redirects to the workspace; the code then works no more", async () => {
    const res = await post("/setup", { code, login: "Admin", name: "管理员", password: "first admin password" }, { origin: "http://localhost" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("./");
    const cookie = sessionCookieOf(res)!;
    expect(await (await app.request("/api/session", { headers: { cookie } })).json()).toEqual({ login: "admin", name: "管理员", admin: true });
    const [admin] = await database.db.select().from(users);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);

    expect((await app.request(`/setup?code=${code}`)).status).toBe(404);
    const again = await post("/setup", { code, login: "second", name: "x", password: "long enough" });
    expect(again.status).toBe(403);
    expect(await createSetupCode(database.db)).toBeUndefined();
    expect(await database.db.select().from(users)).toHaveLength(1);
  });
});

describe("/login", () => {
  it("shows the form in the request's language", async () => {
    const res = await app.request("/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>登录</h1>");
    expect(html).not.toMatch(/<script/i);
    expect(await (await app.request("/login?lang=en")).text()).toContain('action="login?lang=en"');
  });

  it("signs in with the form and redirects; a wrong password re-shows it with the generic message", async () => {
    const wrong = await post("/login", { login: "admin", password: "wrong" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("账号或密码不正确。");
    const res = await post("/login", { login: "admin", password: "first admin password" }, { "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("./");
    expect(sessionCookieOf(res)).toBeDefined();
  });

  it("refuses a cross-site form post (login CSRF), with or without a valid cookie", async () => {
    const cookie = sessionCookieOf(await post("/login", { login: "admin", password: "first admin password" }))!;
    const res = await post("/login", { login: "admin", password: "first admin password" }, { cookie, "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect((await post("/login", { login: "admin", password: "first admin password" }, { origin: "https://evil.example" })).status).toBe(403);
  });
});
