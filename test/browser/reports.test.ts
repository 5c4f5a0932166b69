/**
 * The report builder in a real browser (issue 14): on the reference study's 1,812 questionnaires,
 * build a report of four analyses by clicks (main_problems and multi_dept frequencies, the member
 * ratio, multi_dept by level), retitle and reorder them (keys and drag), write an introduction
 * and a note with data placeholders, save, preview, download the zip and check its files; share
 * it, and a viewer opens the shared page but gets no raw export; an English report says nothing
 * in Chinese but what the questionnaire itself gives. Screenshots in zh-Hans and en.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { LANGUAGES } from "../../i18n/language.js";
import { readVersion } from "../../src/questionnaire/read-version.js";
import { putMember } from "../../src/services/access/members.js";
import { PLATFORM, surveyAccess } from "../../src/services/access/survey-access.js";
import { createUser } from "../../src/services/accounts/users.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import { loadDemoData } from "../../src/services/demo.js";
import { loadSurveyFiles } from "../../src/services/survey-files.js";
import { workspaceAssets } from "../../src/web/workspace-bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

const REFERENCE = "dangjian-innovation-2023";
const PORT = 18751;
const SCREENS = "/tmp/reports-screens";
const PASSWORD = "correct horse battery";
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  const [db, b] = await Promise.all([openTestDatabase(), launchBrowser(), workspaceAssets()]);
  database = db;
  browser = b;
  await loadSurveyFiles(database.db, fileURLToPath(new URL("../../surveys", import.meta.url)));
  await loadDemoData(database.db, new AnswerCheckers());
  await createUser(database.db, { login: "admin", name: "王管理", password: PASSWORD, admin: true });
  await createUser(database.db, { login: "viewer", name: "李查看", password: PASSWORD });
  await createUser(database.db, { login: "outsider", name: "赵路人", password: PASSWORD });
  await putMember(database.db, await surveyAccess(database.db, PLATFORM, REFERENCE, "manage"), "viewer", { role: "viewer", unit: null });
  server = await startServer(database, PORT);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function signedInPage(login: string, lang: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === "en" ? "en-US" : "zh-CN", acceptDownloads: true });
  const res = await context.request.post(`${server.origin}/api/session`, { data: { login, password: PASSWORD } });
  expect(res.status()).toBe(201);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const problems = recordPageProblems(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, problems };
}

/** Adds an analysis with the builder's own form. */
async function addAnalysis(page: Page, kind: string, fields: Record<string, string>) {
  await page.selectOption("#add-kind", kind);
  for (const [field, name] of Object.entries(fields)) await page.selectOption(`#add-${field}`, name);
  const before = await page.locator(".report-item").count();
  await page.getByRole("button", { name: /^(添加|Add)$/ }).click();
  await expect.poll(() => page.locator(".report-item").count()).toBe(before + 1);
}

const titles = (page: Page) => page.locator(".report-item input[id^=item-title-]").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

/** Every text the questionnaire gives (titles, choices), in every language. */
function questionnaireTexts(): string[] {
  const json = JSON.parse(readFileSync(fileURLToPath(new URL(`../../surveys/${REFERENCE}.json`, import.meta.url)), "utf8"));
  const version = readVersion(json);
  const texts = new Set<string>(LANGUAGES.map((l) => version.title[l]));
  for (const q of version.questions) {
    for (const l of LANGUAGES) texts.add(q.title[l]);
    const items = "items" in q && Array.isArray(q.items) ? q.items : [];
    for (const item of items as { value: unknown; texts: Record<string, string> }[]) {
      texts.add(String(item.value));
      for (const l of LANGUAGES) texts.add(item.texts[l]);
    }
  }
  return [...texts].filter((t) => CJK.test(t)).sort((a, b) => b.length - a.length);
}

let shareUrl = "";
let reportPath = "";

