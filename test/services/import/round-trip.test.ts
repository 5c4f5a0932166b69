/**
 * Export, then import into an empty copy of the survey (another database): the same responses
 * come back, and every analysis gives the same results.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../../../src/db/client.js";
import { crosstabAnalysis } from "../../../src/services/analysis/crosstab.js";
import { frequencyAnalysis } from "../../../src/services/analysis/frequencies.js";
import { ratioAnalysis } from "../../../src/services/analysis/ratio.js";
import { AppError } from "../../../src/errors.js";
import { AnswerCheckers } from "../../../src/services/answer-checkers.js";
import { prepareExport, type ExportFormat } from "../../../src/services/export/index.js";
import type { LabelMode } from "../../../src/services/dataset/labels.js";
import { importResponses } from "../../../src/services/import/index.js";
import { insertResponses } from "../../../src/services/import/store.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import kitchenSink from "../../fixtures/kitchen-sink.json" with { type: "json" };
import { openTestDatabase } from "../../helpers/database.js";
import { collect, publishReferenceWithDemo, reference } from "../export/demo-fixture.js";
import { crosstabRequest, frequenciesRequest, ratioRequest } from "../../../src/services/analysis/requests.js";

const SURVEY = "dangjian-innovation-2023";
let source: Database;
beforeAll(async () => {
  source = await openTestDatabase();
  await publishReferenceWithDemo(source.db);
});
afterAll(async () => source.close());

async function rows(db: Db) {
  const survey = await getSurveyVersion(db, SURVEY);
  const result = await db.execute(sql`select id::text as id, data, complete, version from responses where survey_id = ${survey.surveyId} order by id`);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; data: Record<string, unknown>; complete: boolean; version: number }[];
}

/** Counts per choice and option, sums of the numbers: computed in SQL on each database. */
async function aggregates(db: Db) {
  const survey = await getSurveyVersion(db, SURVEY);
  const run = async (query: ReturnType<typeof sql>) => {
    const result = await db.execute(query);
    return JSON.parse(JSON.stringify(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows));
  };
  return {
    single: await run(sql`select key, value, count(*)::int as n from responses, jsonb_each_text(data) as kv(key, value)
      where survey_id = ${survey.surveyId} and jsonb_typeof(data -> key) <> 'array' group by key, value order by key, value`),
    options: await run(sql`select key, option, count(*)::int as n from responses, jsonb_each(data) as kv(key, value), jsonb_array_elements_text(value) as o(option)
      where survey_id = ${survey.surveyId} and jsonb_typeof(value) = 'array' group by key, option order by key, option`),
    sums: await run(sql`select sum((data->>'staff_count')::numeric)::text as staff, sum((data->>'member_count')::numeric)::text as members,
      sum((data->>'dept_org_count')::numeric)::text as orgs, count(*)::int as n from responses where survey_id = ${survey.surveyId}`),
  };
}

/** The analysis service's answers to the report's questions. */
async function analyses(db: Db) {
  return {
    problems: await frequencyAnalysis(db, SURVEY, frequenciesRequest.parse({ question: "main_problems" })),
    level: await frequencyAnalysis(db, SURVEY, frequenciesRequest.parse({ question: "level", lang: "en" })),
    byLevel: await crosstabAnalysis(db, SURVEY, crosstabRequest.parse({ row: "multi_dept", column: "level" })),
    ratio: await ratioAnalysis(db, SURVEY, ratioRequest.parse({ numerator: "member_count", denominator: "staff_count", by: "org_type" })),
  };
}

async function roundTrip(format: ExportFormat, labels: LabelMode) {
  const prepared = await prepareExport(source.db, SURVEY, { format, labels, filter: {} });
  const file = await collect(prepared.body);
  const target = await openTestDatabase();
  try {
    await publishSurvey(target.db, SURVEY, reference);
    const result = await importResponses(target.db, new AnswerCheckers(), SURVEY, file);
    expect(result).toMatchObject({ rows: 1812, created: 1812, repeated: 0 });
    expect(await rows(target.db)).toEqual(await rows(source.db));
    expect(await aggregates(target.db)).toEqual(await aggregates(source.db));
    const [before, after] = [await analyses(source.db), await analyses(target.db)];
    expect(after).toEqual(before);
    // The published figure survives: 946 of 1,812 (52.2 %) chose the first problem.
    expect(JSON.stringify(after.problems)).toContain("946");
    // A second import of the same file adds nothing.
    expect(await importResponses(target.db, new AnswerCheckers(), SURVEY, file)).toMatchObject({ created: 0, repeated: 1812 });
  } finally {
    await target.close();
  }
}

describe("export, then import into an empty copy", () => {
  it("CSV with Traditional Chinese labels gives back the same responses and analyses", () => roundTrip("csv", "zh-Hant"), 600_000);
  it("XLSX with stored values gives back the same responses and analyses", () => roundTrip("xlsx", "values"), 600_000);
});

