import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentAssets } from "../../src/web/bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

const SCREENS = "/tmp/screens";

/** One question in three languages. */
const survey = {
  title: { default: "语言测试问卷", "zh-tw": "語言測試問卷", en: "Language test" },
  completeText: { default: "提交问卷", "zh-tw": "提交問卷", en: "Submit" },
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "level",
          title: { default: "层级", "zh-tw": "層級", en: "Level" },
          choices: [
            { value: "市", text: { default: "市", "zh-tw": "市", en: "City" } },
            { value: "区", text: { default: "区", "zh-tw": "區", en: "District" } },
          ],
        },
      ],
    },
  ],
};

let database: Database;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), respondentAssets()]);
  await publishSurvey(database.db, "languages", survey);
  server = await startServer(database);
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});
beforeEach(async () => {
  // The browser itself prefers Simplified Chinese: only the page's language may decide.
  context = await browser.newContext({ viewport: { width: 900, height: 800 }, locale: "zh-CN" });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = recordPageProblems(page);
});
afterEach(async () => {
  await context.close();
  expect(problems.filter((p) => !p.includes("422"))).toEqual([]);
});

/**
 * Answers the question, and on the way to the real server turns the answer into one that is
 * not a choice (the form itself would never send it), so the server's own refusal comes back.
 */
async function submitRefused(query: string, choice: string, submit: string): Promise<string | undefined> {
  let language: string | undefined;
  await page.route(`${server.origin}/api/surveys/languages/responses`, async (route) => {
    const request = route.request();
    language = request.headers()["accept-language"];
    const body = request.postDataJSON() as { data: Record<string, unknown> };
    body.data.level = "火星";
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.goto(`${server.origin}/s/languages${query}`);
  await page.locator(".sd-root-modern").waitFor();
  await page.getByText(choice, { exact: true }).click();
  await page.getByRole("button", { name: submit, exact: true }).click();
  await expect.poll(() => page.locator("#dj-edit").count(), { timeout: 10_000 }).toBe(1);
  return language;
}

describe("the server's refusal in the page's language", () => {
  it("shows a 422 in Traditional Chinese on the zh-tw page", async () => {
    const language = await submitRefused("?lang=zh-tw", "區", "提交問卷");
    expect(language).toBe("zh-TW");
    const status = await page.locator("#dj-status").innerText();
    expect(status).toContain("答卷未被接受");
    expect(status).toContain('層級："火星" 不是選項之一。');
    await page.screenshot({ path: `${SCREENS}/respondent-refusal-zh-tw.png`, fullPage: true });
  });

  it("shows a 422 in English on the en page", async () => {
    const language = await submitRefused("?lang=en", "District", "Submit");
    expect(language).toBe("en");
    const status = await page.locator("#dj-status").innerText();
    expect(status).toContain("Answers not accepted");
    expect(status).toContain('Level: "火星" is not one of the choices.');
    await page.screenshot({ path: `${SCREENS}/respondent-refusal-en.png`, fullPage: true });
  });
});
