import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { prepareExport } from "../../../src/services/export/index.js";
import { SPSS_EPOCH_OFFSET } from "../../../src/services/export/sav-bytes.js";
import { zoneOffsetMs } from "../../../src/lib/time-zone.js";
import { segmentWidths } from "../../../src/services/export/sav-dictionary.js";
import { CaseCompressor } from "../../../src/services/export/sav.js";
import { RowContext, type Layout } from "../../../src/services/dataset/variables.js";
import { readBatches } from "../../../src/services/export/source.js";
import { Visibility } from "../../../src/questionnaire/visibility.js";
import { insertResponses } from "../../../src/services/import/store.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import { openTestDatabase } from "../../helpers/database.js";
import { collect, publishReferenceWithDemo } from "./demo-fixture.js";
import { readSav, type SavFile } from "./sav-reader.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await publishReferenceWithDemo(database.db);
});
afterAll(async () => database.close());

async function exportSav(name: string, labels: "zh-Hans" | "zh-Hant" | "en" | "values" = "zh-Hans") {
  const prepared = await prepareExport(database.db, name, { format: "sav", labels, filter: {}, now: new Date("2024-03-05T06:07:08Z") });
  return { prepared, file: readSav(await collect(prepared.body)) };
}

/** What each case should hold: the layout's cells in storage form, read independently of the writer. */
async function expectedRows(name: string, layout: Layout) {
  const survey = await getSurveyVersion(database.db, name);
  const visibility = new Visibility();
  const rows: (number | string | null)[][] = [];
  for await (const batch of readBatches(database.db, survey.surveyId, {})) {
    for (const row of batch) {
      const context = new RowContext(row, visibility);
      rows.push(
        layout.variables.map((v) => {
          const raw = v.read(context);
          // The wall-clock time in the survey's zone (Asia/Shanghai by default), as in XLSX.
          if (v.format === "DATETIME") return typeof raw === "number" ? (raw + zoneOffsetMs(raw, "Asia/Shanghai")) / 1000 + SPSS_EPOCH_OFFSET : null;
          if (v.storage === "string") return raw === null ? "" : String(raw);
          return raw;
        }),
      );
    }
  }
  return rows;
}

