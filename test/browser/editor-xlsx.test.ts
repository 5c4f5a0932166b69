/**
 * The questionnaire as a workbook in the editor, in Chromium against the real app: the blank
 * template downloaded in the page, edited with exceljs as a person would in Excel (a label
 * changed, a question row added, the form title changed), uploaded into the draft, the preview
 * and the outline showing the change, the draft downloaded again with the change in it, the
 * publish diff saying what changed in each language, and a published version downloaded by its
 * number. A workbook with a bad row lists its problem by sheet, row and column in the page's
 * language. Screenshots go to /tmp/editor-screens (not committed).
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorSession, SCREENS } from "./editor-session.js";

const NAME = "draft-study";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LANGS = ["zh-Hans", "zh-Hant", "en"] as const;

const s = editorSession();
let page: Page;

/** Clicks what starts a download and answers the downloaded file's bytes and suggested name. */
async function downloaded(click: () => Promise<void>): Promise<{ bytes: Buffer; file: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  return { bytes: await readFile(path), file: download.suggestedFilename() };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as objects by header, as a person reads the spreadsheet. */
function rowsOf(book: ExcelJS.Workbook, sheet: string): Record<string, string>[] {
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const out: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    out.push(Object.fromEntries(headers.map((h, i) => [h, String(values[i] ?? "")]).filter(([h]) => h !== "")));
  });
  return out;
}

