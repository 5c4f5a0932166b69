/**
 * Every workspace page in the three languages, at desktop width, and the survey list and a
 * survey page at a phone's width (390 px): saved under /tmp/screens/workspace/ to be looked
 * at by hand. Each page must load with no page error, no CSP violation, and its words in
 * the chosen language.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWorkspace, newPage, signInByApi, SURVEY, type Workspace } from "./workspace-server.js";

const SCREENS = "/tmp/screens/workspace";
const LANGS = ["zh-Hans", "zh-Hant", "en"] as const;

/** Each page, and an element whose presence says it has loaded. */
const PAGES = [
  { name: "surveys", path: "/", ready: "table.survey-list" },
  { name: "overview", path: `/w/surveys/${SURVEY}/overview`, ready: "#life-heading" },
  { name: "responses", path: `/w/surveys/${SURVEY}/responses`, ready: "table.responses, .problem" },
  { name: "response", path: `/w/surveys/${SURVEY}/responses/{first}`, ready: "table.answers, .problem" },
  { name: "monitor", path: `/w/surveys/${SURVEY}/monitor`, ready: ".chart-box[data-rendered], .problem" },
  { name: "variables", path: `/w/surveys/${SURVEY}/variables`, ready: ".variable-form" },
  { name: "links", path: `/w/surveys/${SURVEY}/links`, ready: "table.links" },
  { name: "members", path: `/w/surveys/${SURVEY}/members`, ready: "table.members, .problem" },
  { name: "audit", path: `/w/surveys/${SURVEY}/audit`, ready: "table.audit, .problem, .empty" },
  { name: "new-survey", path: "/w/new", ready: "form.new-survey" },
  { name: "tokens", path: "/w/tokens", ready: "table.tokens, .empty" },
  { name: "users", path: "/w/users", ready: "table.users" },
] as const;

const PHONE_PAGES = new Set(["surveys", "overview", "links"]);

let workspace: Workspace;

beforeAll(async () => {
  workspace = await openWorkspace();
  mkdirSync(SCREENS, { recursive: true });
}, 120_000);
afterAll(async () => workspace?.close());

describe.each(LANGS)("the workspace in %s", (lang) => {
  it.each(PAGES)("$name", async ({ name, path, ready }) => {
    const widths = PHONE_PAGES.has(name) ? [1280, 390] : [1280];
    for (const width of widths) {
      const { context, page, problems } = await newPage(workspace, { width, height: width > 500 ? 900 : 844 });
      await signInByApi(workspace, context);
      await page.goto(`${workspace.server.origin}${path.replace("{first}", workspace.responseIds[0])}?lang=${lang}`);
      await page.locator(ready).first().waitFor();
      // The QR images and the chart finish drawing before the picture is taken.
      await page.waitForLoadState("networkidle");
      expect(await page.locator("html").getAttribute("lang")).toBe({ "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", en: "en" }[lang]);
      await page.screenshot({ path: `${SCREENS}/${name}-${lang}-${width}.png`, fullPage: true });
      await context.close();
      expect(problems).toEqual([]);
    }
  });
});
