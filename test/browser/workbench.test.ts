/**
 * The analysis workbench in Chromium on the reference study's 1,812 demo questionnaires, by
 * clicks alone: the published 52.2 %, 39.6 % and 10.4 %, a cross-tab of multi_dept by level with
 * its letters and tests, a post-stratified cross-tab to the Baoji counts pasted as two columns
 * (saved as a frame), every download checked as a file, the address as a bookmark, one run in
 * English, and a unit-scoped analyst who sees only the unit's responses. Each figure read in the
 * page is compared with the API's answer to the same request. Screenshots in /tmp/screens.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { generateDemoResponses } from "../../src/demo/index.js";
import { putMember } from "../../src/services/access/members.js";
import { createUser } from "../../src/services/accounts/users.js";
import { AnswerCheckers } from "../../src/services/answer-checkers.js";
import { loadDemoData } from "../../src/services/demo.js";
import { createLink } from "../../src/services/links.js";
import { loadSurveyFiles } from "../../src/services/survey-files.js";
import { getSurveyVersion } from "../../src/services/surveys.js";
import { workspaceAssets } from "../../src/web/workspace-bundle.js";
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, startServer, type TestServer } from "./helpers.js";

const SURVEY = "dangjian-innovation-2023";
const ADMIN = { login: "admin", name: "王分析", password: "correct horse battery" };
const BAOJI_PASTE = "组织类型\t数量\n社会团体\t793\n民办非企业单位\t750\n基金会\t6\n社会中介组织\t54\n城乡社区社会组织\t5\n";
const screens = "/tmp/screens";

let database: Database;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  database = await openTestDatabase();
  await loadSurveyFiles(database.db, fileURLToPath(new URL("../../surveys", import.meta.url)));
  await loadDemoData(database.db, new AnswerCheckers());
  await createUser(database.db, { ...ADMIN, admin: true });
  [server, browser] = await Promise.all([startServer(database), launchBrowser(), workspaceAssets()]).then(([s, b]) => [s, b] as const);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function open(login = ADMIN.login, password = ADMIN.password, lang = "zh-CN") {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: lang, acceptDownloads: true });
  const res = await context.request.post(`${server.origin}/api/session`, { data: { login, password } });
  expect(res.status()).toBe(201);
  const page: Page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = recordPageProblems(page);
  return { context, page, problems };
}

/** The API's answer to a request, asked as the page's signed-in account. */
async function apiResult(context: BrowserContext, kind: string, body: unknown, lang = "zh-Hans") {
  const res = await context.request.post(`${server.origin}/api/surveys/${SURVEY}/analysis/${kind}?lang=${lang}`, { data: body });
  expect(res.status()).toBe(200);
  return res.json();
}

/** From the survey's overview, by clicks: the analysis tab. */
async function toWorkbench(page: Page, tab = "分析") {
  await page.goto(`${server.origin}/w/surveys/${SURVEY}`);
  await page.getByRole("navigation").getByRole("link", { name: tab, exact: true }).click();
  await page.locator("select[name=kind]").waitFor();
}

/** Presses Compute and waits for the table and the drawn chart; returns the milliseconds the page measured. */
async function compute(page: Page, label = "计算") {
  await page.evaluate(() => {
    const el = document.querySelector(".workbench-results") as HTMLElement | null;
    if (el) delete el.dataset.drawnMs;
  });
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.waitForFunction(() => {
    const el = document.querySelector(".workbench-results") as HTMLElement | null;
    return !!el?.dataset.drawnMs && document.querySelector(".chart-box[data-rendered=true] svg") !== null;
  });
  return Number(await page.locator(".workbench-results").getAttribute("data-drawn-ms"));
}

const rowCells = (page: Page, label: string) =>
  page
    .locator("table.analysis-table tbody tr")
    .filter({ has: page.locator("th", { hasText: label }) })
    .first()
    .locator("td");
const pct1 = (x: number) => `${(x * 100).toFixed(1)}%`;