describe("the report builder", () => {
  it("builds a report of four analyses by clicks, reorders, writes texts with placeholders, previews and downloads it (zh-Hans)", async () => {
    const { context, page, problems } = await signedInPage("admin", "zh-Hans");
    await page.goto(`${server.origin}/w/surveys/${REFERENCE}/reports?lang=zh-Hans`);
    await page.fill("#report-new-title", "社会组织党建工作创新调查报告");
    await page.selectOption("#report-new-lang", "zh-Hans");
    await page.getByRole("button", { name: "新建报告" }).last().click();
    await page.waitForURL(/\/reports\/\d+$/);
    reportPath = new URL(page.url()).pathname;

    await addAnalysis(page, "frequencies", { question: "main_problems" });
    await addAnalysis(page, "frequencies", { question: "multi_dept" });
    await addAnalysis(page, "ratio", { numerator: "member_count", denominator: "staff_count" });
    await addAnalysis(page, "crosstab", { row: "multi_dept", column: "level" });
    expect((await titles(page)).length).toBe(4);

    await page.fill("#item-title-0", "破解社会组织党建工作创新的主要问题");
    await page.fill("#item-title-1", "党建工作管理部门的情况");
    await page.fill("#item-title-2", "党员占从业人员的比例");
    await page.fill("#item-title-3", "管理部门情况 × 单位层级");
    // The keyboard: Alt+↑ on the second title makes it the first.
    await page.focus("#item-title-1");
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => titles(page)).toEqual(["党建工作管理部门的情况", "破解社会组织党建工作创新的主要问题", "党员占从业人员的比例", "管理部门情况 × 单位层级"]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("item-title-0");
    // The mouse: the cross-tab dragged by its handle onto the ratio.
    await page.locator(".report-item").nth(3).locator(".drag-handle").dragTo(page.locator(".report-item").nth(2));
    await expect.poll(() => titles(page)).toEqual(["党建工作管理部门的情况", "破解社会组织党建工作创新的主要问题", "管理部门情况 × 单位层级", "党员占从业人员的比例"]);

    await page.fill("#item-note-0", "认为**多个管理部门、职责不明确**的占 {share:multi_dept=多个管理部门，职责不明确}。");
    await page.fill(
      "#report-introduction",
      "## 调查概况\n\n本次调查共回收 {responses}。\n\n- 认为管理体制不顺畅的占 {share:main_problems=管理体制不顺畅}（{count:main_problems=管理体制不顺畅} 人）\n- <script>alert(1)</script>",
    );
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByText("已保存（第 2 次修订）。").waitFor();

    await page.getByRole("button", { name: "显示已保存的报告" }).click();
    const frame = page.frameLocator("iframe.report-frame");
    await frame.locator("h1").waitFor({ timeout: 120_000 });
    const shown = await frame.locator("body").innerText();
    expect(shown).toContain("本次调查共回收 1812 份问卷。");
    expect(shown).toContain("认为管理体制不顺畅的占 52.2%（946 人）");
    expect(shown).toContain("认为多个管理部门、职责不明确的占 39.6%。");
    expect(shown).toContain("<script>alert(1)</script>");
    expect(await frame.locator("h2 .no").allInnerTexts()).toEqual(["图 1", "图 2", "图 3", "图 4"]);
    expect(await frame.locator("section.analysis h2").allInnerTexts()).toEqual([
      "图 1 党建工作管理部门的情况",
      "图 2 破解社会组织党建工作创新的主要问题",
      "图 3 管理部门情况 × 单位层级",
      "图 4 党员占从业人员的比例",
    ]);
    await page.screenshot({ path: `${SCREENS}/builder-zh-Hans.png`, fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载报告包（zip）" }).click();
    const file = await (await download).path();
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const names = Object.keys(files).sort();
    expect(names.filter((n) => n.endsWith(".png"))).toHaveLength(4);
    expect(names.filter((n) => n.endsWith(".svg"))).toHaveLength(4);
    expect(names.filter((n) => n.endsWith(".vl.json"))).toHaveLength(4);
    expect(names).toContain("report.html");
    expect(names).toContain("definition.json");
    for (const png of names.filter((n) => n.endsWith(".png"))) expect([...files[png].slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const html = strFromU8(files["report.html"]);
    for (const figure of ["52.2%", "39.6%", "10.4%", "1812 份问卷"]) expect(html).toContain(figure);
    expect(html).not.toContain("<script>");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files["report.xlsx"].buffer.slice(files["report.xlsx"].byteOffset, files["report.xlsx"].byteOffset + files["report.xlsx"].byteLength) as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(4);

    await page.getByRole("button", { name: "生成分享链接" }).click();
    shareUrl = await page.locator("#share-url").inputValue();
    expect(shareUrl).toMatch(new RegExp(`^${server.origin}/r/[A-Za-z0-9_-]+$`));
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);

  it("lets a viewer open the shared report and the builder read-only, but not the raw export; a stranger sees nothing", async () => {
    const { context, page, problems } = await signedInPage("viewer", "zh-Hans");
    await page.goto(shareUrl);
    await page.locator("h1").waitFor({ timeout: 120_000 });
    expect(await page.locator("h1").innerText()).toBe("社会组织党建工作创新调查报告");
    expect(await page.locator("body").innerText()).toContain("52.2%");
    await page.screenshot({ path: `${SCREENS}/shared-viewer-zh-Hans.png` });
    const exported = await context.request.get(`${server.origin}/api/surveys/${REFERENCE}/export?format=csv`);
    expect(exported.status()).toBe(403);
    const responses = await context.request.get(`${server.origin}/api/surveys/${REFERENCE}/responses`);
    expect(responses.status()).toBe(403);
    await page.goto(`${server.origin}${reportPath}`);
    await page.locator("#report-title").waitFor();
    expect(await page.locator("#report-title").getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("button", { name: "保存", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "生成分享链接" }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    const stranger = await signedInPage("outsider", "zh-Hans");
    const res = await stranger.context.request.get(shareUrl);
    expect(res.status()).toBe(404);
    await stranger.context.close();
  }, 300_000);

  it("makes an English report with no Chinese outside the questionnaire's own texts (workspace in English)", async () => {
    const { context, page, problems } = await signedInPage("admin", "en");
    await page.goto(`${server.origin}/w/surveys/${REFERENCE}/reports?lang=en`);
    await page.selectOption("#report-new-lang", "en");
    await page.getByRole("button", { name: "New report" }).last().click();
    await page.waitForURL(/\/reports\/\d+$/);
    await addAnalysis(page, "frequencies", { question: "main_problems" });
    await addAnalysis(page, "ratio", { numerator: "member_count", denominator: "staff_count" });
    await addAnalysis(page, "crosstab", { row: "multi_dept", column: "level" });
    await page.fill("#report-introduction", "We received {responses}; {share:main_problems=管理体制不顺畅} named the management system.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved (revision 2).").waitFor();
    await page.getByRole("button", { name: "Show the saved report" }).click();
    const frame = page.frameLocator("iframe.report-frame");
    await frame.locator("h1").waitFor({ timeout: 120_000 });
    let text = await frame.locator("body").innerText();
    expect(text).toContain("We received 1,812 questionnaires; 52.2% named the management system.");
    for (const given of questionnaireTexts()) text = text.split(given).join("");
    const left = text.split("\n").filter((line) => CJK.test(line));
    expect(left).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/builder-en.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);
});
