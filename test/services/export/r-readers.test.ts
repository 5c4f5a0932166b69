/**
 * The exports read back by independent readers in R: .sav by haven (ReadStat) and foreign (from
 * PSPP) through test/fixtures/export/read-sav.R; CSV, XLSX and JSON Lines by utils::read.csv,
 * readxl and jsonlite through test/fixtures/export/read-text-exports.R. `npm test` installs R
 * and these packages where they are missing (scripts/setup-test-machine.sh); without them the
 * tests fail saying so.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { neutralise } from "../../../src/lib/formula-injection.js";
import { isoTimeText, textRenderer, zonedTimeText } from "../../../src/services/export/cells.js";
import { prepareExport, type ExportFormat } from "../../../src/services/export/index.js";
import { SPSS_EPOCH_OFFSET } from "../../../src/services/export/sav-bytes.js";
import { zoneOffsetMs } from "../../../src/lib/time-zone.js";
import { readBatches } from "../../../src/services/export/source.js";
import { RowContext, type Layout } from "../../../src/services/dataset/variables.js";
import { Visibility } from "../../../src/questionnaire/visibility.js";
import { insertResponses } from "../../../src/services/import/store.js";
import { getSurveyVersion, publishSurvey } from "../../../src/services/surveys.js";
import { openTestDatabase } from "../../helpers/database.js";
import { requireRPackages } from "../../helpers/machine.js";
import { projectRoot } from "../../helpers/spawn.js";
import { collect, publishReferenceWithDemo } from "./demo-fixture.js";

const script = join(projectRoot, "test/fixtures/export/read-sav.R");
const textScript = join(projectRoot, "test/fixtures/export/read-text-exports.R");
const env = { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };

interface RSide {
  names: string[];
  variable_labels: Record<string, string | null>;
  data: Record<string, (number | string | null)[]>;
}
interface RResult {
  haven: RSide & {
    label: string;
    value_labels: Record<string, Record<string, number> | null>;
    na_values: Record<string, number | number[] | null>;
    formats: Record<string, string>;
  };
  foreign: RSide & { label_table: Record<string, Record<string, number> | null>; missings: Record<string, { type: string; value?: number | number[] }> };
}

let database: Database;
let work: string;
beforeAll(async () => {
  requireRPackages(["haven", "foreign", "readxl", "jsonlite"]);
  database = await openTestDatabase();
  work = mkdtempSync(join(tmpdir(), "r-readers-"));
});
afterAll(async () => {
  await database?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function readInR(name: string): Promise<{ result: RResult; layout: Layout }> {
  const prepared = await prepareExport(database.db, name, { format: "sav", labels: "zh-Hans", filter: {} });
  const file = join(work, `${name}.sav`);
  writeFileSync(file, await collect(prepared.body));
  const run = spawnSync("Rscript", [script, file], { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`read-sav.R failed: ${run.stderr}`);
  return { result: JSON.parse(run.stdout) as RResult, layout: prepared.layout };
}

/** Each variable's cells as R should see them: times in seconds (haven: since 1970, foreign: since 1582). */
async function expectedColumns(name: string, layout: Layout, reader: "haven" | "foreign") {
  const survey = await getSurveyVersion(database.db, name);
  const columns: Record<string, (number | string | null)[]> = Object.fromEntries(layout.variables.map((v) => [v.name, []]));
  const visibility = new Visibility();
  for await (const batch of readBatches(database.db, survey.surveyId, {})) {
    for (const row of batch) {
      const context = new RowContext(row, visibility);
      for (const v of layout.variables) {
        const raw = v.read(context);
        let cell: number | string | null = raw;
        // .sav date-times are the wall-clock time in the survey's zone (Asia/Shanghai by default).
        if (v.format === "DATETIME" && typeof raw === "number") cell = (raw + zoneOffsetMs(raw, "Asia/Shanghai")) / 1000 + (reader === "foreign" ? SPSS_EPOCH_OFFSET : 0);
        if (v.storage === "string") cell = raw === null ? "" : String(raw);
        columns[v.name].push(cell);
      }
    }
  }
  return columns;
}

/**
 * Times to the millisecond they were stored with. foreign hands back seconds since 1582 that R
 * prints a last binary digit apart from the double written (14015537833.276001 for .276), on
 * some milliseconds and not others; the time itself is the same.
 */
function toMilliseconds(columns: Record<string, (number | string | null)[]>, layout: Layout) {
  const out = { ...columns };
  for (const v of layout.variables) {
    if (v.format === "DATETIME") out[v.name] = columns[v.name].map((x) => (typeof x === "number" ? Math.round(x * 1000) : x));
  }
  return out;
}

/** Each variable's cells as text: as the CSV writes them (neutralised) or as JSON holds them. */
async function expectedText(name: string, layout: Layout, neutralised: boolean, format: "csv" | "jsonl" = "csv") {
  const survey = await getSurveyVersion(database.db, name);
  const times = format === "csv" ? zonedTimeText("Asia/Shanghai") : isoTimeText;
  const renderers = layout.variables.map((v) => textRenderer(v, layout.mode === "values", times));
  const columns: Record<string, string[]> = Object.fromEntries(layout.variables.map((v) => [v.name, []]));
  const visibility = new Visibility();
  for await (const batch of readBatches(database.db, survey.surveyId, {})) {
    for (const row of batch) {
      const context = new RowContext(row, visibility);
      layout.variables.forEach((v, i) => {
        const cell = renderers[i](v.read(context));
        columns[v.name].push(cell === null ? "" : typeof cell === "string" && neutralised ? neutralise(cell) : String(cell));
      });
    }
  }
  return columns;
}

