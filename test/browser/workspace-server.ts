/**
 * The shared set-up of the workspace's browser tests: a test database with surveys,
 * answers and an administrator, the real app on a loopback port, and Chromium; and signing
 * in, through the sign-in page or straight through the API.
 */
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Database } from "../../src/db/client.js";
import { createUser } from "../../src/services/accounts/users.js";
import { createLink } from "../../src/services/links.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { workspaceAssets } from "../../src/web/workspace-bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

export const ADMIN = { login: "admin", name: "王管理", password: "correct horse battery" };

/** A title a user typed with markup in it: the pages must show it as text. */
export const XSS_TITLE = `<img src=x onerror="window.__xss=1">"><script>window.__xss=2</script>`;

/** The seeded survey most tests work on. */
export const SURVEY = "party-building";

const questionnaire = {
  title: { default: "社会组织党建工作调查", "zh-tw": "社會組織黨建工作調查", en: "Party building in social organisations" },
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "level",
          title: { default: "您所在的层级", "zh-tw": "您所在的層級", en: "Your level" },
          choices: [
            { value: "city", text: { default: "市", "zh-tw": "市", en: "City" } },
            { value: "district", text: { default: "区", "zh-tw": "區", en: "District" } },
          ],
        },
        { type: "comment", name: "opinion", title: { default: "意见和建议", "zh-tw": "意見和建議", en: "Comments" } },
      ],
    },
  ],
};

export interface Workspace {
  database: Database;
  server: TestServer;
  browser: Browser;
  /** The seeded responses' ids, in the order they were sent. */
  responseIds: string[];
  close(): Promise<void>;
}

/**
 * Opens the database, seeds it (an administrator; the survey `party-building` with two
 * collection links and answers through them; a draft; a survey whose title is markup),
 * starts the server (on `port`, else a free one) and Chromium, and builds the workspace bundle once.
 */
export async function openWorkspace(options: { port?: number } = {}): Promise<Workspace> {
  const [database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), workspaceAssets()]);
  const admin = await createUser(database.db, { ...ADMIN, admin: true });
  await publishSurvey(database.db, SURVEY, questionnaire, { owner: admin.id });
  await publishSurvey(
    database.db,
    "draft-study",
    { ...questionnaire, title: { default: "草拟中的问卷", "zh-tw": "草擬中的問卷", en: "A study being drafted" } },
    { status: "draft", owner: admin.id },
  );
  await publishSurvey(database.db, "markup-title", { ...questionnaire, title: XSS_TITLE }, { owner: admin.id });
  const server = await startServer(database, options.port);
  const chaoyang = await createLink(database.db, SURVEY, { unit: "朝阳区", label: "区委组织部", expected: 4 });
  await createLink(database.db, SURVEY, { unit: "海淀区", expected: 10 });
  const responseIds: string[] = [];
  for (const [i, complete] of [true, true, false].entries()) {
    responseIds.push(
      await submit(server, SURVEY, { level: i === 0 ? "city" : "district", opinion: i === 0 ? "<b>加强</b>\n基层党建指导" : "" }, { link: chaoyang.code, complete }),
    );
  }
  responseIds.push(await submit(server, SURVEY, { level: "district" }));
  return {
    database,
    server,
    browser,
    responseIds,
    async close() {
      await browser.close();
      await server.close();
      await database.close();
    },
  };
}

/** Answers a survey through the public API, as the respondent page does. */
export async function submit(server: TestServer, name: string, data: Record<string, unknown>, options: { link?: string; complete?: boolean } = {}) {
  const id = randomUUID();
  const res = await fetch(`${server.origin}/api/surveys/${name}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, data, complete: options.complete ?? true, link: options.link }),
  });
  if (res.status !== 201) throw new Error(`submit to ${name} answered ${res.status}: ${await res.text()}`);
  return id;
}

/** A page in a fresh browser context, recording page errors and CSP violations. */
export async function newPage(workspace: Workspace, options: { width?: number; height?: number; locale?: string } = {}) {
  const context: BrowserContext = await workspace.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? "zh-CN",
  });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = recordPageProblems(page);
  // A CSP violation also reaches the page as an event: record it whether or not it is logged.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  return { context, page, problems, dialogs: () => dialogs };
}

/** Signs the page's context in through the API (the cookie lands in the browser context). */
export async function signInByApi(workspace: Workspace, context: BrowserContext, login = ADMIN.login, password = ADMIN.password) {
  const res = await context.request.post(`${workspace.server.origin}/api/session`, { data: { login, password } });
  if (res.status() !== 201) throw new Error(`sign-in of ${login} answered ${res.status()}`);
}
