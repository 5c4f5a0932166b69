/** The formula guard in result workbooks (issue 11): as in the CSV tables and the raw export. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ResultTable } from "../../src/tables/result-table.js";
import { writeCsv } from "../../src/tables/write-csv.js";
import { writeXlsx } from "../../src/tables/write-xlsx.js";

const table: ResultTable = {
  name: "=1+1",
  title: '=HYPERLINK("http://evil.example","标题")',
  header: [[{ text: "@SUM(A1)" }, { text: "计数" }]],
  rows: [
    [{ value: "+cmd|' /C calc'!A0" }, { value: 3, format: "count" }],
    [{ value: "-2+3" }, { value: -2, format: "count" }],
    [{ value: "普通" }, { value: 1, format: "count" }],
  ],
  notes: ["\t=note"],
} as ResultTable;

describe("writeXlsx", () => {
  it("prefixes every text cell a spreadsheet would run with an apostrophe, keeps numbers, and says so", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx([table], { lang: "en" })) as never);
    const texts: unknown[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil.example","标题")`, "'@SUM(A1)", "'+cmd|' /C calc'!A0", "'-2+3", "普通", 3, -2, "'\t=note"]));
    expect(texts.filter((t) => typeof t === "string" && /^[=+\-@\t\r]/.test(t))).toEqual([]);
    expect(texts.at(-1)).toMatch(/apostrophe|'/i);
  });

  it("agrees with the CSV tables", () => {
    const csv = writeCsv([table], { lang: "en" });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""标题"")"`);
    expect(csv).toContain("'-2+3");
  });
});
