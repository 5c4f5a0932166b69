/**
 * The set-up every respondent-page browser test shares: a test database with its surveys, the
 * real app over HTTP, Chromium, and a fresh context and page per test whose page errors fail it.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { respondentAssets } from "../../src/web/bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

export interface RespondentPagesOptions {
  /** Publishes the file's surveys (and anything else it needs) before the server starts. */
  seed: (database: Database) => Promise<void>;
  viewport: { width: number; height: number };
  /** Where the file saves its screenshots. */
  screens: string;
  /** Page problems a file provokes on purpose (say a refused submission's 422), left out of the check. */
  expected?: (problem: string) => boolean;
}

/** What a test reaches, set by the hooks this registers. */
export interface RespondentPages {
  database: Database;
  server: TestServer;
  page: Page;
}

/** Registers the hooks of a respondent-page test file; the returned object holds what they set. */
export function respondentPages(options: RespondentPagesOptions): RespondentPages {
  const state = {} as RespondentPages;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];
  beforeAll(async () => {
    // The bundle is built on first use; build it here, not inside the first test's page load.
    [state.database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), respondentAssets()]);
    await options.seed(state.database);
    state.server = await startServer(state.database);
    mkdirSync(options.screens, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await state.server?.close();
    await state.database?.close();
  });
  beforeEach(async () => {
    // The browser itself prefers Simplified Chinese: only the page's language may decide.
    context = await browser.newContext({ viewport: options.viewport, locale: "zh-CN" });
    state.page = await context.newPage();
    state.page.setDefaultTimeout(10_000);
    problems = recordPageProblems(state.page);
  });
  afterEach(async () => {
    await context.close();
    expect(problems.filter((p) => !options.expected?.(p))).toEqual([]);
  });
  return state;
}
