import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { responses } from "../../../src/db/schema/index.js";
import { AppError } from "../../../src/errors.js";
import { AnswerCheckers } from "../../../src/services/answer-checkers.js";
import { importResponses, type ImportOptions } from "../../../src/services/import/index.js";
import { uuidV5 } from "../../../src/services/import/stable-id.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import reference from "../../../surveys/dangjian-innovation-2023.json" with { type: "json" };
import { openTestDatabase } from "../../helpers/database.js";

const SURVEY = "dangjian-innovation-2023";
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
let database: Database;
const checkers = new AnswerCheckers();

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, SURVEY, reference);
});
afterAll(async () => database.close());

async function stored(name = SURVEY) {
  const survey = await getSurveyVersion(database.db, name);
  return database.db.select().from(responses).where(eq(responses.surveyId, survey.surveyId));
}

/** The import's error list, or a failure when it succeeded. */
async function failure(bytes: Uint8Array, options: ImportOptions = {}, name = SURVEY) {
  try {
    await importResponses(database.db, checkers, name, bytes, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the import succeeded");
}

const csv = (text: string) => Buffer.from(`\uFEFF${text}`);

describe("typed-in paper questionnaires (Excel)", () => {
  it("lists every deliberate mistake precisely and stores nothing", async () => {
    const error = await failure(fixture("paper-questionnaires.xlsx"));
    expect(error.status).toBe(422);
    expect(error.detail).toBe("Nothing was imported: 5 problem(s) in 5 row(s) of 12. Correct them and import the whole file again.");
    expect(error.errors).toEqual([
      {
        row: 1,
        column: "录入员",
        cell: "AF1",
        value: "录入员",
        question: "(header)",
        code: "unknown_column",
        message: "'录入员' matches no question: use a variable name, question name or question text from the codebook, or leave the column out (ignore=录入员).",
      },
      {
        row: 4,
        column: "本组织的类型",
        cell: "D4",
        value: "社会团休",
        question: "org_type",
        code: "not_a_choice",
        message: "'社会团休' is not one of the choices: '社会团体', '民办非企业单位（社会服务机构）' (民办非企业单位), '基金会', '社会中介组织', '城乡社区社会组织'.",
      },
      {
        row: 5,
        column: "其中中共党员人数（人）",
        cell: "G5",
        value: 12,
        question: "member_count",
        code: "invalid",
        message: "Party members cannot outnumber the staff (members ≤ staff)",
      },
      {
        row: 6,
        column: "管理体制不够顺畅",
        cell: "S6",
        value: "管理体制不够顺畅; 党建工作创新动力不足; 组织和工作的有效覆盖还不高; 顶层设计不到位，缺乏统筹规划",
        question: "main_problems",
        code: "too_many_choices",
        message: "At most 3 choices may be selected, got 4.",
      },
      { row: 7, column: "本组织现有从业人员数（人）", cell: "F7", value: "二十", question: "staff_count", code: "not_a_number", message: "'二十' is not a number." },
    ]);
    expect(await stored()).toHaveLength(0);
  });

  it("leaves out a column when told to", async () => {
    const error = await failure(fixture("paper-questionnaires.xlsx"), { ignore: ["录入员"] });
    expect(error.errors!.map((e) => (e as unknown as { cell: string }).cell)).toEqual(["D4", "G5", "S6", "F7"]);
  });

  it("imports the corrected file whole, as the web form would have stored it", async () => {
    const result = await importResponses(database.db, checkers, SURVEY, fixture("paper-questionnaires-corrected.xlsx"));
    expect(result).toEqual({ survey: SURVEY, rows: 12, created: 12, repeated: 0, emptyRows: 0, dryRun: false, likelyDuplicates: 0, warnings: [] });
    const rows = await stored();
    expect(rows).toHaveLength(12);
    // 问卷编号 NJ-0002: Traditional Chinese type, full-width digits, the other problem written out.
    const nj2 = rows.find((r) => r.id === uuidV5(`${SURVEY}\nid:NJ-0002`))!;
    expect(nj2.data).toEqual({
      city: "南京",
      level: "社会组织",
      org_type: "社会团体",
      hub: "是",
      staff_count: 15,
      member_count: 4,
      member_relation: "部分在本组织",
      party_org_form: "单独建立",
      instructor: "不清楚",
      meeting_freq: "按规定定期开展",
      role_political: 5,
      role_cohesion: 4,
      role_development: 4,
      role_service: 5,
      main_problems: ["管理体制不顺畅", "other"],
      "main_problems-Comment": "条块分割，党员组织关系不在本单位",
      multi_dept: "多个管理部门，职责不明确",
      funding_sources: ["党费返还"],
    });
    const nj3 = rows.find((r) => r.id === uuidV5(`${SURVEY}\nid:NJ-0003`))!;
    expect(nj3.data).toMatchObject({ level: "市", dept_org_count: 10261, dept_party_org_count: 2373, funding_sources: ["财政专项经费", "上级党组织补助", "枢纽型组织支持"] });
    // As for a web submission, the questions logic hid are recorded as not asked.
    expect(nj3.notAsked).toEqual(expect.arrayContaining(["org_type", "staff_count", "member_relation"]));
    expect(nj2.notAsked).toEqual(expect.arrayContaining(["dept_org_count"]));
    expect(rows.every((r) => r.complete)).toBe(true);
  });

  it("adds nothing when the same file comes again", async () => {
    const again = await importResponses(database.db, checkers, SURVEY, fixture("paper-questionnaires-corrected.xlsx"));
    expect(again).toMatchObject({ rows: 12, created: 0, repeated: 12 });
    expect(await stored()).toHaveLength(12);
  });

  it("refuses a questionnaire number already stored with other answers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fixture("paper-questionnaires-corrected.xlsx") as unknown as ArrayBuffer);
    workbook.worksheets[0].getCell("F2").value = 16;
    const error = await failure(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(error.errors).toEqual([
      {
        row: 2,
        column: null,
        cell: null,
        value: uuidV5(`${SURVEY}\nid:BJ-0001`),
        question: "(id)",
        code: "conflict",
        message: `Response ${uuidV5(`${SURVEY}\nid:BJ-0001`)} is already stored with other answers; the stored response stands.`,
      },
    ]);
    expect(await stored()).toHaveLength(12);
  });
});

describe("CSV imports", () => {
  beforeAll(async () => {
    await publishSurvey(database.db, "csv-target", reference);
  });
  // Departments (not social organisations) answer the three dept_ questions.
  const header = "您所在的城市,您所在单位的层级,main_problems,multi_dept,funding_sources,dept_org_count,dept_party_org_count,dept_instructor";

  it("stores nothing when any row is bad", async () => {
    const error = await failure(
      csv(`${header}\n北京,市级党建工作部门,管理体制不顺畅,不清楚,财政专项经费,10,2,全部选派\n北京,县级,管理体制不顺畅,不清楚,财政专项经费,10,2,全部选派\n`),
      {},
      "csv-target",
    );
    expect(error.errors).toHaveLength(1);
    expect(error.errors![0]).toMatchObject({ row: 3, cell: "B3", column: "您所在单位的层级", value: "县级", code: "not_a_choice" });
    expect(await stored("csv-target")).toHaveLength(0);
  });

  it("derives stable ids from the content: identical rows are two responses, a second import adds nothing", async () => {
    const file = csv(
      `${header}\n北京,市,管理体制不顺畅；其他：条块分割,不清楚,社会捐赠,10,2,全部选派\n北京,市,管理体制不顺畅；其他：条块分割,不清楚,社会捐赠,10,2,全部选派\n,,,,,,,\n南京,社区(村),"组织和工作的有效覆盖还不高, 党员数量少、流动性大",单一管理部门，职责明确,无固定经费来源,3,0,未选派\n`,
    );
    const first = await importResponses(database.db, checkers, "csv-target", file);
    expect(first).toMatchObject({ rows: 3, created: 3, repeated: 0, emptyRows: 1 });
    const rows = await stored("csv-target");
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(rows.find((r) => r.data.city === "南京")!.data.main_problems).toEqual(["有效覆盖不高", "党员数量少、流动性大"]);
    expect(rows.find((r) => r.data.city === "北京")!.data).toMatchObject({ main_problems: ["管理体制不顺畅", "other"], "main_problems-Comment": "条块分割" });
    expect(await importResponses(database.db, checkers, "csv-target", file)).toMatchObject({ created: 0, repeated: 3 });
    expect(await stored("csv-target")).toHaveLength(3);
  });

  it("checks without storing on a dry run", async () => {
    const result = await importResponses(database.db, checkers, "csv-target", csv(`${header}\n南京,市,创新动力不足,不清楚,社会捐赠,8,1,部分选派\n`), { dryRun: true });
    expect(result).toMatchObject({ rows: 1, created: 1, repeated: 0, dryRun: true });
    expect(await stored("csv-target")).toHaveLength(3);
  });

  it("reports repeated ids, unknown versions and repeated columns", async () => {
    const id = "0b0e5f8e-1111-4222-8333-444455556666";
    const error = await failure(
      csv(
        `response_id,version,您所在的城市,city,level,main_problems,multi_dept,funding_sources,dept_org_count,dept_party_org_count,dept_instructor\n${id},1,北京,,市,创新动力不足,不清楚,社会捐赠,5,1,未选派\n${id},7,北京,,市,创新动力不足,不清楚,社会捐赠,5,1,未选派\n`,
      ),
      {},
      "csv-target",
    );
    expect(error.errors!.map((e) => [(e as unknown as { cell: string | null }).cell, e.code])).toEqual([
      ["D1", "duplicate_column"],
      [null, "unknown_version"],
    ]);
    const twice = await failure(
      csv(
        `response_id,city,level,main_problems,multi_dept,funding_sources,dept_org_count,dept_party_org_count,dept_instructor\n${id},北京,市,创新动力不足,不清楚,社会捐赠,5,1,未选派\n${id},南京,市,创新动力不足,不清楚,社会捐赠,5,1,未选派\n`,
      ),
      {},
      "csv-target",
    );
    expect(twice.errors).toEqual([{ row: 3, column: null, cell: null, value: null, question: "(id)", code: "duplicate_id", message: `Id '${id}' is also used by row 2.` }]);
  });

  it("runs the web submission's checks: required questions, skip logic", async () => {
    const error = await failure(csv(`city,level,本组织的类型,main_problems,funding_sources\n北京,社会组织,社会团体,创新动力不足,社会捐赠\n`), {}, "csv-target");
    const questions = error.errors!.map((e) => `${e.question}:${e.code}`);
    expect(questions).toContain("hub:required");
    expect(questions).toContain("multi_dept:required");
  });
});

describe("large files", () => {
  it("imports a 130,000-row CSV whole (no row array is spread into one call)", async () => {
    await publishSurvey(database.db, "tall", { elements: [{ type: "text", name: "n", inputType: "number" }] });
    const lines = ["n", ...Array.from({ length: 130_000 }, (_, i) => String(i))];
    const result = await importResponses(database.db, checkers, "tall", csv(lines.join("\n")));
    expect(result).toMatchObject({ rows: 130_000, created: 130_000, repeated: 0 });
    expect(await stored("tall")).toHaveLength(130_000);
  }, 300_000);
});
