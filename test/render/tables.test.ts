import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { neutralise } from "../../src/lib/formula-injection.js";
import { afterAll, describe, expect, it } from "vitest";
import { crosstab, frequencies, multipleResponseCrosstab, numericSummaryByGroup, ratioOfTotals } from "../../analysis/index.js";
import { requireCommand } from "../helpers/machine.js";
import { crosstabTable, frequencyTable, numericTable, ratioTable, UTF8_BOM, writeCsv, writeXlsx, type ResultTable } from "../../src/tables/index.js";

const PROBLEMS = ["管理体制不顺畅", "创新动力不足", "有效覆盖不高", "other"];
const mainProblems = frequencies({ labels: PROBLEMS, counts: [946, 670, 741, 61], multiple: true, valid: 1812, missing: 0 });
const LEVELS = ["市", "区(县)", "街道(乡镇)", "社区(村)", "社会组织"];
const multiDept = crosstab({
  rowLabels: ["单一管理部门，职责明确", "多个管理部门，职责明确", "多个管理部门，职责不明确", "不清楚"],
  columnLabels: LEVELS,
  counts: [
    [14, 45, 67, 87, 139],
    [32, 96, 100, 149, 158],
    [38, 107, 155, 187, 231],
    [7, 24, 40, 30, 106],
  ],
});
const tables: ResultTable[] = [
  frequencyTable(mainProblems, { lang: "zh-Hans", title: "社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）" }),
  crosstabTable(multiDept, { lang: "zh-Hans", title: "党建工作管理部门的情况", columnTitle: "层级" }),
  crosstabTable(
    multipleResponseCrosstab({
      optionLabels: PROBLEMS,
      columnLabels: ["北京", "南京"],
      selected: [
        [760, 186],
        [540, 130],
        [600, 141],
        [50, 11],
      ],
      bases: [1450, 362],
    }),
    { lang: "zh-Hant", title: "主要問題（按城市）", columnTitle: "城市" },
  ),
  ratioTable(ratioOfTotals({ groups: [{ label: "社会团体", n: 287, sumWX: 6000, sumWY: 560, sumW2X2: 900000, sumW2Y2: 9000, sumW2XY: 80000 }] }), {
    lang: "en",
    title: "Party members / staff",
  }),
  numericTable(numericSummaryByGroup([{ label: "社会团体", data: [3, 5, 8, 12, 30], missing: 1 }]), { lang: "zh-Hans", title: "从业人员数" }),
];
const dir = mkdtempSync(join(tmpdir(), "tables-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("XLSX", async () => {
  const bytes = await writeXlsx(tables);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never); // exceljs types its Buffer older than @types/node

  it("has one sheet per table, named within Excel's rules", () => {
    expect(workbook.worksheets).toHaveLength(tables.length);
    for (const sheet of workbook.worksheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(workbook.worksheets[0].name).toBe("社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）");
    expect(workbook.worksheets[3].name).toBe("Party members - staff");
  });

  it("stores numbers as numbers, percentages with a 0.0% format, headers in Chinese", () => {
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe(tables[0].title);
    expect(sheet.getRow(2).values).toEqual([undefined, "选项", "频数", "百分比", "95% 置信区间下限", "95% 置信区间上限", "响应百分比"]);
    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe("管理体制不顺畅");
    expect(first.getCell(2).value).toBe(946);
    expect(first.getCell(2).numFmt).toBe("0");
    expect(first.getCell(3).value).toBe(0.522); // 946 / 1812 as "0.0%" shows it
    expect(first.getCell(3).numFmt).toBe("0.0%");
    expect(typeof first.getCell(4).value).toBe("number");
    expect(sheet.getRow(6).getCell(1).value).toBe("其他");
    expect(sheet.getRow(7).getCell(1).value).toBe("合计");
    expect(sheet.getRow(7).getCell(2).value).toBe(1812);
  });

  it("ends each sheet with notes: base, filter, weighting and the test", () => {
    const notes = (index: number) => {
      const out: string[] = [];
      workbook.worksheets[index].eachRow((row) => {
        const v = row.getCell(1).value;
        if (typeof v === "string" && row.cellCount === 1) out.push(v);
      });
      return out.join("\n");
    };
    expect(notes(0)).toContain("有效样本 n = 1812；筛选：无（全部受访者）；未加权");
    expect(notes(0)).toContain("多选题");
    expect(notes(1)).toMatch(/检验：χ²\(12\) = \d+\.\d，p < \.001，V = 0\.\d\d/);
    expect(notes(2)).toMatch(/檢驗：逐項 χ² 檢驗（Holm 校正）/);
    expect(notes(3)).toContain("Base: n = 287");
  });

  it("spans the column groups of a cross-tab over their count, percentage and residual", () => {
    const sheet = workbook.worksheets[1];
    expect(sheet.getRow(2).getCell(2).value).toBe("市");
    expect(sheet.getRow(2).getCell(2).isMerged).toBe(true);
    expect(sheet.getRow(2).getCell(5).value).toBe("区(县)");
    expect(sheet.getRow(3).getCell(2).value).toBe("频数");
    expect(sheet.getRow(3).getCell(3).value).toBe("列百分比");
    expect(sheet.getRow(3).getCell(4).value).toBe("调整残差");
    expect(sheet.getRow(4).getCell(3).value).toBe(0.154); // 14 / 91
    expect(sheet.getRow(4).getCell(4).value).toBe(Number(multiDept.adjustedResiduals[0][0]!.toFixed(2)));
    expect(sheet.getRow(4).getCell(4).numFmt).toBe("0.00");
  });

  it("LibreOffice opens the workbook and converts it without error", () => {
    requireCommand("soffice", "libreoffice-calc-nogui");
    const file = join(dir, "tables.xlsx");
    writeFileSync(file, bytes);
    const run = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, file],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const csv = readFileSync(join(dir, "tables.csv"), "utf8");
    // LibreOffice quotes text and writes numbers in their cell format: numbers stayed numbers.
    expect(csv).toContain('"管理体制不顺畅",946,52.2%,');
    expect(csv).toContain('"选项","频数","百分比"');
  }, 130_000);
});

