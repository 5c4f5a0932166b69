import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { neutralise, unneutralise } from "../../../src/lib/formula-injection.js";
import { prepareExport, type ExportOptions } from "../../../src/services/export/index.js";
import { readBatches } from "../../../src/services/export/source.js";
import { insertResponses } from "../../../src/services/import/store.js";
import { parseCsv } from "../../../src/services/import/read-table.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import small from "../../fixtures/small-survey.json" with { type: "json" };
import { openTestDatabase } from "../../helpers/database.js";
import { collect } from "./demo-fixture.js";
import { readSav } from "./sav-reader.js";

let database: Database;
let surveyId: number;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const HYPERLINK = '=HYPERLINK("http://x","y")';

beforeAll(async () => {
  database = await openTestDatabase();
  await publishSurvey(database.db, "small", small);
  const survey = await getSurveyVersion(database.db, "small");
  surveyId = survey.surveyId;
  await insertResponses(database.db, surveyId, [
    {
      id: id(1),
      version: 1,
      complete: true,
      bodyHash: "1",
      data: { level: "社会组织", staff_count: 12, main_problems: ["管理体制不顺畅", "other"], "main_problems-Comment": HYPERLINK, suggestions: '多,"引号"\n换行' },
    },
    { id: id(2), version: 1, complete: true, bodyHash: "2", data: { level: "市", main_problems: ["顶层设计不到位"], suggestions: "+1" } },
    { id: id(3), version: 1, complete: false, bodyHash: "3", data: { level: "区(县)" } },
  ]);
  // A second version renames a choice; one response answers it.
  await publishSurvey(database.db, "small", {
    ...small,
    pages: [
      {
        ...small.pages[0],
        elements: small.pages[0].elements.map((e) => (e.name === "level" ? { ...e, choices: ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织", "其他单位"] } : e)),
      },
    ],
  });
  await insertResponses(database.db, surveyId, [
    { id: id(4), version: 2, complete: true, bodyHash: "4", data: { level: "其他单位", main_problems: ["经费不足"], suggestions: "@SUM(A1)" } },
  ]);
  // Spread the responses over three days (Beijing time) for the date filters.
  await database.db.execute(sql`update responses set created_at = case id
    when ${id(1)}::uuid then '2024-03-01T10:00:00+08:00'::timestamptz when ${id(2)}::uuid then '2024-03-02T23:30:00+08:00'::timestamptz
    when ${id(3)}::uuid then '2024-03-03T00:30:00+08:00'::timestamptz else '2024-03-04T09:00:00+08:00'::timestamptz end`);
});
afterAll(async () => database.close());

const run = async (options: Partial<ExportOptions>) => {
  const prepared = await prepareExport(database.db, "small", { format: "csv", labels: "zh-Hans", filter: {}, ...options });
  return { prepared, bytes: await collect(prepared.body) };
};
const csvRows = async (options: Partial<ExportOptions>) => {
  const { bytes } = await run(options);
  const [header, ...rows] = parseCsv(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};

describe("formula injection", () => {
  it("neutralises text starting with = + - @ tab or return, reversibly", () => {
    for (const text of [HYPERLINK, "+1", "-2", "@x", "\tx", "\rx", "'=x", "''+x"]) {
      expect(neutralise(text)).toBe(`'${text}`);
      expect(unneutralise(neutralise(text))).toBe(text);
    }
    for (const text of ["正常文本", "'quoted", "a=b", "1-2"]) expect(neutralise(text)).toBe(text);
  });

  it("exports the HYPERLINK answer harmless in CSV and XLSX, raw in JSON Lines", async () => {
    const { bytes } = await run({ format: "csv" });
    const text = bytes.toString("utf8");
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain(",'+1");
    expect(text).toContain(",'@SUM(A1)");

    const xlsx = await run({ format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = sheet.getRow(2).getCell(header.indexOf("main_problems_other_text") + 1);
    expect(cell.value).toBe(`'${HYPERLINK}`);
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(ExcelJS.ValueType.String);

    const { bytes: jsonl } = await run({ format: "jsonl" });
    expect(JSON.parse(jsonl.toString("utf8").split("\n")[0]).main_problems_other_text).toBe(HYPERLINK);
  });
});

describe("times for analysts", () => {
  it("writes times in CSV in the survey's time zone (Beijing by default) with the offset", async () => {
    const rows = await csvRows({});
    expect(rows.map((r) => r.created_at)).toEqual(["2024-03-01 10:00:00+08:00", "2024-03-02 23:30:00+08:00", "2024-03-03 00:30:00+08:00", "2024-03-04 09:00:00+08:00"]);
    // Another zone, daylight saving time included: the offset of that moment there.
    expect((await csvRows({ timeZone: "Europe/Berlin" })).map((r) => r.created_at)[0]).toBe("2024-03-01 03:00:00+01:00");
    // JSON Lines stays the machine's ISO 8601 in UTC.
    const { bytes } = await run({ format: "jsonl" });
    expect(JSON.parse(bytes.toString("utf8").split("\n")[0]).created_at).toBe("2024-03-01T02:00:00.000Z");
  });

  it("writes times in XLSX as Excel date-times (a number with a date format) in Beijing time", async () => {
    const { bytes } = await run({ format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = sheet.getRow(2).getCell(header.indexOf("created_at") + 1);
    // exceljs turns a date-formatted serial into a Date of the wall-clock time read as UTC.
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString()).toBe("2024-03-01T10:00:00.000Z");
    expect(cell.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(sheet.getRow(5).getCell(header.indexOf("created_at") + 1).value).toEqual(new Date("2024-03-04T09:00:00Z"));
  });
});

describe("CSV", () => {
  it("is UTF-8 with a byte-order mark, RFC 4180 quoted, CRLF", async () => {
    const { bytes, prepared } = await run({ format: "csv" });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${prepared.layout.variables.map((v) => v.name).join(",")}`);
    expect(text).toContain('"多,""引号""\n换行"');
    expect(prepared.contentType).toBe("text/csv; charset=utf-8");
  });

  it("writes labels in the chosen language, or the stored values", async () => {
    const first = (rows: Record<string, string>[]) => rows[0];
    expect(first(await csvRows({ labels: "zh-Hans" }))).toMatchObject({ level: "社会组织", complete: "已完成", main_problems_1: "1", main_problems_2: "0" });
    expect(first(await csvRows({ labels: "zh-Hant" }))).toMatchObject({ complete: "已完成" });
    expect(first(await csvRows({ labels: "en" }))).toMatchObject({ complete: "Complete" });
    expect(first(await csvRows({ labels: "values" }))).toMatchObject({ level: "社会组织", complete: "true", staff_count: "12" });
  });

  it("leaves 'not asked' empty and keeps choices of older versions", async () => {
    const rows = await csvRows({});
    // Level 市: staff_count was hidden by its condition.
    expect(rows[1].staff_count).toBe("");
    expect(rows[3].level).toBe("其他单位");
  });

  it("filters by version, completeness and date", async () => {
    const ids = async (filter: ExportOptions["filter"]) => (await csvRows({ filter })).map((r) => r.response_id);
    expect(await ids({})).toEqual([id(1), id(2), id(3), id(4)]);
    expect(await ids({ version: 2 })).toEqual([id(4)]);
    expect(await ids({ complete: false })).toEqual([id(3)]);
    expect(await ids({ complete: true, version: 1 })).toEqual([id(1), id(2)]);
    // Days are Beijing days: 23:30 on 2 March belongs to 2 March, 00:30 on 3 March to 3 March.
    expect(await ids({ from: new Date("2024-03-02T00:00:00+08:00"), to: new Date("2024-03-03T00:00:00+08:00") })).toEqual([id(2)]);
  });
});

describe("XLSX", () => {
  it("has a data sheet with typed cells and the codebook sheet", async () => {
    const { bytes } = await run({ format: "xlsx", labels: "zh-Hans" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["答卷数据", "变量说明 codebook"]);
    const data = workbook.worksheets[0];
    expect(data.rowCount).toBe(5);
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const row = (data.getRow(2).values as unknown[]).slice(1);
    const at = (name: string) => row[header.indexOf(name)];
    expect(at("level")).toBe("社会组织");
    expect(at("staff_count")).toBe(12);
    expect(at("main_problems_1")).toBe(1);
    const codebook = workbook.worksheets[1];
    expect((codebook.getRow(1).values as unknown[]).slice(1)).toEqual(["变量名", "题目", "变量标签", "内容", "类型", "测量级别", "取值与标签", "缺失值", "多选题集"]);
    const levelRow = (codebook.getRow(header.indexOf("level") + 2).values as unknown[]).slice(1);
    expect(levelRow.slice(0, 3)).toEqual(["level", "level", "您所在的层级"]);
    expect(String(levelRow[6])).toContain("5 = 社会组织");
  });
});

describe("codebook and zip bundle", () => {
  it("bundles the data file with the codebook as CSV and JSON", async () => {
    const { bytes, prepared } = await run({ format: "sav", bundle: true });
    expect(prepared.contentType).toBe("application/zip");
    expect(prepared.fileName.ascii).toBe("small.zip");
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["small.sav", "small.codebook.csv", "small.codebook.json"]);
    expect(readSav(Buffer.from(files["small.sav"])).cases).toBe(4);
    const codebook = JSON.parse(Buffer.from(files["small.codebook.json"]).toString("utf8"));
    expect(codebook.variables.find((v: { variable: string }) => v.variable === "main_problems_1")).toMatchObject({
      question: "main_problems",
      role: "option",
      type: "numeric",
      measure: "nominal",
      part: "管理体制不顺畅",
      set: "$main_problems",
      missing: [-1],
    });
    expect(Buffer.from(files["small.codebook.csv"]).toString("utf8")).toMatch(/^\uFEFF变量名,题目,变量标签/);
  });
});

describe("streaming", () => {
  it("pages through responses in (created_at, id) order, ties included, one batch at a time", async () => {
    await publishSurvey(database.db, "many", small);
    const survey = await getSurveyVersion(database.db, "many");
    const ids = Array.from({ length: 30 }, (_, i) => id(100 + i));
    // One transaction: all 30 share one created_at, so the id breaks the ties.
    await insertResponses(
      database.db,
      survey.surveyId,
      ids.map((r) => ({ id: r, version: 1, complete: true, bodyHash: r, data: { level: "市" } })),
    );
    const batches: string[][] = [];
    for await (const batch of readBatches(database.db, survey.surveyId, {}, 7)) batches.push(batch.map((r) => r.id));
    expect(batches.map((b) => b.length)).toEqual([7, 7, 7, 7, 2]);
    expect(batches.flat()).toEqual(ids);
  });

  it("writes one chunk per batch and reads nothing until the body is read", async () => {
    const prepared = await prepareExport(database.db, "many", { format: "csv", labels: "values", filter: {}, batchSize: 10 });
    const chunks: Uint8Array[] = [];
    for await (const chunk of prepared.body) chunks.push(chunk);
    expect(chunks).toHaveLength(1 + 3);
  });

  it("declares in a .sav header exactly the cases it holds, even when responses arrive during the export", async () => {
    const prepared = await prepareExport(database.db, "many", { format: "sav", labels: "zh-Hans", filter: {}, batchSize: 10 });
    const iterator = prepared.body[Symbol.asyncIterator]();
    const chunks: Uint8Array[] = [(await iterator.next()).value as Uint8Array];
    const survey = await getSurveyVersion(database.db, "many");
    await insertResponses(database.db, survey.surveyId, [{ id: id(200), version: 1, complete: true, bodyHash: "late", data: { level: "市" } }]);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) chunks.push(next.value);
    const file = readSav(Buffer.concat(chunks));
    expect(file.cases).toBe(30);
    expect(file.rows).toHaveLength(30);
  });
});
