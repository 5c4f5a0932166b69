import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { listResponses } from "../../src/services/responses.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { respondentAssets } from "../../src/web/bundle.js";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };
import demo from "../fixtures/respondent-demo.json" with { type: "json" };
import { openTestDatabase } from "../helpers/database.js";
import { launchBrowser, recordPageProblems, recordRequests, startServer, type TestServer } from "./helpers.js";

const SCREENS = "/tmp/screens";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let database: Database;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];
let problems: string[];

beforeAll(async () => {
  // The bundle is built on first use; build it here, not inside the first test's page load.
  [database, browser] = await Promise.all([openTestDatabase(), launchBrowser(), respondentAssets()]);
  await publishSurvey(database.db, "demo", demo);
  await publishSurvey(database.db, "kitchen-sink", kitchenSink);
  await publishSurvey(database.db, "simplified-only", {
    title: "仅有简体中文的问卷",
    pages: [{ name: "p1", elements: [{ type: "comment", name: "note", title: "备注" }] }],
  });
  server = await startServer(database);
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: "zh-CN" });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  requests = recordRequests(page);
  problems = recordPageProblems(page);
});
afterEach(async () => {
  await context.close();
  // Nothing the page asked for came from anywhere but the platform itself.
  expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
  expect(problems).toEqual([]);
});

/** Opens the respondent page and waits for SurveyJS to render it. */
async function open(name: string, query = "") {
  await page.goto(`${server.origin}/s/${name}${query}`);
  await page.locator(".sd-root-modern").waitFor();
}

const question = (name: string) => page.locator(`[data-name="${name}"]`);
const button = (name: string) => page.getByRole("button", { name, exact: true });
const saved = (key = "dj-response:demo:v1") => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null") as Record<string, unknown> | null, key);
const rows = async (name: string) => (await listResponses(database.db, name, { limit: 1000 })).items;
/** Polls until the expectation holds (vitest has no Playwright web-first assertions). */
const poll = <T>(read: () => Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 50 });
/** Waits until the element's text contains `expected`. */
const text = (locator: Locator, expected: string, timeout = 10_000) => poll(() => locator.innerText(), timeout).toContain(expected);
const isPost = (name: string) => (url: string) => url === `${server.origin}/api/surveys/${name}/responses`;

const currentPageNo = () => page.evaluate(() => (window as unknown as { survey: { currentPageNo: number } }).survey.currentPageNo);

/**
 * Goes to the next page. A click that lands while SurveyJS re-lays out the page (a
 * full-page screenshot resizes the viewport) can miss: then it clicks again. When
 * SurveyJS refuses to move on, the error says which questions it complains about.
 */
async function nextPage(expectedQuestion: string) {
  const before = await currentPageNo();
  for (let attempt = 1; ; attempt++) {
    await button("下一页").click();
    const moved = await poll(currentPageNo, 3_000)
      .not.toBe(before)
      .then(
        () => true,
        () => false,
      );
    if (moved) break;
    const errors = await page.locator(".sd-question__erbox, .sd-element__erbox").allInnerTexts();
    if (errors.length > 0 || attempt === 3) {
      await page.screenshot({ path: `${SCREENS}/failed-to-reach-${expectedQuestion}.png`, fullPage: true });
      throw new Error(`did not reach '${expectedQuestion}'; the page shows: ${errors.join(" | ") || "no errors"}`);
    }
  }
  await question(expectedQuestion).waitFor();
}

async function fillDemoPage1() {
  await page.getByRole("textbox", { name: "所在单位名称" }).fill("红星社区党委");
  await question("level").getByText("区（县）", { exact: true }).click();
  await question("years").locator(".sd-dropdown").click();
  await page.getByRole("option", { name: "1至5年" }).click();
}

async function fillDemoPage2() {
  await question("activities").getByText("集中学习", { exact: true }).click();
  await question("activities").getByText("填写其他答案", { exact: true }).click();
  await question("activities").locator("textarea").fill("党史知识竞赛");
  await question("satisfaction").locator(".sd-rating__item").filter({ hasText: "4" }).click();
  await question("has_instructor").getByText("是", { exact: true }).click();
}

