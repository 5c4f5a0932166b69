/**
 * The report page's dates (src/report/html.ts) are the survey's: its calendar day and clock in the
 * survey's time zone with the zone named, not UTC's. A report made at 17:30 UTC on 1 March is dated
 * 2 March in Beijing, 1 March in Urumqi and New York. On PGlite, and on PostgreSQL when
 * DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { parseDefinition } from "../../src/report/definition.js";
import { reportHtml } from "../../src/report/html.js";
import { runReport } from "../../src/report/run.js";
import { publishSurvey } from "../../src/services/surveys.js";
import small from "../fixtures/small-survey.json" with { type: "json" };
import { testApp } from "../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

let database: Database;
let app: ReturnType<typeof testApp>;
let headers: Record<string, string>;

/** 01:30 on 2 March in Beijing; 23:30 on 1 March in Urumqi; 12:30 on 1 March in New York. */
const MADE = new Date("2024-03-01T17:30:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  headers = await researcherHeaders(database);
  await publishSurvey(database.db, "small", small);
  for (const level of ["市", "区(县)"]) {
    const res = await app.request("/api/surveys/small/responses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID(), data: { level, main_problems: ["经费不足"] } }),
    });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(async () => database?.close());

const setZone = async (timeZone: string) => {
  const res = await app.request("/api/surveys/small", { method: "PATCH", headers, body: JSON.stringify({ timeZone }) });
  expect(res.status).toBe(200);
};

/** The page's header line and footer, for a report made at MADE. */
async function dates(lang: "zh-Hans" | "zh-Hant" | "en") {
  const definition = parseDefinition({ title: "层级分布", lang, analyses: [{ type: "frequencies", question: "level", title: "层级" }] });
  const html = reportHtml({ ...(await runReport(database.db, "small", definition)), generatedAt: MADE });
  return { meta: /<p class="meta">([^<]*)<\/p>/.exec(html)?.[1] ?? "", footer: /<footer>([^<]*)<\/footer>/.exec(html)?.[1] ?? "" };
}

describe("the report page's dates", () => {
  it("are Beijing's by default: the next calendar day already, with the zone named", async () => {
    const { meta, footer } = await dates("zh-Hans");
    expect(meta).toMatch(/ · 2024-03-02$/);
    expect(footer).toBe("本报告由党建调研平台根据问卷数据自动生成（2024-03-02 01:30 UTC+8，北京时间）。");
  }, 60_000);

  it("are Urumqi's for a survey there: still 1 March, in all three languages", async () => {
    await setZone("Asia/Urumqi");
    const zh = await dates("zh-Hans");
    expect(zh.meta).toMatch(/ · 2024-03-01$/);
    expect(zh.footer).toBe("本报告由党建调研平台根据问卷数据自动生成（2024-03-01 23:30 UTC+6，乌鲁木齐时间）。");
    expect((await dates("zh-Hant")).footer).toBe("本報告由黨建調研平台根據問卷資料自動產生（2024-03-01 23:30 UTC+6，烏魯木齊時間）。");
    expect((await dates("en")).footer).toBe("Generated from the survey data by the party-building survey platform (2024-03-01 23:30 UTC+6, Urumqi Time).");
  }, 120_000);

  it("are New York's for a survey there, west of UTC", async () => {
    await setZone("America/New_York");
    const { meta, footer } = await dates("en");
    expect(meta).toMatch(/ · 2024-03-01$/);
    expect(footer).toBe("Generated from the survey data by the party-building survey platform (2024-03-01 12:30 UTC-5, America/New_York).");
  }, 60_000);
});
