/**
 * The report bundle of the reference study, as on a fresh clone: `demo load` then
 * `report` on a new embedded database, and every file of the bundle checked — the
 * page, the charts, and the workbook read back by exceljs and by LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import definition from "../../surveys/reports/dangjian-innovation-2023.report.json" with { type: "json" };
import { requireCommand } from "../helpers/machine.js";
import { runScript } from "../helpers/spawn.js";

const work = mkdtempSync(join(tmpdir(), "djs-report-"));
const out = join(work, "report");
// Always the embedded database in a fresh folder: what `npm run cli` does on a fresh clone.
const env = { DATABASE_URL: "", DATA_DIR: join(work, "data") };
const cli = (...args: string[]) => runScript("src/cli/index.ts", args, env);

let run: Awaited<ReturnType<typeof cli>>;
let html: string;
beforeAll(async () => {
  const demo = await cli("demo", "load");
  expect(demo.code, demo.stderr).toBe(0);
  run = await cli("report", "dangjian-innovation-2023", "--out", out);
  html = existsSync(join(out, "report.html")) ? readFileSync(join(out, "report.html"), "utf8") : "";
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const COUNT = definition.analyses.length;

describe("npm run cli -- report dangjian-innovation-2023 --out DIR", () => {
  it("runs the shipped definition with a progress bar and says what it wrote", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/报告 report dangjian-innovation-2023 \[█+\] 100% 26\/26/);
    expect(run.stdout).toContain(`report.html: ${COUNT} analyses of 1812 complete responses`);
    expect(readdirSync(out).sort()).toEqual(["charts", "definition.json", "report.html", "report.xlsx"]);
  });

  it("writes a self-contained page with the three published figures, every chart and the methods", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-Hans">/);
    for (const figure of ["52.2%", "39.6%", "10.4%"]) expect(html).toContain(figure);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(COUNT);
    for (const a of definition.analyses) expect(html).toContain(a.title);
    // Nothing loaded from elsewhere: no URL with a scheme or protocol-relative, no stylesheet or script link.
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(html).not.toMatch(/<link|<script/i);
    const methods = html.slice(html.indexOf('id="methods"'));
    for (const words of ["1812 份问卷", "Wilson", "Pearson χ²", "Holm", "Bonferroni", "Rao–Scott", "总量之比", '社会团体</th><td class="num">287</td><td class="num">793</td>']) {
      expect(methods).toContain(words);
    }
  });

  it("writes each chart as a 300 dpi PNG 16 cm wide, an SVG with its Chinese text and a vega-lite spec", () => {
    const files = readdirSync(join(out, "charts"));
    expect(files).toHaveLength(COUNT * 3);
    for (const png of files.filter((f) => f.endsWith(".png"))) {
      const bytes = readFileSync(join(out, "charts", png));
      expect(bytes.readUInt32BE(16), png).toBe(1890);
      const phys = bytes.indexOf("pHYs");
      expect(Math.round(bytes.readUInt32BE(phys + 4) * 0.0254), png).toBe(300);
    }
    expect(readFileSync(join(out, "charts", "01-main_problems.svg"), "utf8")).toContain(">管理体制不够顺畅<");
    expect(readFileSync(join(out, "charts", "07-multi_dept-by-level.svg"), "utf8")).toContain("调整残差");
    expect(JSON.parse(readFileSync(join(out, "charts", "12-party_org_form-by-city.vl.json"), "utf8")).description).toContain("Rao–Scott");
  });

  it("writes one workbook with a sheet per table that exceljs reads back: Chinese headers, numbers, percent formats", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, "report.xlsx"));
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toHaveLength(COUNT);
    expect(new Set(names).size).toBe(COUNT);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names[0]).toBe("01 社会组织党建工作创新需要破解的主要问题");
    const first = workbook.worksheets[0];
    expect(first.getRow(2).values).toEqual(expect.arrayContaining(["选项", "频数", "百分比"]));
    const row = first.getRow(3);
    expect(row.getCell(1).value).toBe("管理体制不够顺畅");
    expect(row.getCell(2).value).toBe(946);
    expect(row.getCell(3).numFmt).toBe("0.0%");
    expect((row.getCell(3).value as number).toFixed(3)).toBe("0.522");
  });

  it("writes a workbook LibreOffice opens: every sheet converts to CSV", () => {
    requireCommand("soffice", "libreoffice-calc-nogui");
    const converted = join(work, "soffice");
    const result = spawnSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${join(work, "soffice-profile")}`,
        "--convert-to",
        // Token 12 = -1: every sheet to its own file.
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        converted,
        join(out, "report.xlsx"),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const sheets = readdirSync(converted).filter((f) => f.endsWith(".csv"));
    expect(sheets).toHaveLength(COUNT);
    const first = readFileSync(join(converted, sheets.sort()[0]), "utf8");
    expect(first).toContain("选项,频数,百分比");
    // LibreOffice read the share as a number with a percent format, not as text.
    expect(first).toMatch(/管理体制不够顺畅,946,52\.2\d*%/);
  });

  it("names the analysis and field of a bad definition, without a stack trace", async () => {
    const file = join(work, "bad.report.json");
    writeFileSync(file, JSON.stringify({ title: "x", analyses: [{ type: "crosstab", title: "x", row: "main_problems", column: "nope" }] }));
    const bad = await cli("report", "dangjian-innovation-2023", "--definition", file, "--out", join(work, "bad"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("analyses.0.column: 'nope' is not a question of 'dangjian-innovation-2023'");
    expect(bad.stderr).not.toContain("    at ");
    const help = await cli("report", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--definition FILE");
  });
});
