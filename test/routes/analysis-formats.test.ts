/**
 * The analysis calls in every format (vega-lite, svg, png, xlsx, csv) on the reference
 * study's demo data, the presentation errors, and POST /report answering the bundle as
 * a zip. One database with the demo data for the whole file.
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { compileChart } from "../../src/render/index.js";
import { publishSurvey } from "../../src/services/surveys.js";
import { BAOJI, DEMO_TIMEOUT, openAnalysisDatabase, REFERENCE, submitAll } from "../services/analysis/setup.js";

let env: Awaited<ReturnType<typeof openAnalysisDatabase>>;

beforeAll(async () => {
  env = await openAnalysisDatabase({ demo: true });
}, DEMO_TIMEOUT);
afterAll(async () => env?.database.close());

/** A call's raw answer: status, headers and bytes. */
async function call(path: string, body: unknown, headers: Record<string, string> = env.headers) {
  const res = await env.app.request(`/api/surveys/${REFERENCE}/${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get("content-type") ?? "", disposition: res.headers.get("content-disposition") ?? "", bytes, text: bytes.toString("utf8") };
}
const analysis = (kind: string, body: unknown) => call(`analysis/${kind}`, body);

/** Width, height and stored resolution (dpi, from pHYs) of a PNG. */
function pngInfo(png: Buffer) {
  const phys = png.indexOf("pHYs");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), dpi: phys < 0 ? null : Math.round(png.readUInt32BE(phys + 4) * 0.0254) };
}

const socialOrgs = { question: "level", in: ["社会组织"] };
const baoji = { poststratify: { question: "org_type", population: BAOJI } };

describe("format=vega-lite", () => {
  it("answers a spec that compiles without warnings, with the published 52.2 % and its provenance", async () => {
    const res = await analysis("frequencies", { question: "main_problems", format: "vega-lite" });
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/json; charset=utf-8");
    const spec = JSON.parse(res.text) as TopLevelSpec & { data: { values: { value: string; share: number; text: string }[] }; usermeta: { caption: string[] } };
    expect(compileChart(spec).warnings).toEqual([]);
    const first = spec.data.values[0];
    expect(first.value).toBe("管理体制不顺畅");
    expect(first.text).toBe("52.2%");
    expect(spec.usermeta.caption[0]).toBe("有效样本 n = 1812；筛选：无（全部受访者）；未加权");
    expect(res.disposition).toMatch(/^attachment; filename="dangjian-innovation-2023-main_problems\.vl\.json"; filename\*=UTF-8''%E6%82%A8/);
  });
});

describe("format=svg", () => {
  it("draws a cross-tab with its Chinese labels as text, the legend and the per-option test", async () => {
    const res = await analysis("crosstab", { row: "main_problems", column: "level", format: "svg" });
    expect(res.status).toBe(200);
    expect(res.type).toBe("image/svg+xml; charset=utf-8");
    expect(res.text).toMatch(/^<svg /);
    for (const text of ["管理体制不够顺畅", "市级党建工作部门（n = 91）", "逐项 χ² 检验（Holm 校正）", "有效样本 n = 1812"]) expect(res.text).toContain(text);
  });

  it("draws every chart kind that fits: stacked, heatmap, dots, histogram, boxplot, weighted", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["crosstab", { row: "multi_dept", column: "level", chart: "stacked" }, "总体"],
      ["crosstab", { row: "multi_dept", column: "level", chart: "heatmap" }, "调整残差"],
      ["ratio", { numerator: "member_count", denominator: "staff_count", by: "org_type", filter: socialOrgs }, "总体 10.4%"],
      ["numeric", { question: "staff_count", filter: socialOrgs }, "中位数 8"],
      ["numeric", { question: "staff_count", by: "org_type", filter: socialOrgs }, "箱体为四分位距"],
      ["crosstab", { row: "party_org_form", column: "city", filter: socialOrgs, weight: baoji, chart: "stacked" }, "Rao–Scott F"],
    ];
    for (const [kind, body, text] of cases) {
      const res = await analysis(kind, { ...body, format: "svg" });
      expect(res.status, `${kind} ${JSON.stringify(body)}: ${res.text.slice(0, 300)}`).toBe(200);
      expect(res.text, text).toContain(text);
    }
  });

  it("speaks Traditional Chinese and English on request", async () => {
    const hant = await analysis("frequencies", { question: "main_problems", format: "svg", lang: "zh-Hant" });
    expect(hant.text).toContain("管理體制不夠順暢");
    expect(hant.text).toContain("有效樣本");
    const en = await analysis("frequencies", { question: "multi_dept", format: "svg", lang: "en" });
    expect(en.text).toContain("Base: n = 1,812");
  });
});

describe("format=png", () => {
  it("is 16 cm wide at 300 dpi by default, a chosen scale or width otherwise", async () => {
    const printed = await analysis("frequencies", { question: "multi_dept", format: "png" });
    expect(printed.status).toBe(200);
    expect(printed.type).toBe("image/png");
    expect(pngInfo(printed.bytes)).toMatchObject({ width: 1890, dpi: 300 });
    const svg = await analysis("frequencies", { question: "multi_dept", format: "svg" });
    const svgWidth = Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg.text)![1]);
    const scaled = pngInfo((await analysis("frequencies", { question: "multi_dept", format: "png", scale: 2 })).bytes);
    expect(scaled.width).toBe(Math.round(svgWidth * 2));
    expect(scaled.dpi).toBe(192);
    const narrow = pngInfo((await analysis("frequencies", { question: "multi_dept", format: "png", width: 800 })).bytes);
    expect(narrow.width).toBe(800);
    expect(narrow.height / narrow.width).toBeCloseTo(pngInfo(printed.bytes).height / 1890, 2);
  });
});

describe("format=xlsx", () => {
  it("reads back with numbers as numbers, percentages formatted, Chinese headers and a notes row with base and test", async () => {
    const res = await analysis("crosstab", { row: "multi_dept", column: "level", format: "xlsx" });
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as never);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const texts = rows.map((r) => r.filter((v) => v !== null && v !== undefined).map(String));
    expect(texts[1]).toContain("市级党建工作部门");
    expect(texts[2]).toEqual(expect.arrayContaining(["选项", "频数", "列百分比", "调整残差"]));
    const unclear = sheet.getRow(4 + 2); // title, 2 header rows, then the rows in questionnaire order
    expect(unclear.getCell(1).value).toBe("多个管理部门，职责不明确");
    expect(typeof unclear.getCell(2).value).toBe("number");
    expect(unclear.getCell(3).numFmt).toBe("0.0%");
    const notes = texts.flat().filter((t) => t.startsWith("有效样本") || t.startsWith("检验"));
    expect(notes[0]).toContain("n = 1812");
    expect(notes[1]).toMatch(/^检验：χ²\(12\) = /);
  });
});

describe("format=csv", () => {
  it("is UTF-8 with a byte order mark, the published percentage as Excel reads it", async () => {
    const res = await analysis("frequencies", { question: "main_problems", format: "csv" });
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/csv; charset=utf-8");
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toContain("管理体制不够顺畅,946,52.2%");
    expect(res.text).toContain("\r\n");
  });

  it("neutralises a questionnaire text that would run as a formula", async () => {
    const json = {
      title: "注入测试",
      pages: [{ name: "p", elements: [{ type: "radiogroup", name: "q", title: "=1+1", choices: [{ value: "a", text: '=HYPERLINK("http://x")' }, "b"] }] }],
    };
    await publishSurvey(env.db, "injection", json);
    await submitAll(env.db, env.checkers, "injection", [{ q: "a" }, { q: "b" }]);
    const res = await env.app.request("/api/surveys/injection/analysis/frequencies", {
      method: "POST",
      headers: env.headers,
      body: JSON.stringify({ question: "q", format: "csv" }),
    });
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'=1+1");
    expect(text).not.toMatch(/(^|,|\r\n)=/);
  });
});

describe("presentation errors", () => {
  it("answer 422 naming the field before any work", async () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ["frequencies", { question: "main_problems", format: "svg", chart: "heatmap" }, ["chart"]],
      ["frequencies", { question: "main_problems", format: "svg", scale: 2 }, ["scale"]],
      ["frequencies", { question: "main_problems", format: "png", scale: 2, width: 900 }, ["width"]],
      ["crosstab", { row: "party_org_form", column: "city", weight: baoji, format: "png", chart: "heatmap" }, ["chart"]],
      ["crosstab", { row: "main_problems", column: "level", format: "svg", chart: "stacked" }, ["chart"]],
      ["numeric", { question: "staff_count", by: "org_type", format: "svg", chart: "histogram" }, ["chart"]],
      ["ratio", { numerator: "member_count", denominator: "staff_count", format: "gif" }, ["format"]],
    ];
    for (const [kind, body, fields] of cases) {
      const res = await analysis(kind, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.type).toContain("application/problem+json");
      expect(JSON.parse(res.text).errors.map((e: { question: string }) => e.question)).toEqual(fields);
    }
  });
});

describe("POST /api/surveys/{name}/report", () => {
  const definition = {
    analyses: [
      { type: "frequencies", title: "主要问题", question: "main_problems" },
      { type: "crosstab", title: "管理部门（按层级）", row: "multi_dept", column: "level", chart: "heatmap" },
      { type: "ratio", title: "党员比例", numerator: "member_count", denominator: "staff_count", filter: socialOrgs },
    ],
  };

  it("answers the bundle as a zip: the page, the workbook and each chart as PNG and SVG", async () => {
    const res = await call("report", definition);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/zip");
    expect(res.disposition).toContain(`filename="${REFERENCE}-report.zip"`);
    const files = unzipSync(res.bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        "report.html",
        "report.xlsx",
        "definition.json",
        ...["01-main_problems", "02-multi_dept-by-level", "03-member_count-per-staff_count"].flatMap((s) => ["png", "svg", "vl.json"].map((e) => `charts/${s}.${e}`)),
      ].sort(),
    );
    const html = strFromU8(files["report.html"]);
    expect(html).toContain("<title>社会组织党建工作创新调查问卷</title>");
    for (const figure of ["52.2%", "10.4%"]) expect(html).toContain(figure);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(3);
    expect(html).not.toMatch(/https?:\/\//);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files["report.xlsx"]) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["01 主要问题", "02 管理部门（按层级）", "03 党员比例"]);
    expect(pngInfo(Buffer.from(files["charts/01-main_problems.png"]))).toMatchObject({ width: 1890, dpi: 300 });
    // Six renders and a workbook in a worker thread: about 3 s alone, but over 30 s was seen with two suites sharing two cores.
  }, 120_000);

  it("names the analysis and field of a bad definition, and needs a researcher", async () => {
    const bad = await call("report", { analyses: [definition.analyses[0], { type: "frequencies", title: "x", question: "nope" }] });
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).errors[0].question).toBe("analyses.1.question");
    const shape = await call("report", { analyses: [{ type: "frequencies", question: "main_problems" }] });
    expect(shape.status).toBe(422);
    expect(JSON.parse(shape.text).errors[0].question).toBe("analyses.0.title");
    const anonymous = await call("report", definition, { "content-type": "application/json" });
    expect(anonymous.status).toBe(401);
  });
});
