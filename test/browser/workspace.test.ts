/**
 * The workspace in Chromium, flow by flow, against the real app: signing in from `/`, the
 * survey list, closing a survey (its respondent page then says so), a collection link and
 * an answer through it, an account made a member, a token made and revoked, a response
 * deleted, the monitor's chart. Every test ends with no page error, no CSP violation and
 * no dialog.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { ADMIN, newPage, openWorkspace, SURVEY, signInByApi, submit, type Workspace, XSS_TITLE } from "./workspace-server.js";

let workspace: Workspace;
let context: BrowserContext;
let page: Page;
let problems: string[];
let dialogs: () => number;
let apiPaths: Set<string>;

beforeAll(async () => {
  workspace = await openWorkspace();
  const doc = (await (await fetch(`${workspace.server.origin}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
  apiPaths = new Set(Object.keys(doc.paths));
}, 120_000);
afterAll(async () => workspace?.close());

async function open(options: { signedIn?: boolean; width?: number } = {}) {
  ({ context, page, problems, dialogs } = await newPage(workspace, { width: options.width }));
  if (options.signedIn !== false) await signInByApi(workspace, context);
}
afterEach(async () => {
  await context?.close();
  expect(problems).toEqual([]);
  expect(dialogs()).toBe(0);
});

const url = (path: string) => `${workspace.server.origin}${path}`;

/** Skips a test whose endpoint is not built yet (the parallel work), saying which. */
function needs(ctx: TestContext, ...paths: string[]) {
  const missing = paths.filter((p) => !apiPaths.has(p));
  if (missing.length > 0) ctx.skip(`not built yet: ${missing.join(", ")}`);
}

