import { strToU8 } from "fflate";
import { zipBundle } from "../services/export/zip.js";
import { writeXlsx } from "../tables/index.js";
import { chartFiles, reportHtml } from "./html.js";
import type { Report } from "./run.js";

/** The files of a report bundle by path: report.html, report.xlsx, charts/NN-name.{png,svg,vl.json}, definition.json. */
export type ReportFiles = Map<string, Uint8Array>;

/** Called once per file written, with its path. */
export type FileProgress = (path: string) => void;

/**
 * Writes a computed report into its files: the self-contained HTML page, one workbook
 * with a sheet per table, each chart as 300 dpi PNG, SVG and vega-lite spec, and the
 * definition it was made from.
 *
 * @param report a computed report
 * @param onFile called after the page and after the workbook
 * @returns the files by path
 */
export async function reportFiles(report: Report, onFile?: FileProgress): Promise<ReportFiles> {
  const files: ReportFiles = new Map();
  files.set("report.html", strToU8(reportHtml(report)));
  onFile?.("report.html");
  files.set(
    "report.xlsx",
    new Uint8Array(
      await writeXlsx(
        report.items.map((i) => i.table),
        { lang: report.ctx.lang },
      ),
    ),
  );
  onFile?.("report.xlsx");
  for (const item of report.items) {
    const paths = chartFiles(item);
    files.set(paths.png, new Uint8Array(item.png));
    files.set(paths.svg, strToU8(item.svg));
    files.set(paths.spec, strToU8(JSON.stringify(item.spec, null, 2)));
  }
  files.set("definition.json", strToU8(JSON.stringify(report.definition, null, 2)));
  return files;
}

/**
 * The files as one zip, streamed by the export bundle's zip writer (PNG and XLSX are
 * compressed already and are stored as they are).
 *
 * @param files the report's files
 * @returns the zip's bytes, chunk by chunk
 */
export function zipReport(files: ReportFiles): AsyncGenerator<Uint8Array> {
  return zipBundle([...files].map(([name, bytes]) => ({ name, data: [bytes], stored: /\.(png|xlsx)$/.test(name) })));
}
