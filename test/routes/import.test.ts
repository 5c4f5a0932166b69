import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import type { Database } from "../../src/db/client.js";
import { IMPORT_BODY_LIMIT } from "../../src/routes/import.js";
import { publishSurvey } from "../../src/services/surveys.js";
import reference from "../../surveys/dangjian-innovation-2023.json" with { type: "json" };
import small from "../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase, researcherHeaders } from "../helpers/database.js";

const SURVEY = "dangjian-innovation-2023";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
let database: Database;
let app: ReturnType<typeof testApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = testApp(database);
  auth = { authorization: (await researcherHeaders(database)).authorization };
  await publishSurvey(database.db, SURVEY, reference);
});
afterAll(async () => database.close());

const post = (body: BodyInit, query = "", headers: Record<string, string> = { ...auth, "content-type": XLSX }, survey = SURVEY) =>
  app.request(`/api/surveys/${survey}/import${query}`, { method: "POST", headers, body });
const count = async () => ((await (await app.request(`/api/surveys/${SURVEY}/responses?limit=1000`, { headers: auth })).json()) as { items: unknown[] }).items.length;

describe("happy path", () => {
  it("checks without storing on dryRun=true", async () => {
    const res = await post(fixture("paper-questionnaires-corrected.xlsx"), "?dryRun=true");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ survey: SURVEY, rows: 12, created: 12, repeated: 0, emptyRows: 0, dryRun: true, likelyDuplicates: 0, warnings: [] });
    expect(await count()).toBe(0);
  });

  it("imports a corrected file (201), and again adds nothing (200)", async () => {
    const first = await post(fixture("paper-questionnaires-corrected.xlsx"));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ rows: 12, created: 12, repeated: 0 });
    const again = await post(fixture("paper-questionnaires-corrected.xlsx"));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: 0, repeated: 12 });
    expect(await count()).toBe(12);
  });

  it("takes a file from a multipart form, and CSV as text/csv", async () => {
    const form = new FormData();
    form.append("file", new Blob([fixture("paper-questionnaires-corrected.xlsx")], { type: XLSX }), "问卷录入.xlsx");
    const res = await post(form, "", auth);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ repeated: 12 });
    const csv =
      "\uFEFFcity,level,dept_org_count,dept_party_org_count,dept_instructor,main_problems,multi_dept,funding_sources\r\n南京,市,20,5,全部选派,顶层设计不到位,不清楚,社会捐赠\r\n";
    const res2 = await post(csv, "", { ...auth, "content-type": "text/csv; charset=utf-8" });
    expect(res2.status).toBe(201);
  });
});

describe("progress as NDJSON (Accept: application/x-ndjson)", () => {
  const lines = async (res: Response) =>
    (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it("answers one progress line per batch, then the result", async () => {
    await publishSurvey(database.db, "small", small);
    const rows = Array.from({ length: 1200 }, (_, i) => `社会组织,${i},经费不足`);
    const body = `\uFEFF${["level,staff_count,main_problems", ...rows].join("\r\n")}`;
    const res = await post(body, "?dryRun=true", { ...auth, "content-type": "text/csv", accept: "application/x-ndjson" }, "small");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const all = await lines(res);
    const progress = all.filter((l) => l.type === "progress");
    expect(progress.map((l) => l.done)).toEqual([500, 1000, 1200, 1200]);
    expect(progress[0]).toEqual({ type: "progress", phase: "check", done: 500, total: 1200 });
    expect(all.at(-1)).toMatchObject({ type: "result", status: 200, result: { rows: 1200, created: 1200, dryRun: true } });
  }, 120_000);

  it("ends with the problem+json body when the file is refused", async () => {
    const res = await post(fixture("paper-questionnaires.xlsx"), "?ignore=录入员&lang=en", { ...auth, "content-type": XLSX, accept: "application/x-ndjson" });
    expect(res.status).toBe(200);
    const last = (await lines(res)).at(-1)!;
    expect(last).toMatchObject({ type: "problem", problem: { status: 422, detailCode: "imports.failed" } });
    expect((last.problem as { errors: unknown[] }).errors).toHaveLength(4);
  });

  it("keeps the JSON answer for clients that do not ask", async () => {
    const res = await post(fixture("paper-questionnaires-corrected.xlsx"), "?dryRun=true", { ...auth, "content-type": XLSX, accept: "application/json" });
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});

describe("errors", () => {
  it("lists every bad cell as problem+json and stores nothing", async () => {
    const before = await count();
    const res = await post(fixture("paper-questionnaires.xlsx"), "?ignore=录入员&lang=en");
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { detail: string; errors: Record<string, unknown>[] };
    expect(body.detail).toBe("Nothing was imported: 4 problem(s) in 4 row(s) of 12. Correct them and import the whole file again.");
    expect(body.errors.map((e) => [e.row, e.cell, e.column, e.value, e.code])).toEqual([
      [4, "D4", "本组织的类型", "社会团休", "not_a_choice"],
      [5, "G5", "其中中共党员人数（人）", 12, "invalid"],
      [6, "S6", "管理体制不够顺畅", "管理体制不够顺畅; 党建工作创新动力不足; 组织和工作的有效覆盖还不高; 顶层设计不到位，缺乏统筹规划", "too_many_choices"],
      [7, "F7", "本组织现有从业人员数（人）", "二十", "not_a_number"],
    ]);
    expect(await count()).toBe(before);
  });

  it("needs a researcher token", async () => {
    expect((await post(fixture("paper-questionnaires-corrected.xlsx"), "", { "content-type": XLSX })).status).toBe(401);
  });

  it("refuses bodies over the limit with 413", async () => {
    const res = await post(new Uint8Array(IMPORT_BODY_LIMIT + 1), "", { ...auth, "content-type": "text/csv" });
    expect(res.status).toBe(413);
  });

  it("answers 400 to an empty body or a bad parameter, 404 to an unknown survey, 422 to an unreadable workbook", async () => {
    expect((await post(new Uint8Array(0))).status).toBe(400);
    expect((await post("a,b\n1,2", "?dryRun=maybe")).status).toBe(400);
    expect((await post(fixture("paper-questionnaires-corrected.xlsx"), "", undefined, "nope")).status).toBe(404);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await post(broken)).status).toBe(422);
  });
});
