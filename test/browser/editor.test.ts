/**
 * The questionnaire editor in Chromium against the real app: a survey started empty, built
 * with the form (a single choice whose answer shows a multiple choice of at most three, a
 * number with limits), the preview following each edit, the JSON view round trip (an invalid
 * text not clobbering the form, an unknown property kept), saving and reloading, a stale
 * save refused, publishing after the diff, and answering the new version as a respondent.
 * Screenshots go to /tmp/editor-screens (not committed).
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorSession, SCREENS } from "./editor-session.js";
import { XSS_TITLE } from "./workspace-server.js";

const NAME = "editor-study";
const s = editorSession();
let page: Page;

const url = s.url;
const preview = s.preview;
const field = s.field;
const api = s.api;
const renders = async () => Number((await preview().getAttribute("data-renders")) ?? "0");

/** Waits until the preview has rendered again since `before` and shows `text`. */
async function previewShows(text: string, before?: number) {
  if (before !== undefined) await page.waitForFunction((n) => Number(document.querySelector(".preview-survey")?.getAttribute("data-renders") ?? 0) > n, before);
  await preview().getByText(text, { exact: false }).first().waitFor();
}

async function addQuestion(typeLabel: string) {
  await page.getByLabel("新题目的题型").selectOption({ label: typeLabel });
  await page.getByRole("button", { name: "添加题目", exact: true }).click();
}

async function jsonEditor(): Promise<Locator> {
  const content = page.locator(".json-editor .cm-content");
  await content.waitFor();
  return content;
}