async function fillDemoPage3() {
  await page.getByRole("textbox", { name: "党员人数" }).fill("35");
  await page.getByRole("textbox", { name: "意见建议" }).fill("加强对年轻党员的培养。\n第二行建议。");
}

async function fillDemo() {
  await fillDemoPage1();
  await nextPage("activities");
  await fillDemoPage2();
  await nextPage("members");
  await fillDemoPage3();
}

const demoAnswers = {
  org_name: "红星社区党委",
  level: "district",
  years: "1to5",
  activities: ["study", "other"],
  "activities-Comment": "党史知识竞赛",
  satisfaction: 4,
  has_instructor: true,
  members: 35,
  suggestions: "加强对年轻党员的培养。\n第二行建议。",
};

describe("answering", () => {
  it("fills a multi-page survey, submits it once with a uuid and its version, and shows the completion page", async () => {
    await open("demo");
    await expect(page.title()).resolves.toBe("基层党组织建设情况调查");
    await fillDemo();
    const posted = page.waitForRequest((r) => isPost("demo")(r.url()) && r.method() === "POST");
    const answered = page.waitForResponse((r) => isPost("demo")(r.url()));
    await button("提交问卷").click();
    const body = (await posted).postDataJSON() as { id: string; data: unknown; complete: boolean; version: number };
    expect((await answered).status()).toBe(201);
    await text(page.locator("#dj-done"), "答卷已提交，感谢您的参与！");
    await page.screenshot({ path: `${SCREENS}/respondent-done-zh-cn.png`, fullPage: true });

    expect(body).toEqual({ id: expect.stringMatching(UUID_V4), data: demoAnswers, complete: true, version: 1 });
    const stored = (await rows("demo")).filter((r) => r.id === body.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: body.id, version: 1, complete: true, data: demoAnswers });
    // Accepted: nothing is left behind in the browser.
    expect(await saved()).toBeNull();
    expect(requests.filter(isPost("demo"))).toHaveLength(1);
  });

  it("resumes an unfinished response after a reload, on the same page with its answers and id", async () => {
    await open("demo");
    await fillDemoPage1();
    await button("下一页").click();
    await question("activities").getByText("志愿服务", { exact: true }).click();
    const before = await saved();
    expect(before).toMatchObject({ status: "editing", pageNo: 1, data: { org_name: "红星社区党委", activities: ["service"] } });

    await page.reload();
    await question("activities").waitFor();
    await text(page.locator("#dj-status"), "已恢复您上次未填完的答卷");
    expect(await question("activities").getByRole("checkbox", { name: "志愿服务" }).isChecked()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { survey: { currentPageNo: number } }).survey.currentPageNo)).toBe(1);
    expect((await saved())?.id).toBe(before?.id);

    await button("上一页").click();
    await poll(() => page.getByRole("textbox", { name: "所在单位名称" }).inputValue()).toBe("红星社区党委");
    expect(requests.filter(isPost("demo"))).toHaveLength(0);
  });
});