describe("every kind of question survives the trip (kitchen sink)", () => {
  const answers = [
    {
      org_name: "城南街道第一党支部",
      org_level: "村（社区）级",
      org_type: "other",
      "org_type-Comment": "临时党支部",
      member_count: 25,
      founded: "2001-07-01",
      contact_email: "a@b.cn",
      has_full_time_secretary: true,
      secretary_name: "李四",
      village_kind: "城市社区",
      households: 1200,
      activities: ["三会一课", "other"],
      "activities-Comment": "=读书会",
      main_activity: "三会一课",
      meetings_per_year: 4,
      satisfaction: 4,
      study_topics: ["党章党规", "党史学习"],
      priorities: ["政治建设", "组织建设", "思想建设", "作风建设", "纪律建设"],
      evaluation: { system: 4, team: 5, style: 3 },
      difficulties: ["经费不足", "场地不足"],
      members: [
        { name: "王五", age: 40 },
        { name: "赵六", age: 35 },
      ],
      trainings: [{ topic: "党史", hours: 6 }],
      funding: { "2023": { budget: 3.5, source: "other", "source-Comment": "企业赞助", uses: ["教育培训", "阵地建设"] }, "2024": { budget: 4, source: "党费返还" } },
      contact: { name: "张三", phone: "13800138000", years: 12 },
      position_style: "hall",
      willing_follow_up: "愿意",
      "willing_follow_up-Comment": "工作日可联系",
    },
    {
      org_name: "某协会党支部",
      org_level: "市级",
      org_type: "branch",
      member_count: 8,
      has_full_time_secretary: false,
      meetings_per_year: 6,
      activities: ["none"],
      satisfaction: 2,
      improvement: '加强学习, "多开会"\n换行',
      evaluation: { system: 1, team: 2, style: 2 },
      difficulties: ["党员流动性大", "党务干部力量薄弱"],
      members: [{ name: "钱七", age: 50 }],
      contact: { name: "孙八" },
      willing_follow_up: "不愿意",
    },
  ];

  let from: Database;
  const checker = new AnswerCheckers();
  beforeAll(async () => {
    from = await openTestDatabase();
    await publishSurvey(from.db, "sink", kitchenSink);
    const survey = await getSurveyVersion(from.db, "sink");
    const check = checker.get(survey.hash, survey.json);
    await insertResponses(
      from.db,
      survey.surveyId,
      answers.map((data, i) => {
        const result = check(data, { complete: true });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        return { id: `00000000-0000-4000-8000-00000000000${i}`, version: 1, complete: true, bodyHash: String(i), data: result.data };
      }),
    );
  });
  afterAll(async () => from.close());

  const stored = async (db: Db) => {
    const s = await getSurveyVersion(db, "sink");
    const result = await db.execute(sql`select id::text as id, data from responses where survey_id = ${s.surveyId} order by id`);
    return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  };

  it.each([
    ["csv", "en"],
    ["xlsx", "values"],
    ["csv", "values"],
  ] as const)(
    "%s with labels=%s",
    async (format, labels) => {
      const to = await openTestDatabase();
      try {
        await publishSurvey(to.db, "sink", kitchenSink);
        const file = await collect((await prepareExport(from.db, "sink", { format, labels, filter: {} })).body);
        expect(await importResponses(to.db, checker, "sink", file)).toMatchObject({ created: 2 });
        expect(await stored(to.db)).toEqual(await stored(from.db));
      } finally {
        await to.close();
      }
    },
    120_000,
  );
});

describe("the survey's own export, imported back into the same survey", () => {
  const exportOf = async (format: ExportFormat, labels: LabelMode) => collect((await prepareExport(source.db, SURVEY, { format, labels, filter: {} })).body);
  const storedCount = async () => (await rows(source.db)).length;

  it.each([
    ["csv", "values"],
    ["csv", "zh-Hans"],
    ["xlsx", "values"],
    ["xlsx", "en"],
  ] as const)(
    "%s with labels=%s: every row a repeat, nothing added",
    async (format, labels) => {
      const file = await exportOf(format, labels);
      const result = await importResponses(source.db, new AnswerCheckers(), SURVEY, file);
      expect(result).toMatchObject({ rows: 1812, created: 0, repeated: 1812, warnings: [] });
      expect(await storedCount()).toBe(1812);
    },
    600_000,
  );

  it("lists exactly the changed row as a conflict, and stores nothing", async () => {
    const [header, first, second, ...rest] = (await exportOf("csv", "values")).toString("utf8").split("\r\n");
    const columns = header.replace(/^\uFEFF/, "").split(",");
    const city = columns.indexOf("city");
    const cells = second.split(",");
    cells[city] = cells[city] === "北京" ? "南京" : "北京";
    const changed = Buffer.from([header, first, cells.join(","), ...rest].join("\r\n"));
    const error = await importResponses(source.db, new AnswerCheckers(), SURVEY, changed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors).toEqual([expect.objectContaining({ row: 3, question: "(id)", code: "conflict", value: cells[0] })]);
    expect(await storedCount()).toBe(1812);
  }, 600_000);

  it("warns that rows without their ids look like duplicates of stored responses", async () => {
    const file = await exportOf("csv", "values");
    const result = await importResponses(source.db, new AnswerCheckers(), SURVEY, file, { ignore: ["response_id"], dryRun: true });
    expect(result).toMatchObject({ rows: 1812, dryRun: true });
    expect(result.warnings).toHaveLength(1812);
    expect(result.warnings[0]).toMatchObject({ row: 2, code: "looks_like_duplicate" });
    expect(await storedCount()).toBe(1812);
  }, 600_000);
});
