/**
 * Dates in the survey's own time zone, in a real browser (issue 12's "Chinese first" rule): the
 * workspace's responses, monitor and overview pages and the report page, in the three languages,
 * for a survey moved from Beijing's zone to Urumqi's. The newest response arrived at 17:30 UTC on
 * 1 March: 01:30 on 2 March in Beijing, 23:30 on 1 March in Urumqi, so the day itself tells the
 * zones apart. Screenshots under /tmp/screens/zone-dates/, to be looked at by hand.
 */
import { mkdirSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses, surveys } from "../../src/db/schema/index.js";
import { parseDefinition } from "../../src/report/definition.js";
import { reportHtml } from "../../src/report/html.js";
import { runReport } from "../../src/report/run.js";
import { newPage, openWorkspace, SURVEY, signInByApi, type Workspace } from "./workspace-server.js";

const SCREENS = "/tmp/screens/zone-dates";
/** One of this task's ports (18420–18429). */
const PORT = 18420;
const NEWEST = new Date("2024-03-01T17:30:00Z");
/** The other responses: 16:00 in Urumqi, 18:00 in Beijing, both on 1 March. */
const EARLIER = new Date("2024-03-01T10:00:00Z");

/** What each language shows for the newest response and the zone, once the survey is in Urumqi. */
const URUMQI = {
  "zh-Hans": { received: "收到时间（乌鲁木齐时间）", newest: "2024/03/01 23:30", perDay: "每日收到的答卷（按乌鲁木齐时间计日）", footer: "2024-03-01 23:30 UTC+6，乌鲁木齐时间" },
  "zh-Hant": { received: "收到時間（烏魯木齊時間）", newest: "2024/03/01 23:30", perDay: "每日收到的答卷（按烏魯木齊時間計日）", footer: "2024-03-01 23:30 UTC+6，烏魯木齊時間" },
  en: { received: "Received (Urumqi Time)", newest: "01/03/2024, 23:30", perDay: "Arrivals per day (Urumqi Time days)", footer: "2024-03-01 23:30 UTC+6, Urumqi Time" },
} as const;
const LANGS = Object.keys(URUMQI) as (keyof typeof URUMQI)[];

let workspace: Workspace;

beforeAll(async () => {
  workspace = await openWorkspace({ port: PORT });
  mkdirSync(SCREENS, { recursive: true });
  const [newest, ...rest] = workspace.responseIds;
  const { db } = workspace.database;
  await db.update(responses).set({ createdAt: NEWEST, updatedAt: NEWEST }).where(eq(responses.id, newest));
  await db.update(responses).set({ createdAt: EARLIER, updatedAt: EARLIER }).where(inArray(responses.id, rest));
}, 120_000);
afterAll(async () => workspace?.close());

async function openPage(lang: string, path: string, ready: string) {
  const opened = await newPage(workspace);
  await signInByApi(workspace, opened.context);
  await opened.page.goto(`${workspace.server.origin}${path}?lang=${lang}`);
  await opened.page.locator(ready).first().waitFor();
  await opened.page.waitForLoadState("networkidle");
  return opened;
}

describe("a survey in Beijing's zone (the default)", () => {
  it("shows the newest response on 2 March, Beijing's day, with the zone named", async () => {
    const { context, page, problems } = await openPage("zh-Hans", `/w/surveys/${SURVEY}/responses`, "table.responses");
    await expect(page.locator("table.responses th").first().textContent()).resolves.toBe("收到时间（北京时间）");
    await expect(page.locator("table.responses tbody tr td").first().textContent()).resolves.toBe("2024/03/02 01:30");
    await page.screenshot({ path: `${SCREENS}/responses-beijing-zh-Hans.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe("the same survey moved to Asia/Urumqi", () => {
  beforeAll(async () => {
    await workspace.database.db.update(surveys).set({ timeZone: "Asia/Urumqi" }).where(eq(surveys.name, SURVEY));
  });

  it.each(LANGS)("the responses page in %s: Urumqi's clock, the zone in the headings", async (lang) => {
    const { context, page, problems } = await openPage(lang, `/w/surveys/${SURVEY}/responses`, "table.responses");
    await expect(page.locator("table.responses th").first().textContent()).resolves.toBe(URUMQI[lang].received);
    // Spaces as Chromium's locale data has them (zh-TW's may be a thin one) read as plain ones.
    expect((await page.locator("table.responses tbody tr td").first().textContent())?.replace(/\s/g, " ")).toBe(URUMQI[lang].newest);
    await page.screenshot({ path: `${SCREENS}/responses-${lang}.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });

  it.each(LANGS)("the monitor in %s: one Urumqi day, 1 March, and the words say whose days", async (lang) => {
    const { context, page, problems } = await openPage(lang, `/w/surveys/${SURVEY}/monitor`, ".chart-box[data-rendered]");
    await expect(page.locator("h2").first().textContent()).resolves.toBe(URUMQI[lang].perDay);
    const chart = await page.locator(".chart-box svg").innerHTML();
    expect(chart).toContain("2024-03-01");
    expect(chart).not.toContain("2024-03-02");
    await page.screenshot({ path: `${SCREENS}/monitor-${lang}.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });

  it("takes a closing time typed on Urumqi's clock (zh-Hans), and shows it so again", async () => {
    const { context, page, problems } = await openPage("zh-Hans", `/w/surveys/${SURVEY}/overview`, "#life-heading");
    await expect(page.locator("label[for=closes-at]").textContent()).resolves.toBe("截止时间（乌鲁木齐时间）");
    await expect(page.locator("#closes-at-hint").textContent()).resolves.toBe("按乌鲁木齐时间填写；留空表示不设截止。");
    await page.locator("#closes-at").fill("2030-12-31T23:30");
    await page.locator("form.form button[type=submit]").click();
    await page.locator(".notice", { hasText: "已保存" }).waitFor();
    const [row] = await workspace.database.db.select({ closesAt: surveys.closesAt }).from(surveys).where(eq(surveys.name, SURVEY));
    // 23:30 at UTC+6 is 17:30 UTC.
    expect(row.closesAt?.toISOString()).toBe("2030-12-31T17:30:00.000Z");
    await page.reload();
    await page.locator("#life-heading").waitFor();
    await expect(page.locator("#closes-at").inputValue()).resolves.toBe("2030-12-31T23:30");
    await page.screenshot({ path: `${SCREENS}/overview-zh-Hans.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });

  it.each(LANGS)(
    "the report page in %s: dated by Urumqi's clock, the zone named",
    async (lang) => {
      const definition = parseDefinition({
        title: { "zh-Hans": "层级分布", "zh-Hant": "層級分布", en: "Levels" }[lang],
        lang,
        analyses: [{ type: "frequencies", question: "level", title: "level" }],
      });
      const html = reportHtml({ ...(await runReport(workspace.database.db, SURVEY, definition)), generatedAt: NEWEST });
      const { context, page, problems } = await newPage(workspace);
      await page.setContent(html);
      await expect(page.locator("footer").textContent()).resolves.toContain(URUMQI[lang].footer);
      await expect(page.locator("p.meta").textContent()).resolves.toMatch(/ · 2024-03-01$/);
      await page.screenshot({ path: `${SCREENS}/report-${lang}.png`, fullPage: true });
      await context.close();
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
