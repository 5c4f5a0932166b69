import { mkdirSync, readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentAssets } from "../../src/web/bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, startServer, type TestServer } from "./helpers.js";

const json = JSON.parse(readFileSync(new URL("../../surveys/dangjian-innovation-2023.json", import.meta.url), "utf8"));
const screens = "/tmp/screens";

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "dangjian-innovation-2023", json);
  await respondentAssets();
  server = await startServer(database);
  browser = await launchBrowser();
  mkdirSync(screens, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

// The reference study's page as respondents see it, in each of its three languages:
// the title, the first page's questions and, after choosing 社会组织, the skip logic.
describe.each([
  { lang: "zh-cn", query: "", title: "社会组织党建工作创新调查问卷", level: "您所在单位的层级", org: "社会组织" },
  { lang: "zh-tw", query: "?lang=zh-tw", title: "社會組織黨建工作創新調查問卷", level: "您所在單位的層級", org: "社會組織" },
  { lang: "en", query: "?lang=en", title: "Questionnaire on Innovation in Party Building in Social Organisations", level: "The level of your unit", org: "Social organisation" },
])("the reference questionnaire in $lang", ({ lang, query, title, level, org }) => {
  it("shows its own texts and a screenshot is taken", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/s/dangjian-innovation-2023${query}`);
    await page.locator(".sd-root-modern").waitFor();
    const levelQuestion = page.locator('[data-name="level"]');
    expect(await levelQuestion.innerText()).toContain(level);
    expect(await page.locator(".sd-title").first().innerText()).toContain(title);
    // Choosing 社会组织 reveals the organisation pages: the page count in the progress bar grows.
    await levelQuestion.getByText(org, { exact: true }).click();
    expect(await page.title()).toBe(title);
    await page.screenshot({ path: `${screens}/reference-${lang}.png`, fullPage: true });
    await context.close();
  });
});