describe("the reference study as .sav, read back by the tests' own reader", () => {
  let file: SavFile;
  let layout: Layout;
  beforeAll(async () => {
    const result = await exportSav("dangjian-innovation-2023");
    file = result.file;
    layout = result.prepared.layout;
  });

  it("has a compressed UTF-8 system file header with the case count", () => {
    expect(file.magic).toBe("$FL2");
    expect(file.product).toMatch(/^@\(#\) SPSS DATA FILE/);
    expect(file.compression).toBe(1);
    expect(file.bias).toBe(100);
    expect(file.cases).toBe(1812);
    expect(file.characterCode).toBe(65001);
    expect(file.encoding).toBe("UTF-8");
    expect(file.fileLabel).toBe("社会组织党建工作创新调查问卷");
    expect(file.documents[0]).toBe("社会组织党建工作创新调查问卷 (dangjian-innovation-2023)");
  });

  it("names and labels every variable as the layout does", () => {
    expect(file.variables.map((v) => v.name)).toEqual(layout.variables.map((v) => v.name));
    expect(file.variables.map((v) => v.label)).toEqual(layout.variables.map((v) => v.label));
    const shorts = file.variables.map((v) => v.short);
    expect(new Set(shorts.map((s) => s.toUpperCase())).size).toBe(shorts.length);
    for (const short of shorts) expect(Buffer.byteLength(short)).toBeLessThanOrEqual(8);
  });

  it("carries value labels, missing values and measurement levels", () => {
    const org = file.variables.find((v) => v.name === "org_type")!;
    expect([...org.valueLabels]).toEqual([
      [-1, "未问（跳答）"],
      [1, "社会团体"],
      [2, "民办非企业单位（社会服务机构）"],
      [3, "基金会"],
      [4, "社会中介组织"],
      [5, "城乡社区社会组织"],
    ]);
    expect(org.missing).toEqual([-1]);
    const measure = (name: string) => file.variables.find((v) => v.name === name)!.measure;
    expect([measure("org_type"), measure("role_political"), measure("staff_count"), measure("suggestions")]).toEqual([1, 2, 3, 1]);
    expect(file.variables.find((v) => v.name === "created_at")!.format).toEqual({ type: 22, width: 20, decimals: 0 });
  });

  it("defines the multi-select questions as multiple dichotomy sets counting 1", () => {
    const lines = file.mrsets.trim().split("\n");
    const label = "您认为，社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）";
    expect(lines[0]).toBe(
      `$main_problems=D1 1 ${Buffer.byteLength(label)} ${label} ${layout.sets[0].variables.map((n) => file.variables.find((v) => v.name === n)!.short.toLowerCase()).join(" ")}`,
    );
    expect(lines).toHaveLength(2);
  });

  it("holds every case's values", async () => {
    expect(file.rows).toEqual(await expectedRows("dangjian-innovation-2023", layout));
    // The published figure: 52.2 % chose "management system not smooth".
    const column = file.variables.findIndex((v) => v.name === "main_problems_1");
    expect(file.rows.filter((r) => r[column] === 1).length).toBe(946);
  });

  it("writes labels in the chosen language", async () => {
    const { file: en } = await exportSav("dangjian-innovation-2023", "en");
    const org = en.variables.find((v) => v.name === "org_type")!;
    expect(org.label).toBe("Type of your organisation");
    expect(org.valueLabels.get(3)).toBe("Foundation");
    const { file: values } = await exportSav("dangjian-innovation-2023", "values");
    expect(values.variables.find((v) => v.name === "org_type")!.valueLabels.get(2)).toBe("民办非企业单位");
  });
});

describe(".sav details", () => {
  it("splits very long strings into 255-byte segments and joins them back", async () => {
    expect(segmentWidths(255)).toEqual([255]);
    expect(segmentWidths(256)).toEqual([255, 4]);
    expect(segmentWidths(600)).toEqual([255, 255, 96]);
    await publishSurvey(database.db, "long-texts", {
      elements: [
        { type: "comment", name: "意见", title: "意见和建议" },
        { type: "text", name: "a_rather_long_variable_name", title: "长名字" },
        { type: "text", name: "founded", inputType: "date", title: "成立日期" },
        { type: "text", name: "ratio", inputType: "number", title: "比例" },
      ],
    });
    const survey = await getSurveyVersion(database.db, "long-texts");
    const long = "党建引领社会治理创新。".repeat(60); // 660 characters, 1,980 bytes
    await insertResponses(database.db, survey.surveyId, [
      {
        id: "00000000-0000-4000-8000-00000000000a",
        version: 1,
        complete: true,
        bodyHash: "a",
        data: { 意见: long, a_rather_long_variable_name: "x", founded: "2001-07-01", ratio: 0.125 },
      },
      { id: "00000000-0000-4000-8000-00000000000b", version: 1, complete: true, bodyHash: "b", data: { 意见: "短", ratio: 12 } },
    ]);
    const { file } = await exportSav("long-texts");
    const names = file.variables.map((v) => v.name);
    expect(names.slice(6)).toEqual(["意见", "a_rather_long_variable_name", "founded", "ratio"]);
    const comment = file.variables.find((v) => v.name === "意见")!;
    expect(comment.width).toBe(1980);
    expect(comment.label).toBe("意见和建议");
    const at = (name: string) => names.indexOf(name);
    expect(file.rows.map((r) => r[at("意见")])).toEqual([long, "短"]);
    // Dates are seconds since 1582-10-14; decimals come from the data.
    expect(file.rows[0][at("founded")]).toBe(Date.UTC(2001, 6, 1) / 1000 + SPSS_EPOCH_OFFSET);
    expect(file.variables.find((v) => v.name === "founded")!.format.type).toBe(20);
    expect(file.rows.map((r) => r[at("ratio")])).toEqual([0.125, 12]);
    expect(file.variables.find((v) => v.name === "ratio")!.format.decimals).toBe(3);
  });

  it("compresses numbers and blanks into one-byte commands", () => {
    const compressor = new CaseCompressor();
    compressor.number(1);
    compressor.number(-99);
    compressor.number(151);
    compressor.number(152);
    compressor.number(null);
    compressor.chunk(Buffer.from("        "), 0);
    compressor.chunk(Buffer.from("北京  "), 0);
    // Seven commands: the block is not complete, nothing can be handed out yet.
    expect(compressor.take()).toHaveLength(0);
    compressor.number(0.5);
    const block = compressor.take();
    expect([...block.subarray(0, 8)]).toEqual([101, 1, 251, 253, 255, 254, 253, 253]);
    expect(block.readDoubleLE(8)).toBe(152);
    expect(block.subarray(16, 24).toString()).toBe("北京  ");
    expect(block.readDoubleLE(24)).toBe(0.5);
    compressor.end();
    expect([...compressor.take()]).toEqual([252, 0, 0, 0, 0, 0, 0, 0]);
  });
});
