import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { sessions, signInFailures, users } from "../../src/db/schema/index.js";
import { createUser } from "../../src/services/accounts/users.js";
import { sessionCookieOf } from "../helpers/accounts.js";
import { testApp } from "../helpers/app.js";
import { openTestDatabase } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  await createUser(database.db, { login: "ZhangSan", name: "张三", password: "correct horse battery", admin: false });
  await createUser(database.db, { login: "lisi", name: "李四", password: "another good one", admin: true });
});
afterAll(async () => database.close());

const json = { "content-type": "application/json" };
const signIn = (login: string, password: string, headers: Record<string, string> = {}) =>
  app.request("/api/session", { method: "POST", headers: { ...json, ...headers }, body: JSON.stringify({ login, password }) });

describe("signing in and out", () => {
  it("answers 201 with the account and an HttpOnly, SameSite=Lax cookie; GET tells who is signed in; DELETE ends it", async () => {
    const res = await signIn("zhangsan", "correct horse battery");
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ login: "zhangsan", name: "张三", admin: false });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("dj_session="))!;
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).toMatch(/; Path=\//);
    expect(set).not.toMatch(/Secure/);
    const cookie = sessionCookieOf(res)!;

    const who = await app.request("/api/session", { headers: { cookie } });
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ login: "zhangsan", name: "张三", admin: false });

    const out = await app.request("/api/session", { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/dj_session=;.*Max-Age=0/);
    const after = await app.request("/api/session", { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, 1))).toEqual([]);
  });

  it("stores only the hash of the cookie's secret", async () => {
    const cookie = sessionCookieOf(await signIn("lisi", "another good one"))!;
    const secret = cookie.split("=")[1];
    expect(JSON.stringify(await database.db.select().from(sessions))).not.toContain(secret);
  });

  it("marks the cookie Secure over https, by the URL or X-Forwarded-Proto", async () => {
    const direct = await app.request("https://survey.example.cn/api/session", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ login: "lisi", password: "another good one" }),
    });
    expect(direct.status).toBe(201);
    expect(direct.headers.getSetCookie().join()).toMatch(/; Secure/);
    const proxied = await signIn("lisi", "another good one", { "x-forwarded-proto": "https" });
    expect(proxied.headers.getSetCookie().join()).toMatch(/; Secure/);
  });

  it("answers 401 without a cookie, and for a made-up one", async () => {
    const none = await app.request("/api/session");
    expect(none.status).toBe(401);
    expect(((await none.json()) as { detailCode: string }).detailCode).toBe("accounts.notSignedIn");
    const made = await app.request("/api/session", { headers: { cookie: "dj_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    expect(made.status).toBe(401);
  });

  it("never keeps a cookie sent before sign-in as the session after it (session fixation)", async () => {
    const planted = sessionCookieOf(await signIn("lisi", "another good one"))!;
    const res = await signIn("zhangsan", "correct horse battery", { cookie: planted });
    const fresh = sessionCookieOf(res)!;
    expect(fresh).not.toBe(planted);
    expect((await app.request("/api/session", { headers: { cookie: planted } })).status).toBe(401);
    expect(await (await app.request("/api/session", { headers: { cookie: fresh } })).json()).toMatchObject({ login: "zhangsan" });
  });
});

describe("failed sign-ins", () => {
  it("answers a wrong login and a wrong password with the same body, in the request's language", async () => {
    const body = async (res: Response) => {
      const { requestId: _, ...rest } = (await res.json()) as Record<string, unknown>;
      return rest;
    };
    const wrongPassword = await signIn("zhangsan", "not the password");
    const wrongLogin = await signIn("nobody", "not the password");
    expect(wrongPassword.status).toBe(401);
    expect(wrongLogin.status).toBe(401);
    const a = await body(wrongPassword);
    expect(a).toEqual(await body(wrongLogin));
    expect(a).toMatchObject({ title: "未授权", detail: "账号或密码不正确。", detailCode: "accounts.signInFailed" });
    const en = await signIn("nobody", "x", { "accept-language": "en" });
    expect(((await en.json()) as { detail: string }).detail).toBe("The login or the password is not right.");
    await database.db.delete(signInFailures);
  });

  it("slows a login after 10 failures (429, Retry-After growing), never locks it, and lets the right password in later", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn("zhangsan", `wrong ${i}`)).status).toBe(401);
    const slowed = await signIn("zhangsan", "correct horse battery");
    expect(slowed.status).toBe(429);
    const first = Number(slowed.headers.get("retry-after"));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(30);
    expect(((await slowed.json()) as { detailCode: string }).detailCode).toBe("accounts.throttled");

    // The wait passes (moved back in time), a further failure doubles it.
    const past = new Date(Date.now() - 31_000);
    await database.db.update(signInFailures).set({ lastFailedAt: past }).where(eq(signInFailures.login, "zhangsan"));
    expect((await signIn("zhangsan", "wrong again")).status).toBe(401);
    const longer = await signIn("zhangsan", "correct horse battery");
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get("retry-after"))).toBeGreaterThan(30);

    // Another login is not slowed by this one's failures.
    expect((await signIn("lisi", "another good one")).status).toBe(201);

    await database.db
      .update(signInFailures)
      .set({ lastFailedAt: new Date(Date.now() - 61_000) })
      .where(eq(signInFailures.login, "zhangsan"));
    expect((await signIn("zhangsan", "correct horse battery")).status).toBe(201);
    expect(await database.db.select().from(signInFailures).where(eq(signInFailures.login, "zhangsan"))).toEqual([]);
  });

  it("slows an unknown login exactly as a real one, so the throttle tells no login apart", async () => {
    for (let i = 0; i < 10; i++) await signIn("ghost", "x");
    expect((await signIn("ghost", "x")).status).toBe(429);
  });

  it("refuses a disabled account with the generic message", async () => {
    await createUser(database.db, { login: "wangwu", name: "王五", password: "a fine password" });
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.login, "wangwu"));
    const res = await signIn("wangwu", "a fine password");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detailCode: string }).detailCode).toBe("accounts.signInFailed");
  });
});
