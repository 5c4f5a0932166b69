import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createSetupCode } from "../../src/services/accounts/setup.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

const SCREENS = "/tmp/screens";
const LANGS = ["zh-Hans", "zh-Hant", "en"] as const;

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [database, browser] = await Promise.all([openTestDatabase(), launchBrowser()]);
  server = await startServer(database);
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe("first-time setup, then sign-in, in Chromium", () => {
  it("creates the administrator from the setup link, signs out, and signs in at /login", async () => {
    const code = (await createSetupCode(database.db))!;
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 420, height: 760 } });
    const page = await context.newPage();
    const problems = recordPageProblems(page);

    for (const lang of LANGS) {
      await page.goto(`${server.origin}/setup?code=${code}&lang=${lang}`);
      await page.screenshot({ path: `${SCREENS}/setup-${lang}.png`, fullPage: true });
      await page.goto(`${server.origin}/login?lang=${lang}`);
      await page.screenshot({ path: `${SCREENS}/login-${lang}.png`, fullPage: true });
    }

    await page.goto(`${server.origin}/setup?code=${code}`);
    expect(await page.locator("h1").textContent()).toBe("创建首个管理员");
    await page.fill("#f-login", "admin");
    await page.fill("#f-name", "课题组管理员");
    await page.fill("#f-password", "first admin password");
    await Promise.all([page.waitForURL(`${server.origin}/`), page.click("button[type=submit]")]);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "dj_session")).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    const who = await page.evaluate(async () => (await fetch("/api/session")).json());
    expect(who).toEqual({ login: "admin", name: "课题组管理员", admin: true });

    const out = await page.evaluate(async () => (await fetch("/api/session", { method: "DELETE" })).status);
    expect(out).toBe(204);
    expect(await page.evaluate(async () => (await fetch("/api/session")).status)).toBe(401);

    // The used link says so.
    const used = await page.goto(`${server.origin}/setup?code=${code}`);
    expect(used?.status()).toBe(404);

    await page.goto(`${server.origin}/login`);
    await page.fill("#f-login", "admin");
    await page.fill("#f-password", "wrong password");
    await page.click("button[type=submit]");
    expect(await page.locator(".error").textContent()).toBe("账号或密码不正确。");
    await page.screenshot({ path: `${SCREENS}/login-failed-zh-Hans.png`, fullPage: true });
    await page.fill("#f-password", "first admin password");
    await Promise.all([page.waitForURL(`${server.origin}/`), page.click("button[type=submit]")]);
    expect(await page.evaluate(async () => (await fetch("/api/session")).json())).toMatchObject({ login: "admin" });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
