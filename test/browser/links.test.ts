/**
 * A collection link in the browser: the respondent page opened as /s/{name}?c={code} sends the
 * code with the answers and the stored response carries the link's unit; the printable sheet
 * of cards, screenshotted in each language (looked at by hand: /tmp/screens/link-cards-*.png).
 */
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { responses } from "../../src/db/schema/index.js";
import { createLink } from "../../src/services/links.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { createToken } from "../../src/services/tokens.js";
import { respondentAssets } from "../../src/web/bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

const SCREENS = "/tmp/screens";

let database: Database;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let token: string;

beforeAll(async () => {
  [database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), respondentAssets()]);
  await publishSurvey(database.db, "linked", {
    title: { default: "街道党建工作调查", "zh-tw": "街道黨建工作調查", en: "Street party-building survey" },
    pages: [{ name: "p1", elements: [{ type: "text", name: "org_name", title: { default: "单位名称", "zh-tw": "單位名稱", en: "Organisation" } }] }],
  });
  token = (await createToken(database.db, "browser")).token;
  server = await startServer(database);
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: "zh-CN" });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = recordPageProblems(page);
});
afterEach(async () => {
  await context.close();
  expect(problems).toEqual([]);
});

describe("answering through a collection link", () => {
  it("sends the link's code with the answers, and the stored response has the unit", async () => {
    const link = await createLink(database.db, "linked", { unit: "朝阳区" });
    await page.goto(`${server.origin}/s/linked?c=${link.code}`);
    await page.locator(".sd-root-modern").waitFor();
    await page.getByRole("textbox").fill("红星社区党委");
    const posted = page.waitForRequest((r) => r.url().endsWith("/api/surveys/linked/responses") && r.method() === "POST");
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/surveys/linked/responses"));
    await page.getByRole("button", { name: "提交问卷", exact: true }).click();
    const body = (await posted).postDataJSON() as { id: string; link?: string };
    expect(body.link).toBe(link.code);
    expect((await answered).status()).toBe(201);
    const [row] = await database.db.select({ unit: responses.unit, data: responses.data }).from(responses).where(eq(responses.id, body.id));
    expect(row).toEqual({ unit: "朝阳区", data: { org_name: "红星社区党委" } });
  });
});

describe("the sheet of cards", () => {
  it.each(["zh-Hans", "zh-Hant", "en"])("prints in %s with no script running and the unit's name as text", async (lang) => {
    if (lang === "zh-Hans") {
      await createLink(database.db, "linked", { unit: "海淀区", label: "区委组织部", expected: 120 });
      await createLink(database.db, "linked", { unit: "<img src=x onerror=alert(1)>", label: "测试" });
    }
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    const res = await page.goto(`${server.origin}/api/surveys/linked/links/cards?lang=${lang}`);
    expect(res?.status()).toBe(200);
    await page.screenshot({ path: `${SCREENS}/link-cards-${lang}.png`, fullPage: true });
    expect(dialogs).toBe(0);
    expect(await page.locator(".card img").count()).toBe(0);
    await expect(page.locator(".unit").allInnerTexts()).resolves.toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator(".card svg").count()).toBeGreaterThanOrEqual(3);
  });
});