describe("signing in", () => {
  it("from / : the sign-in page, then the workspace", async () => {
    await open({ signedIn: false });
    await page.goto(url("/"));
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("账号").fill(ADMIN.login);
    await page.getByLabel("密码").fill(ADMIN.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { level: 1, name: "问卷" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByText(`${ADMIN.name}（${ADMIN.login}）`).count()).resolves.toBe(1);
  });

  it("from a bookmark: back to that page after signing in, and signing out ends it", async () => {
    await open({ signedIn: false });
    await page.goto(url("/w/tokens"));
    await page.getByLabel("账号").fill(ADMIN.login);
    await page.getByLabel("密码").fill(ADMIN.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { level: 1, name: "API 令牌" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/w/tokens");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((u) => u.pathname === "/login");
    await page.goto(url("/w/tokens"));
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("the survey list", () => {
  it("shows each survey's title, status, version, counts, completion and links; a typed title stays text", async () => {
    await open();
    await page.goto(url("/"));
    const row = page.locator(`tr[data-survey="${SURVEY}"]`);
    await row.waitFor();
    const cells = await row.locator("th, td").allInnerTexts();
    expect(cells[0]).toContain("社会组织党建工作调查");
    expect(cells.slice(1)).toEqual(["收集中", "第 1 版", "4", "4", "75.0%", "2", "管理员"]);
    await expect(page.locator('tr[data-survey="draft-study"] td').first().innerText()).resolves.toContain("草稿");
    await expect(page.locator('tr[data-survey="markup-title"] th a').innerText()).resolves.toBe(XSS_TITLE);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it("is usable with the keyboard: a skip link first, then real links", async () => {
    await open();
    await page.goto(url("/"));
    await page.locator("table.survey-list").waitFor();
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("跳到正文");
    // Tab on to the first survey's link and open it with Enter.
    const link = page.locator(`tr[data-survey="${SURVEY}"] a`);
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "概览" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/surveys/${SURVEY}/overview`);
    await page.goBack();
    await page.locator("table.survey-list").waitFor();
  });

  it("switches language and remembers it", async () => {
    await open();
    await page.goto(url("/"));
    await page.locator("table.survey-list").waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Surveys" }).waitFor();
    expect((await context.cookies()).find((c) => c.name === "dj_lang")?.value).toBe("en");
    await page.goto(url(`/w/surveys/${SURVEY}/links`));
    await page.getByRole("heading", { level: 2, name: "Make a link" }).waitFor();
  });
});

describe("a survey's overview and its errors", () => {
  it("closes the survey (its respondent page then says so) and opens it again", async () => {
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/overview`));
    await page.getByRole("button", { name: "关闭问卷" }).click();
    await page.getByRole("status").filter({ hasText: "问卷现为：已关闭。" }).waitFor();
    await expect(page.locator(".survey-meta .badge").innerText()).resolves.toBe("已关闭");
    const respondent = await context.newPage();
    await respondent.goto(url(`/s/${SURVEY}`));
    await expect(respondent.locator("body").innerText()).resolves.toContain("本问卷已结束收集");
    await respondent.close();
    await page.getByRole("button", { name: "开始收集" }).click();
    await page.getByRole("status").filter({ hasText: "问卷现为：收集中。" }).waitFor();
  });

  it("shows a refused change in the server's words, in the page's language", async () => {
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/links?lang=en`));
    // Only spaces: the browser lets it through, the server (which trims) refuses it.
    await page.getByLabel("Unit", { exact: true }).fill("   ");
    await page.getByRole("button", { name: "Make a link" }).last().click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/unit/i);
    expect(await alert.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("collection links", () => {
  it("makes a link, and an answer through it counts for its unit", async (ctx) => {
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/links`));
    await page.getByLabel("单位", { exact: true }).fill("西城区");
    await page.getByLabel("卡片备注").fill("<i>街道</i>");
    await page.getByLabel("应收答卷数").fill("5");
    await page.getByRole("button", { name: "生成链接" }).last().click();
    await page.getByRole("status").filter({ hasText: "已为“西城区”生成链接。" }).waitFor();
    const row = page.locator("tr", { has: page.locator("th", { hasText: "西城区" }) });
    await row.waitFor();
    const code = (await row.getAttribute("data-link"))!;
    expect(await row.locator("td").nth(1).innerText()).toBe("<i>街道</i>");
    // Its QR code loads as an image under the CSP.
    const qr = row.locator("img");
    await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await submit(workspace.server, SURVEY, { level: "district" }, { link: code });
    await page.reload();
    await expect(page.locator(`tr[data-link="${code}"] td.num`).first().innerText()).resolves.toBe("1");
    // The printable sheet opens from the page.
    const [cards] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: "打印卡片" }).click()]);
    await cards.waitForLoadState();
    await expect(cards.locator("body").innerText()).resolves.toContain("西城区");
    await cards.close();
    // The unit shows up in the monitor once it exists.
    if (!apiPaths.has("/api/surveys/{name}/monitor")) return;
    await page.goto(url(`/w/surveys/${SURVEY}/monitor`));
    await page.locator("table.counts th", { hasText: "西城区" }).waitFor();
    void ctx;
  });
});

describe("accounts and members", () => {
  it("creates an account, makes it a member limited to a unit, and the member sees only what the role allows", async (ctx) => {
    needs(ctx, "/api/surveys/{name}/members", "/api/surveys/{name}/members/{login}");
    await open();
    await page.goto(url("/w/users"));
    await page.getByLabel("登录名").fill("zhaoliu");
    await page.getByLabel("姓名").fill("赵六<script>");
    await page.getByLabel("密码").fill("another long password");
    await page.getByRole("button", { name: "创建账号" }).last().click();
    await page.getByRole("status").filter({ hasText: "已创建账号 zhaoliu。" }).waitFor();
    await expect(page.locator('tr[data-user="zhaoliu"] td').first().innerText()).resolves.toBe("赵六<script>");

    await page.goto(url(`/w/surveys/${SURVEY}/members`));
    await page.getByLabel("登录名").fill("zhaoliu");
    await page.getByLabel("角色").selectOption("viewer");
    await page.getByLabel("单位", { exact: true }).fill("朝阳区");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("status").filter({ hasText: "zhaoliu 现为：查看者。" }).waitFor();
    const row = page.locator('tr[data-member="zhaoliu"]');
    await expect(row.locator("td").allInnerTexts()).resolves.toEqual(["赵六<script>", "查看者", "朝阳区", expect.any(String), expect.any(String)]);

    // The viewer's workspace: the survey is there, with only the tabs a viewer may use.
    const viewer = await newPage(workspace);
    await signInByApi(workspace, viewer.context, "zhaoliu", "another long password");
    await viewer.page.goto(url(`/w/surveys/${SURVEY}/overview`));
    await viewer.page.locator(".tabs").waitFor();
    await expect(viewer.page.locator(".tabs a").allInnerTexts()).resolves.toEqual(["概览", "进度监测", "分析", "派生变量", "报告"]);
    expect(await viewer.page.getByRole("button", { name: "关闭问卷" }).count()).toBe(0);
    await viewer.page.goto(url("/"));
    await viewer.page.locator("table.survey-list").waitFor();
    await expect(viewer.page.locator("table.survey-list tbody tr").count()).resolves.toBe(1);
    expect(await viewer.page.getByRole("link", { name: "账号" }).count()).toBe(0);
    await viewer.context.close();
    expect(viewer.problems).toEqual([]);

    // Removing asks first, then the member is gone.
    await row.getByRole("button", { name: "移除" }).click();
    await row.getByRole("button", { name: "确定移除" }).click();
    await expect(page.locator('tr[data-member="zhaoliu"]').waitFor({ state: "detached" })).resolves.toBeUndefined();
  });
});

describe("API tokens", () => {
  it("makes a token shown once with a copy button, which then works until it is revoked", async (ctx) => {
    needs(ctx, "/api/tokens", "/api/tokens/{id}");
    await open();
    await page.goto(url("/w/tokens"));
    await page.getByLabel("用途").fill("R 分析 <b>");
    await page.getByRole("button", { name: "生成令牌" }).click();
    const field = page.locator("#new-token");
    await field.waitFor();
    const token = await field.inputValue();
    expect(token).toMatch(/^djs_/);
    await page.getByRole("button", { name: "复制" }).click();
    await page
      .locator(".copy-field .hint")
      .filter({ hasText: /已复制|请选中文字/ })
      .waitFor();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(url("/api/surveys"), { headers: bearer })).status).toBe(200);
    // A reload shows the list only: the token text is never shown again.
    await page.reload();
    const row = page.locator("tr", { has: page.locator("th", { hasText: "R 分析 <b>" }) });
    await row.waitFor();
    expect(await page.locator("#new-token").count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await row.getByRole("button", { name: "吊销" }).click();
    await row.getByRole("button", { name: "确定吊销" }).click();
    await row.locator("td", { hasText: "已于" }).waitFor();
    expect((await fetch(url("/api/surveys"), { headers: bearer })).status).toBe(401);
  });
});