async function replaceJsonText(text: string) {
  const content = await jsonEditor();
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

describe("the questionnaire editor", () => {
  it("builds a survey from empty with the form, previews it, round-trips the JSON, saves, publishes after the diff; a respondent answers the new version", async () => {
    page = await s.open();
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
    });
    expect((await api("POST", "/api/surveys/new", { name: NAME, from: { kind: "empty" }, title: "编辑器测试问卷" })).status).toBe(201);

    await page.goto(url(`/w/surveys/${NAME}/overview`));
    await page.getByRole("link", { name: "编辑问卷" }).click();
    await page.getByRole("heading", { level: 1, name: /问卷编辑器/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/surveys/${NAME}/edit`);
    await preview().waitFor();

    // A single choice.
    await addQuestion("单选");
    await field("name").fill("level");
    let before = await renders();
    await field("title-zh-Hans").fill("您所在的层级");
    await previewShows("您所在的层级", before);
    await field("title-zh-Hant").fill("您所在的層級");
    await field("title-en").fill("Your level");
    before = await renders();
    await field("choices").fill("city=市\ndistrict=区\nstreet\t街道");
    await previewShows("街道", before);

    // A multiple choice of at most three, shown only for districts.
    await addQuestion("多选");
    await field("name").fill("problems");
    await field("title-zh-Hans").fill("主要问题");
    await field("title-en").fill("Main problems");
    await field("choices").fill("a=管理体制不顺畅\nb=创新动力不足\nc=覆盖不高\nd=顶层设计不到位");
    await field("maxSelectedChoices").fill("3");
    const logic = page.locator('[data-logic="visibleIf"]');
    await logic.getByRole("combobox").selectOption("level");
    await logic.getByLabel("区", { exact: true }).check();
    await expect(logic.locator('[data-field="visibleIf"]').inputValue()).resolves.toBe("{level} = 'district'");
    before = await renders();
    await logic.getByLabel("街道", { exact: true }).check();
    await expect(logic.locator('[data-field="visibleIf"]').inputValue()).resolves.toBe("{level} anyof ['district', 'street']");
    // The page of the selected question is previewed; the question waits for its condition.
    await page.waitForFunction((n) => Number(document.querySelector(".preview-survey")?.getAttribute("data-renders") ?? 0) > n, before);
    await expect(preview().getByText("主要问题").count()).resolves.toBe(0);
    await preview().locator('[data-name="level"]').getByText("区", { exact: true }).click();
    await preview().getByText("主要问题").first().waitFor();

    // A number with limits.
    await addQuestion("填空");
    await field("name").fill("staff");
    await field("title-zh-Hans").fill("从业人员数");
    await field("inputType").selectOption("number");
    await field("min").fill("0");
    await field("max").fill("10000");
    await field("isRequired").check();
    await previewShows("从业人员数");
    // A text changed in place (the model is patched, not rebuilt) shows as well.
    before = await renders();
    await field("title-zh-Hans").fill("从业人员数（人）");
    await previewShows("从业人员数（人）", before);
    await field("title-zh-Hans").fill("从业人员数");

    // A duplicate name is a problem beside the question, while typing.
    await field("name").fill("level");
    await page.locator(".element-problems").waitFor();
    await expect(page.locator(".outline-row[data-path] .outline-problems").count()).resolves.toBeGreaterThan(0);
    await field("name").fill("staff");
    await page.locator(".element-problems").waitFor({ state: "detached" });

    // Renaming a question takes its references along, key by key: `problems` is shown for `{tier}` then.
    await page.locator('.outline-row[data-name="level"] .outline-pick').click();
    await field("name").press("End");
    for (const key of ["Backspace", "Backspace", "Backspace", "Backspace", "Backspace"]) await field("name").press(key);
    await field("name").pressSequentially("tier");
    await page.locator('.outline-row[data-name="problems"] .outline-pick').click();
    await expect(page.locator('[data-logic="visibleIf"] [data-field="visibleIf"]').inputValue()).resolves.toBe("{tier} anyof ['district', 'street']");
    await preview().locator('[data-name="tier"]').getByText("区", { exact: true }).click();
    await preview().getByText("主要问题").first().waitFor();
    await page.locator('.outline-row[data-name="tier"] .outline-pick').click();
    await field("name").fill("level");
    await page.locator('.outline-row[data-name="problems"] .outline-pick').click();
    await expect(page.locator('[data-logic="visibleIf"] [data-field="visibleIf"]').inputValue()).resolves.toBe("{level} anyof ['district', 'street']");
    await page.locator('.outline-row[data-name="staff"] .outline-pick').click();
    await page.screenshot({ path: `${SCREENS}/editor-form.png` });

    // Reorder by keyboard buttons: staff up above problems, and back by drag.
    await page.getByRole("button", { name: "上移 staff" }).click();
    await expect(page.locator(".outline-row[data-name]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")))).resolves.toEqual([
      "page1",
      "level",
      "staff",
      "problems",
    ]);
    await page.locator('.outline-row[data-name="problems"]').dragTo(page.locator('.outline-row[data-name="staff"]'));
    await expect(page.locator(".outline-row[data-name]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")))).resolves.toEqual([
      "page1",
      "level",
      "problems",
      "staff",
    ]);

    // The JSON view: the same draft; an invalid text keeps the form; an unknown property survives.
    // Saved first: CodeMirror only draws the lines in view, so the draft is read from the server.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.locator('[data-save="saved"]').waitFor();
    const draft = (await api("GET", `/api/surveys/${NAME}/draft`)).body.json as { pages: { elements: Record<string, unknown>[] }[] };
    expect(draft.pages[0].elements.map((e) => e.name)).toEqual(["level", "problems", "staff"]);
    expect(draft.pages[0].elements[0]).toMatchObject({
      type: "radiogroup",
      title: { default: "您所在的层级", "zh-tw": "您所在的層級", en: "Your level" },
      choices: [
        { value: "city", text: "市" },
        { value: "district", text: "区" },
        { value: "street", text: "街道" },
      ],
    });
    expect(draft.pages[0].elements[1]).toMatchObject({ type: "checkbox", maxSelectedChoices: 3, visibleIf: "{level} anyof ['district', 'street']" });
    expect(draft.pages[0].elements[2]).toMatchObject({ inputType: "number", min: 0, max: 10000, isRequired: true });
    await page.getByRole("tab", { name: "JSON" }).click();
    await expect((await jsonEditor()).innerText()).resolves.toContain('"name": "level"');
    await replaceJsonText('{ "pages": [ broken');
    await page.getByText("JSON 无法解析").waitFor();
    await page.getByRole("tab", { name: "表单" }).click();
    await page.locator('.outline-row[data-name="staff"] .outline-pick').click();
    await expect(field("title-zh-Hans").inputValue()).resolves.toBe("从业人员数");
    await page.getByRole("tab", { name: "JSON" }).click();
    await expect(page.locator(".json-editor .cm-content").innerText()).resolves.toContain("broken");
    draft.pages[0].elements[2] = { ...draft.pages[0].elements[2], title: { default: "从业人员总数", en: "Staff" }, "x-kept": { by: "editor" } };
    before = await renders();
    await replaceJsonText(JSON.stringify(draft, null, 2));
    await previewShows("从业人员总数", before);
    await page.getByRole("tab", { name: "表单" }).click();
    await page.locator('.outline-row[data-name="staff"] .outline-pick').click();
    await expect(field("title-zh-Hans").inputValue()).resolves.toBe("从业人员总数");
    await field("title-zh-Hant").fill("從業人員總數");

    // Saving, and a reload keeps it all.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.locator('[data-save="saved"]').waitFor();
    await page.reload();
    await page.locator('.outline-row[data-name="staff"] .outline-pick').click();
    await expect(field("title-zh-Hant").inputValue()).resolves.toBe("從業人員總數");
    const saved = await api("GET", `/api/surveys/${NAME}/draft`);
    const savedStaff = (saved.body.json as typeof draft).pages[0].elements[2];
    expect(savedStaff).toMatchObject({ name: "staff", "x-kept": { by: "editor" }, title: { default: "从业人员总数", "zh-tw": "從業人員總數", en: "Staff" } });

    // The preview in each language.
    await page.locator('.outline-row[data-name="level"] .outline-pick').click();
    await previewShows("您所在的层级");
    await page.locator(".editor-preview").screenshot({ path: `${SCREENS}/preview-zh-Hans.png` });
    await page.locator(".editor-preview").getByRole("button", { name: "繁體中文" }).click();
    await previewShows("您所在的層級");
    await page.locator(".editor-preview").screenshot({ path: `${SCREENS}/preview-zh-Hant.png` });
    await page.locator(".editor-preview").getByRole("button", { name: "English" }).click();
    await previewShows("Your level");
    await page.locator(".editor-preview").getByRole("button", { name: "手机" }).click();
    await page.locator(".editor-preview").screenshot({ path: `${SCREENS}/preview-en-phone.png` });

    // Publishing: the diff first, then the new version.
    await page.getByRole("button", { name: "发布…" }).click();
    const diff = page.locator(".publish-diff");
    await diff.waitFor();
    await expect(diff.locator('[data-diff="added"]').innerText()).resolves.toMatch(/level[\s\S]*problems[\s\S]*staff/);
    await diff.screenshot({ path: `${SCREENS}/publish-diff.png` });
    await page.getByRole("button", { name: "发布为新版本" }).click();
    const published = await page.getByText(/已发布为第 \d+ 版/).innerText();
    const version = Number(/第 (\d+) 版/.exec(published)?.[1]);
    const current = await api("GET", `/api/surveys/${NAME}`);
    expect(current.body.version).toBe(version);

    // A respondent answers the new version.
    expect((await api("PATCH", `/api/surveys/${NAME}`, { status: "open" })).status).toBe(200);
    await page.goto(url(`/s/${NAME}`));
    const q = (name: string) => page.locator(`[data-name="${name}"]`);
    await q("level").getByText("区", { exact: true }).click();
    for (const choice of ["管理体制不顺畅", "创新动力不足", "覆盖不高"]) await q("problems").getByText(choice, { exact: true }).click();
    await expect(q("problems").locator("input[type=checkbox]:not(:checked)").first().isDisabled()).resolves.toBe(true);
    await q("staff").locator("input").fill("12");
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/surveys/${NAME}/responses`));
    await page.getByRole("button", { name: "提交问卷", exact: true }).click();
    const response = await answered;
    expect(response.status()).toBe(201);
    expect(response.request().postDataJSON()).toMatchObject({ version, data: { level: "district", problems: ["a", "b", "c"], staff: 12 } });
  }, 180_000);

  it("a stale save (someone else saved meanwhile) is refused and the user's text stays", async () => {
    page = await s.open();
    await page.goto(url("/w/surveys/draft-study/edit"));
    await page.locator('.outline-row[data-name="opinion"] .outline-pick').click();
    // Another editor saves first, over the same revision.
    const loaded = await api("GET", "/api/surveys/draft-study/draft");
    const json = loaded.body.json as Record<string, unknown>;
    expect(
      (await s.context.request.put(url("/api/surveys/draft-study/draft"), { data: { json: { ...json, description: "别人的修改" }, revision: loaded.body.revision } })).status(),
    ).toBe(200);
    await field("title-zh-Hans").fill("我的修改");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.locator('[data-save="stale"]').waitFor();
    await expect(page.locator('[data-save="stale"]').innerText()).resolves.toContain("其他人保存");
    await expect(field("title-zh-Hans").inputValue()).resolves.toBe("我的修改");
    await page.locator('[data-save="stale"]').screenshot({ path: `${SCREENS}/stale.png` });
    // Markup typed into a title is text in the outline and the form, and runs nowhere.
    await field("title-zh-Hans").fill(XSS_TITLE);
    await expect(page.locator('.outline-row[data-name="opinion"] .outline-label').innerText()).resolves.toContain("<img src=x");
    await page.waitForTimeout(200);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
  }, 60_000);

  it("replaces the draft from an uploaded workbook after asking, and lists a bad workbook's problems", async () => {
    page = await s.open();
    const template = await s.context.request.get(url("/api/questionnaires/template.xlsx"));
    expect(template.status()).toBe(200);
    await page.goto(url("/w/surveys/draft-study/edit"));
    await page.locator('.outline-row[data-name="opinion"]').waitFor();
    await page.getByText("电子表格").click();
    await expect(page.getByRole("link", { name: "空白模板（XLSX）" }).getAttribute("href")).resolves.toMatch(/api\/questionnaires\/template\.xlsx$/);
    await page
      .locator("#xlsx-upload")
      .setInputFiles({ name: "template.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await template.body() });
    await page.getByText("用这个工作簿中的问卷替换整份草稿吗？").waitFor();
    await page.locator(".xlsx .confirm").getByRole("button", { name: "用 XLSX 文件替换" }).click();
    await page.getByText("草稿已替换为工作簿中的问卷").waitFor();
    await page.locator('.outline-row[data-name="opinion"]').waitFor({ state: "detached" });
    expect(await page.locator(".outline-row[data-name]").count()).toBeGreaterThan(2);
    await page
      .locator("#xlsx-upload")
      .setInputFiles({ name: "bad.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("not a workbook") });
    await page.locator(".xlsx .problem").waitFor();
  }, 60_000);

  it("says in the publish diff, in each language, the survey's own title and a matrix's rows and columns changed", async () => {
    page = await s.open();
    const grid = (rows: unknown[], columns: unknown[]) => ({ type: "matrix", name: "ratings", title: { default: "评价", en: "Ratings" }, rows, columns });
    const before = { title: { default: "矩阵问卷", en: "Matrix survey" }, pages: [{ name: "p1", elements: [grid(["组织", "活动"], ["好", "差"])] }] };
    expect((await api("POST", "/api/surveys", { name: "matrix-study", json: before, status: "draft" })).status).toBe(201);
    const after = {
      title: { default: "矩阵问卷（修订）", en: "Matrix survey" },
      description: "新增说明",
      pages: [{ name: "p1", elements: [grid(["组织", { value: "活动", text: { default: "活动", en: "Activities" } }, "宣传"], ["好", "一般"])] }],
    };
    expect((await api("PUT", "/api/surveys/matrix-study/draft", { json: after, revision: 0 })).status).toBe(200);
    const expected = {
      "zh-Hans": ["标题（简体中文）：矩阵问卷 → 矩阵问卷（修订）", "说明（简体中文）：— → 新增说明", "ratings: 宣传", "ratings: 差", "ratings · 活动（English）：— → Activities"],
      "zh-Hant": ["標題（简体中文）：矩阵问卷 → 矩阵问卷（修订）", "ratings: 一般", "ratings · 活动（English）：— → Activities"],
      en: ["Title (简体中文): 矩阵问卷 → 矩阵问卷（修订）", "Description (简体中文): — → 新增说明", "ratings · 活动 (English): — → Activities"],
    };
    for (const lang of ["zh-Hans", "zh-Hant", "en"] as const) {
      await page.goto(url(`/w/surveys/matrix-study/edit?lang=${lang}`));
      await preview().waitFor();
      await page.locator(".publish > button.primary").click();
      const diff = page.locator(".publish-diff");
      await diff.locator('[data-diff="rowsAdded"]').waitFor();
      for (const kind of ["surveyTexts", "rowsAdded", "rowsRetitled", "columnsAdded", "columnsRemoved"]) await diff.locator(`[data-diff="${kind}"]`).waitFor();
      const text = await diff.innerText();
      for (const line of expected[lang]) expect(text).toContain(line);
      await diff.screenshot({ path: `${SCREENS}/matrix-diff-${lang}.png` });
    }
  }, 60_000);
});