/** The column number of a header in a sheet's first row. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const index = (ws.getRow(1).values as unknown[]).indexOf(header);
  if (index < 1) throw new Error(`no column ${header}`);
  return index;
}

async function upload(bytes: Buffer, name = "问卷.xlsx") {
  await page.locator("#xlsx-upload").setInputFiles({ name, mimeType: XLSX, buffer: bytes });
}

const xlsxPanel = (): Locator => page.locator("details.xlsx");

describe("the questionnaire workbook in the editor", () => {
  it("downloads the template, takes it back edited into the draft, and downloads the draft and a version with the change", async () => {
    page = await s.open();
    await page.goto(s.url(`/w/surveys/${NAME}/edit`));
    await page.locator('.outline-row[data-name="opinion"]').waitFor();
    await xlsxPanel().locator("summary").click();
    await xlsxPanel().screenshot({ path: `${SCREENS}/xlsx-panel-zh-Hans.png` });

    // The blank template, downloaded in the page.
    const template = await downloaded(() => page.getByRole("link", { name: "空白模板（XLSX）" }).click());
    expect(template.file).toBe("问卷模板.xlsx");

    // Edited as in Excel: the city's label, a number question added to the group, the form's title.
    const book = await workbookOf(template.bytes);
    const survey = book.getWorksheet("survey");
    if (!survey) throw new Error("the template has no survey sheet");
    const names = survey.getColumn(column(survey, "name")).values as unknown[];
    const cityRow = names.indexOf("city");
    const endRow = (survey.getColumn(column(survey, "type")).values as unknown[]).indexOf("end_group");
    expect(cityRow).toBeGreaterThan(1);
    survey.getRow(cityRow).getCell(column(survey, "label::zh-Hans")).value = "您所在的城市（地级市）";
    survey.insertRow(endRow, []);
    const added = survey.getRow(endRow);
    added.getCell(column(survey, "type")).value = "integer";
    added.getCell(column(survey, "name")).value = "staff_count";
    added.getCell(column(survey, "label::zh-Hans")).value = "从业人员数（人）";
    added.getCell(column(survey, "label::en")).value = "Number of staff";
    added.getCell(column(survey, "constraint")).value = ". >= 0";
    const settings = book.getWorksheet("settings");
    if (!settings) throw new Error("the template has no settings sheet");
    settings.getRow(2).getCell(column(settings, "form_title::zh-Hans")).value = "2024年党建工作调查";
    const edited = Buffer.from(await book.xlsx.writeBuffer());

    // Uploaded into the draft, after asking: the outline and the preview show the change.
    await upload(edited);
    await page.getByText("用这个工作簿中的问卷替换整份草稿吗？").waitFor();
    await xlsxPanel().locator(".confirm").getByRole("button", { name: "用 XLSX 文件替换" }).click();
    await page.getByText("草稿已替换为工作簿中的问卷").waitFor();
    await page.locator('.outline-row[data-name="staff_count"]').waitFor();
    await expect(s.outlineNames()).resolves.toEqual(expect.arrayContaining(["city", "level", "staff_count"]));
    await page.locator('.outline-row[data-name="staff_count"] .outline-pick').click();
    await expect(s.field("title-zh-Hans").inputValue()).resolves.toBe("从业人员数（人）");
    await s.preview().getByText("从业人员数（人）").first().waitFor();
    await page.locator('.outline-row[data-name="city"] .outline-pick').click();
    await s.preview().getByText("您所在的城市（地级市）").first().waitFor();

    // The draft downloaded again (saved first): the change is in the workbook.
    const again = await downloaded(() => xlsxPanel().getByRole("button", { name: "下载草稿（XLSX）" }).click());
    expect(again.file).toMatch(/^draft-study\.draft-r\d+\.xlsx$/);
    const back = await workbookOf(again.bytes);
    const rows = rowsOf(back, "survey");
    expect(rows.find((r) => r.name === "city")).toMatchObject({ "label::zh-Hans": "您所在的城市（地级市）" });
    expect(rows.find((r) => r.name === "staff_count")).toMatchObject({ type: "integer", "label::zh-Hans": "从业人员数（人）", "label::en": "Number of staff" });
    expect(rowsOf(back, "settings")[0]).toMatchObject({ "form_title::zh-Hans": "2024年党建工作调查" });
    expect((await s.draftOnServer(NAME)).json.title).toMatchObject({ default: "2024年党建工作调查" });

    // The diff says what publishing changes, in each language's words.
    for (const lang of LANGS) {
      await page.goto(s.url(`/w/surveys/${NAME}/edit?lang=${lang}`));
      await s.preview().waitFor();
      await page.locator(".publish > button.primary").click();
      const diff = page.locator(".publish-diff");
      await diff.locator('[data-diff="surveyTexts"]').waitFor();
      await expect(diff.locator('[data-diff="surveyTexts"]').innerText()).resolves.toContain("2024年党建工作调查");
      await expect(diff.locator('[data-diff="added"]').innerText()).resolves.toContain("staff_count");
      await expect(diff.locator('[data-diff="removed"]').innerText()).resolves.toContain("opinion");
      await diff.screenshot({ path: `${SCREENS}/xlsx-diff-${lang}.png` });
    }
    await expect(page.locator('.publish-diff [data-diff="surveyTexts"]').innerText()).resolves.toContain("Title (简体中文)");

    // Published: version 2; version 1 (the seeded questionnaire) downloads by its number.
    await page.goto(s.url(`/w/surveys/${NAME}/edit?lang=zh-Hans`));
    await s.preview().waitFor();
    await page.getByRole("button", { name: "发布…" }).click();
    await page.getByRole("button", { name: "发布为新版本" }).click();
    await page.getByText("已发布为第 2 版").waitFor();
    await xlsxPanel().locator("summary").click();
    await expect(page.getByLabel("已发布的版本").inputValue()).resolves.toBe("2");
    await page.getByLabel("已发布的版本").selectOption("1");
    const first = await downloaded(() => xlsxPanel().getByRole("link", { name: "下载为 XLSX" }).click());
    expect(first.file).toBe("draft-study.v1.xlsx");
    expect(rowsOf(await workbookOf(first.bytes), "survey").map((r) => r.name)).toEqual(expect.arrayContaining(["level", "opinion"]));
  }, 180_000);

  it("lists a bad row's problem by sheet, row and column in the page's language, and changes nothing", async () => {
    page = await s.open();
    const template = await s.context.request.get(s.url("/api/questionnaires/template.xlsx"));
    const book = await workbookOf(await template.body());
    const survey = book.getWorksheet("survey");
    if (!survey) throw new Error("the template has no survey sheet");
    const levelRow = (survey.getColumn(column(survey, "name")).values as unknown[]).indexOf("level");
    survey.getRow(levelRow).getCell(column(survey, "type")).value = "select_one no_such_list";
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const where = { "zh-Hans": `工作表 survey，第 ${levelRow} 行`, "zh-Hant": `工作表 survey，第 ${levelRow} 列`, en: `sheet survey, row ${levelRow}` };
    for (const lang of LANGS) {
      await page.goto(s.url(`/w/surveys/${NAME}/edit?lang=${lang}`));
      await s.preview().waitFor();
      const before = await s.outlineNames();
      await xlsxPanel().locator("summary").click();
      await upload(bad);
      const problem = xlsxPanel().locator(".problem");
      await problem.waitFor();
      await expect(problem.innerText()).resolves.toContain(where[lang]);
      await expect(problem.innerText()).resolves.toContain("no_such_list");
      await expect(s.outlineNames()).resolves.toEqual(before);
      await xlsxPanel().screenshot({ path: `${SCREENS}/xlsx-problem-${lang}.png` });
    }
  }, 90_000);
});
