import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnLetter, decodeText, parseCsv, readTable } from "../../../src/services/import/read-table.js";

describe("reading uploaded tables", () => {
  it("parses RFC 4180 CSV: quotes, doubled quotes, line breaks in fields, CRLF", () => {
    expect(parseCsv('a,b\r\n"x, y","he said ""hi"""\r\n"多\n行",2\n')).toEqual([
      ["a", "b"],
      ["x, y", 'he said "hi"'],
      ["多\n行", "2"],
    ]);
    expect(parseCsv("a\tb\n1\t2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a;b\n1;2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("reads UTF-8 with or without BOM, and GB18030 as Excel on Chinese Windows saves it", () => {
    expect(decodeText(Buffer.from("\uFEFF城市\n北京"))).toBe("城市\n北京");
    // "城市,北京" in GBK.
    expect(decodeText(Buffer.from([0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0xb1, 0xb1, 0xbe, 0xa9]))).toBe("城市,北京");
  });

  it("numbers rows as the spreadsheet does", async () => {
    const table = await readTable(Buffer.from("\uFEFF城市,人数\r\n北京,3\r\n,\r\n南京,\r\n"));
    expect(table).toEqual({
      format: "csv",
      headers: ["城市", "人数"],
      rows: [
        { row: 2, cells: ["北京", "3"] },
        { row: 3, cells: [null, null] },
        { row: 4, cells: ["南京", null] },
      ],
    });
  });

  it("reads the first sheet of an XLSX file: numbers, dates, rich text, formula results", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("录入");
    sheet.addRow(["城市", "人数", "日期", "说明", "合计"]);
    sheet.addRow(["北京", 3, new Date(Date.UTC(2023, 4, 1)), { richText: [{ text: "党建" }, { text: "引领" }] }, { formula: "B2*2", result: 6 }]);
    workbook.addWorksheet("变量说明 codebook").addRow(["不读"]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.headers).toEqual(["城市", "人数", "日期", "说明", "合计"]);
    expect(table.rows).toEqual([{ row: 2, cells: ["北京", 3, new Date(Date.UTC(2023, 4, 1)), "党建引领", 6] }]);
  });

  it("names columns A…Z, AA…", () => {
    expect([0, 25, 26, 31, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AF", "ZZ", "AAA"]);
  });
});
