import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, recordRequests, startServer, type TestServer } from "./helpers.js";

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startServer(database);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

it("GET /api/docs renders styled under its policy, asking for nothing else", async () => {
  const page = await browser.newPage();
  const problems = recordPageProblems(page);
  const requests = recordRequests(page);
  await page.goto(`${server.origin}/api/docs`);
  // The one style is allowed by its hash: a blocked style would leave the header unpainted.
  const header = await page.evaluate(() => getComputedStyle(document.querySelector("header")!).backgroundColor);
  expect(header).toBe("rgb(180, 35, 42)");
  expect(await page.locator("section.op h3").count()).toBeGreaterThanOrEqual(14);
  expect(problems).toEqual([]);
  expect(requests).toEqual([`${server.origin}/api/docs`]);
  await page.close();
}, 60_000);
