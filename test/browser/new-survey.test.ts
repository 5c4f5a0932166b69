/**
 * A new survey from the workspace in Chromium against the real app: from the survey list's
 * button, started empty, from a shipped questionnaire and as a copy of a survey the user can
 * read, each opening in the editor with what it started from; a bad name refused in the page's
 * language; the list and the overview saying nothing is published yet, until the first
 * publication, which is version 1. Screenshots in the three languages go to /tmp/editor-screens.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorSession, SCREENS } from "./editor-session.js";
import { SURVEY } from "./workspace-server.js";

const s = editorSession();
let page: Page;

/** Fills the new-survey form and creates the survey; answers when the editor shows it. */
async function create(name: string, start: "空白问卷" | "平台自带的问卷" | "复制另一份问卷", choose?: () => Promise<void>) {
  await page.goto(s.url("/w/new"));
  await page.locator("form.new-survey").waitFor();
  await page.getByLabel("名称", { exact: true }).fill(name);
  await page.getByLabel(start).check();
  await choose?.();
  await page.getByRole("button", { name: "创建并编辑" }).click();
  await page.getByRole("heading", { level: 1, name: /问卷编辑器/ }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/w/surveys/${name}/edit`);
  await s.preview().waitFor();
}

describe("a new survey from the workspace", () => {
  it("starts empty, from a shipped questionnaire, or as a copy, each in the editor; nothing is published until the first publication, version 1", async () => {
    page = await s.open({ width: 1280, height: 900 });

    // The survey list offers it.
    await page.goto(s.url("/"));
    await page.getByRole("link", { name: "新建问卷" }).click();
    await page.getByRole("heading", { level: 1, name: "新建问卷" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/w/new");

    // A bad name is refused in the page's words, and nothing is made.
    await page.getByLabel("名称", { exact: true }).fill("Bad Name");
    await page.getByRole("button", { name: "创建并编辑" }).click();
    await page.locator(".new-survey .problem").getByText("问卷名称无效").waitFor();
    await expect(page.locator(".new-survey .problem").innerText()).resolves.toContain("name:");
    expect(new URL(page.url()).pathname).toBe("/w/new");

    // Empty: one page, no questions, the name as its title.
    await create("from-empty", "空白问卷");
    await expect(s.outlineNames()).resolves.toEqual(["page1"]);

    // From a shipped questionnaire: the reference study, whole.
    await create("from-shipped", "平台自带的问卷", async () => {
      await page.getByLabel("自带问卷").selectOption("dangjian-innovation-2023");
      await page.getByLabel("标题（可不填）").fill("2024年社会组织党建调查");
    });
    await expect(s.outlineNames().then((names) => names.length)).resolves.toBeGreaterThan(20);
    await s.preview().getByText("2024年社会组织党建调查").first().waitFor();

    // A copy of a survey the user can read: its current version's questions.
    await create("from-copy", "复制另一份问卷", async () => {
      await page.getByLabel("要复制的问卷").selectOption(SURVEY);
    });
    await expect(s.outlineNames()).resolves.toEqual(["p1", "level", "opinion"]);
    expect((await s.draftOnServer("from-copy")).json.title).toEqual({
      default: "社会组织党建工作调查",
      "zh-tw": "社會組織黨建工作調查",
      en: "Party building in social organisations",
    });

    // Nothing is published yet: said in the list and on the overview; no respondent page.
    await page.goto(s.url("/"));
    await expect(page.locator('tr[data-survey="from-copy"]').innerText()).resolves.toContain("尚未发布");
    await page.goto(s.url("/w/surveys/from-copy/overview"));
    await page.locator("[data-unpublished]").waitFor();
    expect((await page.request.get(s.url("/s/from-copy"))).status()).toBe(404);

    // The first publication is version 1.
    await page.goto(s.url("/w/surveys/from-copy/edit"));
    await s.preview().waitFor();
    await page.getByRole("button", { name: "发布…" }).click();
    await page.locator(".publish-diff").getByText("新问卷：没有更早的版本。").waitFor();
    await page.getByRole("button", { name: "发布为新版本" }).click();
    await page.getByText("已发布为第 1 版").waitFor();
    await page.goto(s.url("/"));
    await expect(page.locator('tr[data-survey="from-copy"]').innerText()).resolves.toContain("第 1 版");
  }, 120_000);

  it("shows the new-survey page, a survey with nothing published and its overview in each language", async () => {
    page = await s.open({ width: 1280, height: 900 });
    for (const lang of ["zh-Hans", "zh-Hant", "en"] as const) {
      await page.goto(s.url(`/w/new?lang=${lang}`));
      await page.locator("form.new-survey").waitFor();
      await page.locator('form.new-survey input[type="radio"][value="copy"]').check();
      await page.locator("#new-copy").waitFor();
      await page.locator("#new-name").fill("dangjian-2024");
      await page.screenshot({ path: `${SCREENS}/new-survey-${lang}.png`, fullPage: true });
      await page.goto(s.url(`/?lang=${lang}`));
      await page.locator('tr[data-survey="from-empty"]').waitFor();
      await page.locator("table.survey-list").screenshot({ path: `${SCREENS}/list-unpublished-${lang}.png` });
      await page.goto(s.url(`/w/surveys/from-empty/overview?lang=${lang}`));
      await page.locator("[data-unpublished]").waitFor();
      await page.screenshot({ path: `${SCREENS}/overview-unpublished-${lang}.png`, fullPage: true });
    }
  }, 60_000);
});
