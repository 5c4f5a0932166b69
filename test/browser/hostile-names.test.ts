/**
 * The respondent page of a questionnaire whose choices, matrix rows and columns, items and
 * dynamic-panel questions are named like properties of every object (issue 11): it loads,
 * its logic runs on those values, and what it submits is stored as it was answered.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { listResponses } from "../../src/services/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentAssets } from "../../src/web/bundle.js";
import { hostileAnswers, hostileSurvey } from "../fixtures/hostile-names.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), respondentAssets()]);
  await publishSurvey(database.db, "hostile-names", hostileSurvey());
  server = await startServer(database);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

it("loads, runs its logic on those values and submits them as answered", async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: "zh-CN" });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = recordPageProblems(page);
  await page.goto(`${server.origin}/s/hostile-names`);
  await page.locator(".sd-root-modern").waitFor();
  const question = (name: string) => page.locator(`[data-name="${name}"]`);

  // The comment shows only for the choice valued "toString".
  await expect.poll(() => question("note").count()).toBe(0);
  await question("level").getByText("层级 toString", { exact: true }).click();
  await question("note").waitFor();
  await question("picks").getByText("选 __proto__", { exact: true }).click();
  await question("picks").getByText("选 constructor", { exact: true }).click();
  await question("rate").getByText("__proto__", { exact: true }).click();
  // The composite answers (matrix cells, items, a dynamic panel) as the widgets would store them.
  const rest = hostileAnswers(0);
  // As JSON text: Playwright's own serialisation of arguments trips over an own "__proto__" key.
  await page.evaluate((json) => {
    const answers = JSON.parse(json) as Record<string, unknown>;
    const survey = (window as unknown as { survey: { setValue(name: string, value: unknown): void } }).survey;
    for (const name of ["members", "staff", "grid", "mt", "md", "pd"]) {
      try {
        survey.setValue(name, answers[name]);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).stack}`);
      }
    }
  }, JSON.stringify(rest));
  const posted = page.waitForResponse((res) => res.url().endsWith("/api/surveys/hostile-names/responses"));
  await page.getByRole("button", { name: "提交问卷", exact: true }).click();
  const answer = await posted;
  expect(answer.status(), await answer.text()).toBe(201);
  await expect.poll(() => page.locator("#dj-done").innerText()).toContain("感谢您的参与");

  const [stored] = (await listResponses(database.db, "hostile-names", { limit: 10 })).items;
  const data = stored.data as Record<string, unknown>;
  expect(data.level).toBe("toString");
  expect(data.picks).toEqual(["__proto__", "constructor"]);
  expect(data.rate).toBe("__proto__");
  expect(data.grid).toEqual(rest.grid);
  expect(data.mt).toEqual(rest.mt);
  expect(data.md).toEqual(rest.md);
  expect(data.pd).toEqual(rest.pd);
  expect(problems).toEqual([]);
  await context.close();
});