describe("network failures", () => {
  it("keeps a completed response in the browser while offline and stores it exactly once when back online", async () => {
    await open("demo");
    await fillDemo();
    const countBefore = (await rows("demo")).length;
    await context.setOffline(true);
    await button("提交问卷").click();
    await text(page.locator("#dj-status"), "网络连接失败，答卷已保存在本机，将自动重试");
    const pending = await saved();
    expect(pending).toMatchObject({ status: "pending", version: 1, data: demoAnswers });
    await page.screenshot({ path: `${SCREENS}/respondent-offline-zh-cn.png`, fullPage: true });

    const answered = page.waitForResponse((r) => isPost("demo")(r.url()));
    await context.setOffline(false);
    expect((await answered).status()).toBe(201);
    await text(page.locator("#dj-done"), "答卷已提交");
    const all = await rows("demo");
    expect(all).toHaveLength(countBefore + 1);
    expect(all.filter((r) => r.id === pending?.id)).toMatchObject([{ complete: true, version: 1, data: demoAnswers }]);
    expect(await saved()).toBeNull();
  });

  it("after a reload shows the completed response as pending, not a blank form, and retries on its own", async () => {
    await open("demo");
    await fillDemo();
    await page.route(`${server.origin}/api/**`, (route) => route.abort("connectionfailed"));
    await button("提交问卷").click();
    await text(page.locator("#dj-status"), "网络连接失败");
    const pending = await saved();

    await page.reload();
    await text(page.locator("#dj-status"), "答卷已填写完成");
    await text(page.locator("#dj-status"), "网络连接失败");
    expect(await page.locator("#dj-survey-root").isHidden()).toBe(true);
    await text(page.locator("#dj-heading"), "基层党组织建设情况调查");
    await page.screenshot({ path: `${SCREENS}/respondent-pending-after-reload.png`, fullPage: true });
    expect(await saved()).toEqual(pending);

    // The network comes back: the backoff timer (about 2 s) sends it without a click.
    await page.unroute(`${server.origin}/api/**`);
    await text(page.locator("#dj-done"), "答卷已提交", 15_000);
    expect((await rows("demo")).filter((r) => r.id === pending?.id)).toHaveLength(1);
  });

  it("retries after a 5xx and says the server is busy", async () => {
    await open("demo");
    await fillDemo();
    let failures = 0;
    await page.route(`${server.origin}/api/**`, (route) => {
      failures += 1;
      return route.fulfill({ status: 503, contentType: "application/problem+json", body: '{"status":503}' });
    });
    await button("提交问卷").click();
    await text(page.locator("#dj-status"), "服务器暂时无法接收答卷");
    await page.unroute(`${server.origin}/api/**`);
    await page.locator("#dj-retry").click();
    await text(page.locator("#dj-done"), "答卷已提交");
    expect(failures).toBe(1);
  });
});

describe("answers the server does not take", () => {
  it("shows a 422's messages by question title and goes back to the form with the answers", async () => {
    await open("demo");
    await fillDemo();
    await page.route(`${server.origin}/api/**`, (route) =>
      route.fulfill({
        status: 422,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "/problems/unprocessable",
          title: "Unprocessable content",
          status: 422,
          detail: "The answers do not fit version 1 of 'demo': 1 question(s) need attention.",
          errors: [{ question: "members", message: "必须不大于 100000", code: "too_big" }],
        }),
      }),
    );
    await button("提交问卷").click();
    await text(page.locator("#dj-status"), "党员人数：必须不大于 100000");
    await page.locator("#dj-edit").click();
    await poll(() => page.getByRole("textbox", { name: "党员人数" }).inputValue()).toBe("35");
    await text(page.locator("#dj-status"), "党员人数：必须不大于 100000");
    expect(await saved()).toMatchObject({ status: "editing", data: demoAnswers });
  });

  it("on a 409 keeps the answers and can submit them under a new id", async () => {
    await open("demo");
    await fillDemo();
    let conflicts = 0;
    await page.route(`${server.origin}/api/**`, (route) => {
      conflicts += 1;
      return route.fulfill({ status: 409, contentType: "application/problem+json", body: '{"status":409,"detail":"taken"}' });
    });
    await button("提交问卷").click();
    await text(page.locator("#dj-status"), "答卷编号冲突");
    const first = await saved();
    expect(first).toMatchObject({ status: "pending", data: demoAnswers });

    await page.unroute(`${server.origin}/api/**`);
    const posted = page.waitForRequest((r) => isPost("demo")(r.url()));
    await page.locator("#dj-new-id").click();
    const { id } = (await posted).postDataJSON() as { id: string };
    expect(id).toMatch(UUID_V4);
    expect(id).not.toBe(first?.id);
    await text(page.locator("#dj-done"), "答卷已提交");
    expect((await rows("demo")).filter((r) => r.id === id)).toHaveLength(1);
    expect(conflicts).toBe(1);
  });
});