describe("responses", () => {
  it("lists responses newest first and filters them by state and unit", async () => {
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/responses`));
    await page.locator("table.responses").waitFor();
    const all = await page.locator("table.responses tbody tr").count();
    expect(all).toBeGreaterThanOrEqual(4);
    await page.getByLabel("状态").selectOption("false");
    const filtered = page.waitForResponse((r) => r.url().includes("/responses?") && r.url().includes("complete=false"));
    await page.getByRole("button", { name: "筛选" }).click();
    await filtered;
    await expect.poll(() => page.locator("table.responses tbody tr").count()).toBe(1);
    await expect(page.locator("table.responses tbody td:nth-child(2)").innerText()).resolves.toBe("未完成");
  });

  it("filters by unit and date on the server", async (ctx) => {
    const doc = (await (await fetch(url("/api/openapi.json"))).json()) as any;
    const params = (doc.paths["/api/surveys/{name}/responses"].get.parameters ?? []).map((p: { name: string }) => p.name);
    if (!params.includes("unit") || !params.includes("from")) ctx.skip("not built yet: unit and date filters of GET /api/surveys/{name}/responses");
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/responses`));
    await page.locator("table.responses").waitFor();
    await page.getByLabel("单位").fill("朝阳区");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect.poll(() => page.locator("table.responses tbody tr td:nth-child(3)").allInnerTexts()).toEqual(["朝阳区", "朝阳区", "朝阳区"]);
    await page.getByLabel("起始日期").fill("2001-01-01");
    await page.getByLabel("截止日期").fill("2001-01-02");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.locator(".empty", { hasText: "没有符合条件的答卷" }).waitFor();
  });

  it("shows one response with its labels as text, and deletes it after asking", async (ctx) => {
    needs(ctx, "/api/surveys/{name}/responses/{id}");
    const id = await submit(workspace.server, SURVEY, { level: "city", opinion: "<img src=x onerror=alert(1)>" });
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/responses/${id}`));
    const answers = page.locator("table.answers tbody tr");
    await answers.first().waitFor();
    await expect(answers.first().locator("td").innerText()).resolves.toBe("市");
    await expect(answers.nth(1).locator("td").innerText()).resolves.toBe("<img src=x onerror=alert(1)>");
    expect(await page.locator("main img").count()).toBe(0);
    await page.getByRole("button", { name: "删除这份答卷" }).click();
    await page.getByRole("button", { name: "确定删除" }).click();
    await page.waitForURL((u) => u.pathname === `/w/surveys/${SURVEY}/responses`);
    await page.locator("table.responses").waitFor();
    expect(await page.locator(`tr[data-response="${id}"]`).count()).toBe(0);
    // A deleted id sent again is refused, and not stored.
    const again = await fetch(url(`/api/surveys/${SURVEY}/responses`), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, data: { level: "city" } }),
    });
    expect(again.status).toBe(409);
  });
});

describe("the monitor", () => {
  it("draws arrivals per day as a vega chart in the page, with no CSP violation, and counts by unit and level", async (ctx) => {
    needs(ctx, "/api/surveys/{name}/monitor");
    await open();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(url(`/w/surveys/${SURVEY}/monitor`));
    await page.locator(".chart-box[data-rendered]").waitFor();
    expect(await page.locator(".chart-box svg .mark-rect path").count()).toBeGreaterThan(0);
    await expect(page.locator(".chart-box svg").innerHTML()).resolves.toContain("已完成");
    await page.locator("table.counts th", { hasText: "朝阳区" }).first().waitFor();
    // The chart code came from this server, as its own chunk.
    expect(requests.filter((r) => !r.startsWith(workspace.server.origin))).toEqual([]);
    expect(requests.some((r) => /\/assets\/workspace-chunk\.[A-Z0-9]+\.js$/.test(r))).toBe(true);
  });
});

describe("audit log", () => {
  it("lists what was done to the survey", async (ctx) => {
    needs(ctx, "/api/surveys/{name}/audit");
    await open();
    await page.goto(url(`/w/surveys/${SURVEY}/overview`));
    await page.getByRole("button", { name: "关闭问卷" }).click();
    await page.getByRole("status").filter({ hasText: "已关闭" }).waitFor();
    await page.getByRole("button", { name: "开始收集" }).click();
    await page.getByRole("status").filter({ hasText: "收集中" }).waitFor();
    await page.getByRole("link", { name: "操作日志" }).click();
    await page.locator("table.audit td", { hasText: "survey.life" }).first().waitFor();
  });
});