describe("the workbench, by clicks", () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ context, page, problems } = await open());
  });
  afterAll(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  it("52.2 % chose 管理体制不顺畅 (of respondents; both bases shown), as the API says", async () => {
    await toWorkbench(page);
    await page.locator("select[name=question]").selectOption("main_problems");
    await compute(page);
    const api = await apiResult(context, "frequencies", { question: "main_problems" });
    const k = api.categories.findIndex((c: { value: string }) => c.value === "管理体制不顺畅");
    const cells = await rowCells(page, api.labels[k]).allInnerTexts();
    expect(cells[0]).toBe(String(api.counts[k]));
    expect(cells[1]).toBe("52.2%");
    expect(cells[1]).toBe(pct1(api.casePercent[k]));
    expect(cells[2]).toBe(pct1(api.responsePercent[k]));
    expect(cells[3]).toBe(`${pct1(api.ci[k].lower)} – ${pct1(api.ci[k].upper)}`);
    expect(await page.locator("[data-fact=n]").innerText()).toBe("1,812");
    expect(await page.locator("[data-fact=notAsked]").innerText()).toBe("0");
    expect(await page.locator(".pooling").innerText()).toContain("第 1 版 1812 份");
    expect(await page.locator(".chart-caption").innerText()).toContain("数据来源");
    expect(new URL(page.url()).searchParams.get("q")).toBe("main_problems");
    // The bars carry tooltips: vega's handler puts the hovered mark's fields in the chart's title.
    const bar = page.locator(".chart-box svg path[aria-roledescription=bar]").first();
    await bar.hover();
    await expect.poll(() => page.locator(".chart-box").getAttribute("title")).toContain(api.labels[k]);
    expect(await page.locator(".chart-box").getAttribute("title")).toContain("52%");
    await page.screenshot({ path: `${screens}/workbench-1-main-problems.png`, fullPage: true });
  });

  it("39.6 % said several managing departments with unclear duties; Clopper–Pearson intervals on request", async () => {
    await page.locator("select[name=question]").selectOption("multi_dept");
    await page.locator("select[name=ci]").selectOption("clopper-pearson");
    await compute(page);
    const api = await apiResult(context, "frequencies", { question: "multi_dept", ci: { method: "clopper-pearson" } });
    const k = api.categories.findIndex((c: { value: string }) => c.value === "多个管理部门，职责不明确");
    const cells = await rowCells(page, api.labels[k]).allInnerTexts();
    expect(cells[1]).toBe("39.6%");
    expect(cells[2]).toBe(`${pct1(api.ci[k].lower)} – ${pct1(api.ci[k].upper)}`);
    expect(await page.locator("table.analysis-table thead").innerText()).toContain("clopper-pearson");
    await page.screenshot({ path: `${screens}/workbench-2-multi-dept.png`, fullPage: true });
  });

  it("party members are 10.4 % of staff: the ratio of totals, and by organisation type", async () => {
    await page.locator("select[name=kind]").selectOption("ratio");
    await page.locator("select[name=numerator]").selectOption("member_count");
    await page.locator("select[name=denominator]").selectOption("staff_count");
    await compute(page);
    const api = await apiResult(context, "ratio", { numerator: "member_count", denominator: "staff_count" });
    const cells = await rowCells(page, "合计").allInnerTexts();
    expect(cells[0]).toBe("10.4%");
    expect(cells[0]).toBe(pct1(api.ratio));
    expect(cells[1]).toBe(pct1(api.se));
    expect(cells[3]).toBe(api.numeratorTotal.toLocaleString("en"));
    await page.screenshot({ path: `${screens}/workbench-3-ratio.png`, fullPage: true });
    await page.locator("select[name=by]").selectOption("org_type");
    await compute(page);
    const grouped = await apiResult(context, "ratio", { numerator: "member_count", denominator: "staff_count", by: "org_type" });
    expect((await rowCells(page, grouped.groups[0].label).allInnerTexts())[0]).toBe(pct1(grouped.groups[0].ratio));
  });

  it("a number's summary by group shows the mean's standard error and interval from the API", async () => {
    await page.locator("select[name=kind]").selectOption("numeric");
    await page.locator("select[name=question]").selectOption("staff_count");
    await page.locator("select[name=by]").selectOption("org_type");
    await compute(page);
    const api = await apiResult(context, "numeric", { question: "staff_count", by: "org_type" });
    const cells = await rowCells(page, "合计").allInnerTexts();
    expect(cells[1]).toBe(api.mean.toLocaleString("en", { maximumFractionDigits: 2 }));
    expect(cells[2]).toBe(api.se.toLocaleString("en", { maximumFractionDigits: 2 }));
    expect(cells[3]).toBe(`${api.ci.lower.toLocaleString("en", { maximumFractionDigits: 2 })} – ${api.ci.upper.toLocaleString("en", { maximumFractionDigits: 2 })}`);
    await page.screenshot({ path: `${screens}/workbench-4-numeric.png`, fullPage: true });
  });

  it("a cross-tab of multi_dept by level: counts, column %, shaded residuals, letters, χ² and Cramér's V", async () => {
    await page.locator("select[name=kind]").selectOption("crosstab");
    await page.locator("select[name=row]").selectOption("multi_dept");
    await page.locator("select[name=column]").selectOption("level");
    await compute(page);
    const api = await apiResult(context, "crosstab", { row: "multi_dept", column: "level" });
    const cell = page.locator("table.crosstab td[data-row='2'][data-col='4']");
    expect(await cell.locator(".cell-counts").innerText()).toBe(String(api.counts[2][4]));
    expect(await cell.locator(".cell-columnPercent").innerText()).toBe(pct1(api.columnPercent[2][4]));
    // Letters where the API's column comparisons put them, and nowhere else.
    const letters = await page.locator("table.crosstab td .letters").allInnerTexts();
    const expected = api.columnProportions.rows.flatMap((r: { greaterThan: string[][] }) => r.greaterThan.filter((g) => g.length > 0).map((g) => g.join("")));
    expect(letters).toEqual(expected);
    expect(letters.length).toBeGreaterThan(0);
    // Residual beyond 2.58 (不清楚 × 社会组织: 5.2) is shaded dark.
    expect(await page.locator("table.crosstab td[data-row='3'][data-col='4']").getAttribute("class")).toContain("res-pos-strong");
    const tests = await page.locator("table.tests").innerText();
    expect(tests).toContain("Pearson χ²");
    expect(tests).toContain(api.tests.pearson.statistic.toLocaleString("en", { maximumFractionDigits: 3 }));
    expect(tests).toContain(api.tests.cramersV.toLocaleString("en", { maximumFractionDigits: 3 }));
    // Expected and residuals on request.
    await page.getByLabel("期望频数").check();
    expect(await cell.locator(".cell-expected").innerText()).toBe(api.expected[2][4].toLocaleString("en", { maximumFractionDigits: 2 }));
    await page.locator("select[name=chart]").selectOption("heatmap");
    await compute(page);
    await page.screenshot({ path: `${screens}/workbench-5-crosstab.png`, fullPage: true });
  });

  it("post-stratified to the Baoji counts pasted as two columns: weighting cells, Rao–Scott, saved as a frame", async () => {
    await page.locator("select[name=chart]").selectOption("bars");
    await page.locator("select[name=row]").selectOption("party_org_form");
    await page.locator("select[name=column]").selectOption("hub");
    await page.getByRole("button", { name: "添加筛选条件" }).click();
    await page.locator("select[name=filter-0]").selectOption("level");
    await page.locator("[data-filter='0']").getByLabel("社会组织", { exact: true }).check();
    await page.getByLabel("事后分层").check();
    await page.locator("select[name=margin-0]").selectOption("org_type");
    await page.locator("textarea[name=population-0]").fill(BAOJI_PASTE);
    await compute(page);
    const body = {
      row: "party_org_form",
      column: "hub",
      filter: [{ question: "level", in: ["社会组织"] }],
      weight: { poststratify: { question: "org_type", population: { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 } } },
    };
    const api = await apiResult(context, "crosstab", body);
    const tests = await page.locator("table.tests").innerText();
    expect(tests).toContain("Rao–Scott 校正 χ²");
    expect(tests).toContain(api.tests.raoScott.chisq.toLocaleString("en", { maximumFractionDigits: 3 }));
    expect(tests).not.toContain("Pearson");
    const weights = await page.locator("table[data-analysis=weighting] tbody tr").allInnerTexts();
    expect(weights).toHaveLength(api.weight.cells.length);
    expect(weights[0]).toContain(api.weight.cells[0].weight.toLocaleString("en", { maximumFractionDigits: 4 }));
    const cell = page.locator("table.crosstab td[data-row='0'][data-col='0']");
    expect(await cell.locator(".cell-counts").innerText()).toBe(String(api.counts[0][0]));
    expect(await cell.locator(".cell-weightedCounts").innerText()).toBe(api.weightedCounts[0][0].toLocaleString("en", { maximumFractionDigits: 2 }));
    await page.locator("input[name=frame-name-0]").fill("宝鸡市社会组织类型");
    await page.getByRole("button", { name: "保存为总体框架" }).click();
    await page.getByText("已保存总体框架“宝鸡市社会组织类型”").waitFor();
    const saved = await (await context.request.get(`${server.origin}/api/surveys/${SURVEY}/populations`)).json();
    expect(saved.populations).toEqual([{ name: "宝鸡市社会组织类型", variable: "org_type", counts: body.weight.poststratify.population }]);
    await page.screenshot({ path: `${screens}/workbench-6-weighted.png`, fullPage: true });
  });

  it("downloads the result as PNG, SVG, vega-lite JSON, XLSX and CSV, named in the survey's language", async () => {
    const files: Record<string, Buffer> = {};
    for (const format of ["png", "svg", "vega-lite", "xlsx", "csv"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`.downloads button[data-format="${format}"]`).click()]);
      const name = download.suggestedFilename();
      expect(name).toMatch(/[\u4e00-\u9fff]/);
      expect(name.endsWith(format === "vega-lite" ? ".json" : `.${format}`)).toBe(true);
      const path = `${screens}/workbench-download.${format}`;
      await download.saveAs(path);
      files[format] = readFileSync(path);
    }
    expect(files.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(files.svg.toString("utf8")).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(JSON.parse(files["vega-lite"].toString("utf8")).$schema).toContain("vega-lite");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const csv = files.csv.toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("单独建立");
  });

  it("keeps its state in the address: the bookmark opens the same weighted table", async () => {
    const address = page.url();
    expect(new URL(address).searchParams.get("weight")).toContain("org_type");
    const second = await context.newPage();
    await second.goto(address);
    await second.waitForFunction(() => document.querySelector(".chart-box[data-rendered=true] svg") !== null);
    expect(await second.locator("table.tests").innerText()).toContain("Rao–Scott");
    expect(await second.locator("textarea[name=population-0]").inputValue()).toContain("社会团体\t793");
    await second.close();
  });
});