describe("languages", () => {
  it("switches between Simplified, Traditional Chinese and English, and remembers the choice", async () => {
    await open("demo");
    await poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await text(page.locator(".sd-title").first(), "基层党组织建设情况调查");
    expect(await page.locator("#dj-lang button").allInnerTexts()).toEqual(["简体中文", "繁體中文", "English"]);
    await page.screenshot({ path: `${SCREENS}/respondent-zh-cn.png`, fullPage: true });

    await page.locator("#dj-lang").getByText("繁體中文").click();
    await poll(() => page.locator("html").getAttribute("lang")).toBe("zh-TW");
    await text(page.locator(".sd-title").first(), "基層黨組織建設情況調查");
    await text(question("level"), "單位所在層級");
    await button("下一頁").waitFor();
    await poll(() => page.title()).toBe("基層黨組織建設情況調查");
    expect(page.url()).toMatch(/\?lang=zh-tw$/);
    await page.screenshot({ path: `${SCREENS}/respondent-zh-tw.png`, fullPage: true });

    await page.locator("#dj-lang").getByText("English").click();
    await poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await text(question("level"), "Level of your organisation");
    await button("Next").waitFor();
    await poll(() => page.title()).toBe("Survey of Grassroots Party Organisation Building");
    await page.screenshot({ path: `${SCREENS}/respondent-en.png`, fullPage: true });

    // Remembered without the query, and ?lang= wins over the memory.
    await open("demo");
    await poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await open("demo", "?lang=zh-tw");
    await poll(() => page.locator("html").getAttribute("lang")).toBe("zh-TW");
    await text(question("level"), "單位所在層級");

    // A phone-sized screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await open("demo", "?lang=zh-cn");
    await page.screenshot({ path: `${SCREENS}/respondent-mobile-zh-cn.png`, fullPage: true });
  });

  it("shows no language switch for a questionnaire in Simplified Chinese only, and ignores ?lang= there", async () => {
    await open("simplified-only", "?lang=en");
    expect(await page.locator("#dj-lang").isHidden()).toBe(true);
    await poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await button("提交问卷").waitFor();
  });

  it("takes ?lang=en on first visit and shows the page's own texts in that language when offline", async () => {
    await open("demo", "?lang=en");
    await text(page.locator(".sd-title").first(), "Survey of Grassroots Party Organisation Building");
    await fillDemoEnglish();
    await context.setOffline(true);
    await button("Complete").click();
    await text(page.locator("#dj-status"), "The network connection failed");
    await context.setOffline(false);
    await text(page.locator("#dj-done"), "Your answers have been submitted. Thank you!");
  });
});

async function fillDemoEnglish() {
  await page.getByRole("textbox", { name: "Name of your organisation" }).fill("Red Star Community");
  await question("level").getByText("City", { exact: true }).click();
  await button("Next").click();
  await question("activities").getByText("Group study", { exact: true }).click();
  await button("Next").click();
}

/**
 * Picks an option of a SurveyJS dropdown. The first click on a dropdown inside a matrix
 * cell or a dynamic panel can go to creating its popup: click until it is open.
 */