describe("CSV", () => {
  const csv = writeCsv(tables);
  it("is UTF-8 with a byte order mark and CRLF line ends", () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain("\r\n");
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
  it("writes counts as numbers and percentages as Excel reads them", () => {
    expect(csv).toContain("\r\n管理体制不顺畅,946,52.2%,");
    expect(writeCsv(tables.slice(0, 1), { percent: "fraction" })).toContain("管理体制不顺畅,946,0.522,");
  });
  it("quotes cells with commas and quotes", () => {
    // A full-width comma is no separator: no quotes needed.
    expect(csv).toContain("\r\n单一管理部门，职责明确,14,");
    const quoted = writeCsv([{ name: "t", title: 'a "b", c', header: [[{ text: "x" }]], rows: [], notes: [] }]);
    expect(quoted).toContain('"a ""b"", c"');
  });
  it("neutralises every text cell that could start a formula, and says so", () => {
    const hostile: ResultTable = {
      name: "t",
      title: '=HYPERLINK("http://example.invalid","点击")',
      header: [[{ text: "+选项" }, { text: "频数" }]],
      rows: [
        [{ value: "-1+2" }, { value: -3, format: "count" }],
        [{ value: "@SUM(A1)" }, { value: 4, format: "count" }],
        [{ value: "\t=1" }, { value: 5, format: "count" }],
        [{ value: "\r=1" }, { value: 6, format: "count" }],
        [{ value: "安全" }, { value: 7, format: "count" }],
      ],
      notes: ["=cmd|' /C calc'!A0"],
    };
    const out = writeCsv([hostile]);
    const lines = out.slice(1).split("\r\n");
    expect(lines[0]).toBe(`"'=HYPERLINK(""http://example.invalid"",""点击"")"`);
    expect(lines[1]).toBe("'+选项,频数");
    expect(lines[2]).toBe("'-1+2,-3");
    expect(lines[3]).toBe("'@SUM(A1),4");
    expect(lines[4]).toBe("'\t=1,5");
    expect(lines[5]).toBe(`"'\r=1",6`);
    expect(lines[6]).toBe("安全,7");
    expect(out).toContain("'=cmd|' /C calc'!A0");
    expect(out).toContain("以 = + - @ 或制表符、回车开头的文本单元格已在前面加单引号");
    expect(writeCsv(tables)).not.toContain("单引号");
    expect(neutralise("正常")).toBe("正常");
  });
});

describe("shown digits", () => {
  // The first cross-tab cell: 14 of 91 (0.153846…) with an adjusted residual of -1.6…
  const residual = multiDept.adjustedResiduals[0][0]!;
  it("writes cross-tab residuals and percentages in CSV to the digits the table shows", () => {
    const line = writeCsv([tables[1]])
      .split("\r\n")
      .find((l) => l.startsWith("单一管理部门"))!;
    expect(line.split(",").slice(1, 4)).toEqual(["14", "15.4%", residual.toFixed(2)]);
    const fractions = writeCsv([tables[1]], { percent: "fraction" })
      .split("\r\n")
      .find((l) => l.startsWith("单一管理部门"))!;
    expect(fractions.split(",").slice(1, 4)).toEqual(["14", "0.154", residual.toFixed(2)]);
  });

  it("stores cross-tab residuals and percentages in XLSX rounded as their format shows them", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx([tables[1]])) as never);
    const row = workbook.worksheets[0].getRow(4);
    expect(row.getCell(3).value).toBe(0.154);
    expect(row.getCell(4).value).toBe(Number(residual.toFixed(2)));
    expect(row.getCell(4).numFmt).toBe("0.00");
  });

  it("rounds weighted counts, ratios and means too, keeping -0 out", () => {
    const table: ResultTable = {
      name: "t",
      title: "t",
      header: [[{ text: "x" }]],
      rows: [[{ value: "a" }, { value: 12.345678, format: "weighted" }, { value: 0.1041666, format: "ratio" }, { value: -0.0004, format: "decimal" }]],
      notes: [],
    };
    expect(writeCsv([table])).toContain("\r\na,12.3,0.104,0.00\r\n");
  });
});