describe("read back in R", () => {
  it("reads the reference study's 1,812 responses with names, labels, value labels, missing values and data intact", async () => {
    await publishReferenceWithDemo(database.db);
    const { result, layout } = await readInR("dangjian-innovation-2023");
    const names = layout.variables.map((v) => v.name);
    const labels = Object.fromEntries(layout.variables.map((v) => [v.name, v.label]));
    const valueLabels = (name: string) => Object.fromEntries(layout.variables.find((v) => v.name === name)!.labels.map((l) => [l.label, l.code]));
    for (const side of [result.haven, result.foreign]) {
      expect(side.names).toEqual(names);
      expect(side.variable_labels).toEqual(labels);
    }
    expect(result.haven.label).toBe("社会组织党建工作创新调查问卷");
    for (const name of ["level", "org_type", "party_org_form", "main_problems_1", "complete"]) {
      expect(result.haven.value_labels[name]).toEqual(valueLabels(name));
      expect(result.foreign.label_table[name]).toEqual(valueLabels(name));
    }
    expect(result.haven.na_values.org_type).toBe(-1);
    expect(result.foreign.missings.org_type).toEqual({ type: "one", value: -1 });
    expect(result.haven.formats.created_at).toBe("DATETIME20");
    expect(result.haven.data).toEqual(await expectedColumns("dangjian-innovation-2023", layout, "haven"));
    expect(toMilliseconds(result.foreign.data, layout)).toEqual(toMilliseconds(await expectedColumns("dangjian-innovation-2023", layout, "foreign"), layout));
    // The published figure, counted by R: 946 of 1,812 (52.2 %) chose the first problem.
    expect(result.haven.data.main_problems_1.filter((v) => v === 1)).toHaveLength(946);
  }, 120_000);

  it("reads the CSV, XLSX and JSON Lines exports of the 1,812 responses with R's own readers", async () => {
    const files: string[] = [];
    let layout: Layout | undefined;
    for (const format of ["csv", "xlsx", "jsonl"] as ExportFormat[]) {
      const prepared = await prepareExport(database.db, "dangjian-innovation-2023", { format, labels: "zh-Hans", filter: {} });
      layout = prepared.layout;
      const file = join(work, `export.${format}`);
      writeFileSync(file, await collect(prepared.body));
      files.push(file);
    }
    const run = spawnSync("Rscript", [textScript, ...files], { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`read-text-exports.R failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as Record<"csv" | "xlsx" | "jsonl", { names: string[]; data: Record<string, string[]>; sheets?: string[] }> & {
      xlsx_times: Record<string, { class: string; data: string[] }>;
    };
    const names = layout!.variables.map((v) => v.name);
    const asText = await expectedText("dangjian-innovation-2023", layout!, true);
    expect(result.csv.names).toEqual(names);
    expect(result.csv.data).toEqual(asText);
    expect(result.xlsx.sheets).toEqual(["答卷数据", "变量说明 codebook"]);
    expect(result.xlsx.names).toEqual(names);
    // Times are Excel date-times, not text: readxl reads them as dates holding the Beijing
    // wall-clock time (the CSV's text without its offset); every other cell reads as the CSV.
    const times = layout!.variables.filter((v) => v.format === "DATETIME").map((v) => v.name);
    expect(Object.keys(result.xlsx_times)).toEqual(times);
    for (const name of times) {
      expect(result.xlsx_times[name].class).toBe("POSIXct");
      expect(result.xlsx_times[name].data).toEqual(asText[name].map((t) => t.replace(/\+08:00$/, "")));
      expect(asText[name].filter((t) => t !== "").every((t) => t.endsWith("+08:00"))).toBe(true);
    }
    const withoutTimes = (data: Record<string, string[]>) => Object.fromEntries(Object.entries(data).filter(([n]) => !times.includes(n)));
    expect(withoutTimes(result.xlsx.data)).toEqual(withoutTimes(asText));
    expect(result.jsonl.names).toEqual(names);
    expect(result.jsonl.data).toEqual(await expectedText("dangjian-innovation-2023", layout!, false, "jsonl"));
  }, 120_000);

  it("keeps very long Chinese strings (haven joins the segments; foreign shows them as V… columns)", async () => {
    await publishSurvey(database.db, "long-texts", {
      elements: [
        { type: "comment", name: "意见", title: "意见和建议" },
        { type: "text", name: "n", inputType: "number" },
      ],
    });
    const survey = await getSurveyVersion(database.db, "long-texts");
    const long = "党建引领社会治理创新。".repeat(60);
    await insertResponses(database.db, survey.surveyId, [{ id: "00000000-0000-4000-8000-0000000000a1", version: 1, complete: true, bodyHash: "x", data: { 意见: long, n: 1.5 } }]);
    const { result } = await readInR("long-texts");
    expect(result.haven.data["意见"]).toEqual([long]);
    expect(result.haven.formats["意见"]).toBe("A1980");
    // foreign predates very long strings: it lists the 255-byte segments, which join to the text.
    const at = result.foreign.names.indexOf("意见");
    const segments = result.foreign.names.slice(at, result.foreign.names.indexOf("n"));
    expect(segments).toHaveLength(Math.ceil(1980 / 252));
    expect(segments.map((s) => result.foreign.data[s][0]).join("")).toBe(long);
    expect(result.foreign.data.n).toEqual([1.5]);
  }, 60_000);
});