async function pick(scope: Locator, option: string) {
  const combobox = scope.getByRole("combobox").first();
  for (let i = 0; i < 5 && (await combobox.getAttribute("aria-expanded")) !== "true"; i++) {
    await scope.locator(".sd-dropdown").first().click();
    await poll(() => combobox.getAttribute("aria-expanded"), 500)
      .toBe("true")
      .catch(() => undefined);
  }
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("the kitchen sink through the real UI", () => {
  /** What the respondent below gives, as SurveyJS puts it in `survey.data`. */
  const expected = {
    org_name: "城关镇第一党支部",
    org_level: "村（社区）级",
    org_type: "other",
    "org_type-Comment": "联合党支部",
    member_count: 25,
    founded: "2001-07-01",
    contact_email: "dangwei@example.cn",
    contact_phone: "13800138000",
    has_full_time_secretary: true,
    secretary_name: "张三",
    village_kind: "城市社区",
    households: 1200,
    activities: ["三会一课", "主题党日", "other"],
    "activities-Comment": "志愿服务",
    main_activity: "三会一课",
    meetings_per_year: 12,
    satisfaction: 4,
    improvement: "希望增加培训。",
    study_topics: ["党史学习", "基层治理"],
    priorities: ["政治建设", "组织建设", "思想建设", "作风建设", "纪律建设"],
    evaluation: { system: 4, team: 5, style: 3 },
    difficulties: ["经费不足", "场地不足"],
    members: [
      { name: "李四", age: 45, gender: "男", education: "本科", is_secretary: true, term_start: "2021-03-15" },
      { name: "王五", age: 38, gender: "女", education: "other", "education-Comment": "党校研究生" },
    ],
    trainings: [
      { topic: "党史学习教育", hours: 16, mode: "线下", certified: true },
      { topic: "廉洁教育", hours: 8 },
    ],
    "trainings-total": { hours: 24 },
    funding: {
      "2023": { budget: 5, source: "党费返还", uses: ["教育培训", "阵地建设"] },
      "2024": { budget: 6.5, source: "other", "source-Comment": "社会捐助" },
    },
    contact: { name: "赵六", phone: "13912345678", years: 10 },
    training_hours: 24,
    position_style: "station",
    willing_follow_up: "愿意",
    "willing_follow_up-Comment": "工作日可电话联系",
    is_grassroots: true,
  };

  // Six pages of typing and clicking: well over the default time on a busy two-core machine.
  it("answers every question type by clicking and typing, and the server accepts the answer set (201)", { timeout: 120_000 }, async () => {
    await open("kitchen-sink");

    // Page 1: text (plain, number, date, email), dropdown, radiogroup with other, boolean, a panel shown by a condition.
    await page.getByRole("textbox", { name: "党组织名称" }).fill("城关镇第一党支部");
    await pick(question("org_level"), "村（社区）级");
    await question("org_type").getByText("其他（请注明）", { exact: true }).click();
    await question("org_type").locator("textarea").fill("联合党支部");
    await page.getByRole("textbox", { name: "党员人数" }).fill("25");
    await question("founded").locator("input").fill("2001-07-01");
    await page.getByRole("textbox", { name: "联系邮箱" }).fill("dangwei@example.cn");
    await page.getByRole("textbox", { name: "联系电话" }).fill("13800138000");
    await question("has_full_time_secretary").getByText("是", { exact: true }).click();
    await page.getByRole("textbox", { name: "专职党务工作者姓名" }).fill("张三");
    await question("village_kind").getByText("城市社区", { exact: true }).click();
    await page.getByRole("textbox", { name: "常住户数" }).fill("1200");
    await nextPage("activities");

    // Page 2: checkbox with other, dropdown fed by it, rating, comment, tagbox, ranking, matrix.
    for (const choice of ["三会一课", "主题党日", "填写其他答案"]) await question("activities").getByText(choice, { exact: true }).click();
    await question("activities").locator("textarea").fill("志愿服务");
    await pick(question("main_activity"), "三会一课");
    await page.getByRole("textbox", { name: "全年召开支部党员大会次数" }).fill("12");
    await question("satisfaction").locator(".sd-rating__item").filter({ hasText: "4" }).click();
    await page.getByRole("textbox", { name: "请说明需要改进的地方" }).fill("希望增加培训。");
    await question("study_topics").locator(".sd-tagbox").click();
    await page.getByRole("option", { name: "党史学习", exact: true }).click();
    await page.getByRole("option", { name: "基层治理", exact: true }).click();
    await page.keyboard.press("Escape");
    // Ranking by keyboard, as a respondent who cannot drag would do it.
    await question("priorities").locator(".sv-ranking-item").filter({ hasText: "组织建设" }).focus();
    await page.keyboard.press("ArrowUp");
    for (const [row, column] of [
      ["制度建设", "较好"],
      ["队伍建设", "好"],
      ["作风建设", "一般"],
    ]) {
      await question("evaluation").locator(`label:has(input[aria-label="行 ${row}, 列 ${column}"])`).click();
    }
    for (const choice of ["经费不足", "场地不足"]) await question("difficulties").getByText(choice, { exact: true }).click();
    await nextPage("members");

    // Page 3: dynamic panels, dynamic matrix, dropdown matrix, multiple text; the expression computes.
    const member = (i: number) => question("members").locator(".sd-paneldynamic__panel-wrapper").nth(i);
    await member(0).locator('[data-name="name"] input').fill("李四");
    await member(0).locator('[data-name="age"] input').fill("45");
    await member(0).locator('[data-name="gender"]').getByText("男", { exact: true }).click();
    await pick(member(0).locator('[data-name="education"]'), "本科");
    await member(0).locator('[data-name="is_secretary"]').getByText("是", { exact: true }).click();
    await member(0).locator('[data-name="term_start"] input').fill("2021-03-15");
    await question("members").getByRole("button", { name: "添加" }).click();
    await member(1).locator('[data-name="name"] input').fill("王五");
    await member(1).locator('[data-name="age"] input').fill("38");
    await member(1).locator('[data-name="gender"]').getByText("女", { exact: true }).click();
    await pick(member(1).locator('[data-name="education"]'), "填写其他答案");
    await member(1).locator('[data-name="education"] textarea').fill("党校研究生");

    const trainings = question("trainings");
    await trainings.getByRole("textbox", { name: "行 1, 列 培训主题" }).fill("党史学习教育");
    await trainings.getByRole("textbox", { name: "行 1, 列 学时" }).fill("16");
    await pick(trainings.locator("td[title='形式']").nth(0), "线下");
    await trainings.locator("td[title='已取得结业证书']").nth(0).getByText("是", { exact: true }).click();
    await trainings.getByRole("button", { name: "添加行" }).click();
    await trainings.getByRole("textbox", { name: "行 2, 列 培训主题" }).fill("廉洁教育");
    await trainings.getByRole("textbox", { name: "行 2, 列 学时" }).fill("8");

    const funding = question("funding");
    await funding.getByRole("textbox", { name: "行 2023年, 列 预算" }).fill("5");
    await pick(funding.locator("td[title='主要来源']").nth(0), "党费返还");
    await funding.locator("td[title='主要用途']").nth(0).getByText("教育培训", { exact: true }).click();
    await funding.locator("td[title='主要用途']").nth(0).getByText("阵地建设", { exact: true }).click();
    await funding.getByRole("textbox", { name: "行 2024年, 列 预算" }).fill("6.5");
    await pick(funding.locator("td[title='主要来源']").nth(1), "填写其他答案");
    await funding.locator("td[title='主要来源']").nth(1).locator("textarea").fill("社会捐助");

    const contact = question("contact");
    await contact.getByRole("textbox", { name: "姓名" }).fill("赵六");
    await contact.getByRole("textbox", { name: "手机" }).fill("13912345678");
    await contact.getByRole("textbox", { name: "党龄（年）" }).fill("10");
    await page.screenshot({ path: `${SCREENS}/respondent-kitchen-sink-page3.png`, fullPage: true });
    await nextPage("position_style");

    // Page 4: the image picker (its pictures are data: URIs, as the page's CSP allows).
    await question("position_style").locator(".sd-imagepicker__item").nth(1).click();
    await question("willing_follow_up").getByText("愿意", { exact: true }).click();
    await question("willing_follow_up").locator("textarea").fill("工作日可电话联系");

    const posted = page.waitForRequest((r) => isPost("kitchen-sink")(r.url()));
    const answered = page.waitForResponse((r) => isPost("kitchen-sink")(r.url()));
    await button("提交问卷").click();
    const body = (await posted).postDataJSON() as { id: string; data: Record<string, unknown>; version: number };
    expect(body.data).toEqual(expected);
    expect((await answered).status()).toBe(201);
    await text(page.locator("#dj-done"), "感谢您的参与");

    const [row] = (await rows("kitchen-sink")).filter((r) => r.id === body.id);
    expect(row).toMatchObject({ version: 1, complete: true });
    expect(row.data).toEqual(expected);
  });
});