describe("in English", () => {
  it("says everything in English, and the figure is the same", async () => {
    const { context, page, problems } = await open(ADMIN.login, ADMIN.password, "en-GB");
    await page.goto(`${server.origin}/w/surveys/${SURVEY}?lang=en`);
    await page.getByRole("navigation").getByRole("link", { name: "Analysis", exact: true }).click();
    await page.locator("select[name=question]").selectOption("main_problems");
    await compute(page, "Compute");
    const api = await apiResult(context, "frequencies", { question: "main_problems" }, "en");
    expect((await rowCells(page, api.labels[0]).allInnerTexts())[1]).toBe("52.2%");
    const text = await page.locator(".workbench").innerText();
    expect(text).toContain("% of respondents");
    expect(text).toContain("Versions pooled");
    expect(text).not.toMatch(/计算|频数|筛选|加权/);
    await page.screenshot({ path: `${screens}/workbench-en.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe("a unit-scoped analyst", () => {
  it("sees only the unit's responses and units", async () => {
    const link = await createLink(database.db, SURVEY, { unit: "朝阳区" });
    await createLink(database.db, SURVEY, { unit: "海淀区" });
    const json = (await getSurveyVersion(database.db, SURVEY)).json;
    const sample = generateDemoResponses(json).slice(0, 3);
    for (const r of sample) {
      const res = await fetch(`${server.origin}/api/surveys/${SURVEY}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: randomUUID(), data: r.data, complete: true, link: link.code }),
      });
      expect(res.status).toBe(201);
    }
    await createUser(database.db, { login: "chaoyang", name: "朝阳分析员", password: ADMIN.password });
    const surveyId = (await getSurveyVersion(database.db, SURVEY)).surveyId;
    await putMember(database.db, { surveyId, name: SURVEY, role: "admin", unit: null }, "chaoyang", { role: "analyst", unit: "朝阳区" });
    const { context, page, problems } = await open("chaoyang");
    await toWorkbench(page);
    await page.locator("select[name=question]").selectOption("multi_dept");
    await compute(page);
    expect(await page.locator("[data-fact=n]").innerText()).toBe("3");
    const api = await apiResult(context, "frequencies", { question: "multi_dept" });
    expect(api.n).toBe(3);
    const counts = await page.locator("table.analysis-table tbody tr td:first-of-type").allInnerTexts();
    expect(counts).toEqual(api.counts.map(String));
    // Only the caller's unit is offered as a filter.
    expect((await page.locator(".units label").allInnerTexts()).map((s) => s.trim())).toEqual(["朝阳区"]);
    await page.screenshot({ path: `${screens}/workbench-7-unit-scoped.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });
});
