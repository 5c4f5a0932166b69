/**
 * Hostile text shown back in Chromium (issue 10): a corpus of script and element injections
 * as a survey's title, description, question titles and choice texts on the respondent page,
 * and as survey titles, choice texts, unit names, account names and open answers on every
 * workspace page. Nothing may run (no dialog, no call of the corpus's `__xss`), and no
 * element may carry an attribute the corpus wrote.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentAssets } from "../../src/web/bundle.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";
import { armTraps, hostileSurvey, sprung } from "./xss-traps.js";

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), respondentAssets()]);
  await publishSurvey(database.db, "hostile", hostileSurvey());
  server = await startServer(database);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe("the traps", () => {
  it("catch the corpus when a page does put it in as HTML", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await armTraps(page);
    // A page with no policy of its own (every answer of the platform now carries secure headers).
    await page.goto("about:blank");
    await page.evaluate((payloads) => {
      const box = document.createElement("div");
      document.body.append(box);
      box.innerHTML = payloads.join("");
    }, XSS_PAYLOADS as string[]);
    await expect.poll(async () => (await sprung(page)).calls.length).toBeGreaterThan(0);
    expect((await sprung(page)).injected.length).toBeGreaterThan(10);
    await context.close();
  });
});

describe("the respondent page", () => {
  it.each(["zh-CN", "en"])("shows the corpus as text, in %s, and runs none of it", async (locale) => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale });
    const page = await context.newPage();
    const problems = recordPageProblems(page);
    const traps = await armTraps(page);
    await page.goto(`${server.origin}/s/hostile`);
    await page.locator(".sd-root-modern").waitFor();
    // The texts are there, as text: the title, a choice, the other item's text.
    await expect.poll(() => page.locator("body").innerText()).toContain("<img src=x onerror=__xss(2)>");
    const body = await page.locator("body").innerText();
    expect(body).toContain(XSS_PAYLOADS[3]);
    expect(body).toContain(XSS_PAYLOADS[39]);
    expect(await page.title()).toBe(XSS_PAYLOADS[0]);
    // Open the dropdown, tick the other item and focus things: handlers would fire now.
    await page.getByText(XSS_PAYLOADS[21], { exact: true }).click();
    await page.locator("textarea").first().focus();
    await page.mouse.move(10, 10);
    expect(await sprung(page)).toEqual({ calls: [], injected: [] });
    expect(traps.dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
