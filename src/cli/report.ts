import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readEnv } from "../env.js";
import { AppError } from "../errors.js";
import { reportFiles } from "../report/bundle.js";
import { parseDefinition, type ReportDefinition } from "../report/definition.js";
import { reportSteps, runReport } from "../report/run.js";
import { LANGUAGES, type Language } from "../services/analysis/requests.js";
import { HelpRequested, parseCommandArgs } from "./args.js";
import { CliError } from "./cli-error.js";
import { openCliDatabase } from "./open.js";
import { runningServer } from "./remote.js";
import { controlFrames } from "../control/stream-client.js";
import { progressBar } from "./progress.js";

export const reportHelp = `npm run cli -- report <survey> [options]

Runs the analyses of a report definition and writes the report bundle into a folder:
  report.html     the report: charts, tables and a methods section, in one self-contained page
  report.xlsx     one workbook, a sheet per table
  charts/         each chart as NN-name.png (16 cm at 300 dpi), .svg and .vl.json (vega-lite)
  definition.json the definition the report was made from

Options:
  --definition FILE   the report definition (JSON: { title, subtitle?, lang?, analyses: [...] });
                      default surveys/reports/<survey>.report.json
  --out DIR           where to write (default ./report-<survey>)
  --lang zh-Hans|zh-Hant|en
                      language of labels and texts (default: the definition's, else zh-Hans)

The reference study ships with a definition:
  npm run cli -- demo load
  npm run cli -- report dangjian-innovation-2023 --out /tmp/report
`;

/** Reads report options; mistakes are CliErrors. */
export function parseReportArgs(args: string[]) {
  const { values, positionals } = parseCommandArgs(args, reportHelp, { definition: { type: "string" }, out: { type: "string" }, lang: { type: "string" } });
  const survey = positionals[0];
  if (!survey) throw new HelpRequested(reportHelp);
  if (positionals.length > 1) throw new CliError(`One survey at a time; got ${positionals.join(", ")}.`);
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new CliError(`--lang must be one of ${LANGUAGES.join(", ")}; got '${values.lang}'.`);
  }
  return {
    survey,
    definition: values.definition ?? join(readEnv().SURVEYS_DIR, "reports", `${survey}.report.json`),
    defaultDefinition: values.definition === undefined,
    out: values.out ?? `report-${survey}`,
    lang: values.lang as Language | undefined,
  };
}

/** `report <survey> …`: runs the definition and writes the bundle, with a progress bar. */
export async function reportCommand(args: string[]): Promise<void> {
  const options = parseReportArgs(args);
  const definition = await readDefinition(options.definition, options.defaultDefinition, options.lang);
  const started = Date.now();
  const server = runningServer();
  const summary = server ? await reportRemotely(server, options, definition) : await reportLocally(options, definition);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${join(options.out, "report.html")}: ${summary.analyses} analyses of ${summary.complete} complete responses\n` +
      `${join(options.out, "report.xlsx")}: ${summary.analyses} sheets\n` +
      `${join(options.out, "charts")}/: ${summary.analyses} charts as PNG, SVG and vega-lite\n` +
      `done in ${seconds} s\n`,
  );
}

type ReportArgs = ReturnType<typeof parseReportArgs>;

/** What the summary lines say. */
interface Summary {
  analyses: number;
  complete: number;
}

async function reportLocally(options: ReportArgs, definition: ReportDefinition): Promise<Summary> {
  const database = await openCliDatabase();
  try {
    const steps = reportSteps(definition);
    const bar = progressBar(`报告 report ${options.survey}`, steps + 2);
    const report = await runReport(database.db, options.survey, definition, { onProgress: (done) => bar.update(done) }).catch(explain);
    let done = steps;
    const files = await reportFiles(report, () => bar.update(++done));
    bar.finish(steps + 2);
    for (const [path, bytes] of files) await writeInto(options.out, path, [bytes]);
    return { analyses: report.items.length, complete: report.sample.complete };
  } finally {
    await database.close();
  }
}

/** The report built by the running server: the same bar from its progress events, each file written as it comes. */
async function reportRemotely(dataDir: string, options: ReportArgs, definition: ReportDefinition): Promise<Summary> {
  const steps = reportSteps(definition);
  const bar = progressBar(`报告 report ${options.survey}`, steps + 2);
  let summary: Summary | undefined;
  let file: { path: string; pieces: Uint8Array[] } | undefined;
  const frames = controlFrames(dataDir, `/report/${encodeURIComponent(options.survey)}`, { json: definition });
  try {
    for await (const frame of frames) {
      if (frame.kind === "bytes") {
        file?.pieces.push(frame.bytes);
        continue;
      }
      const event = frame.value as { type: string; done: number; path: string; analyses: number; complete: number };
      if (event.type === "file" || event.type === "result") {
        if (file) await writeInto(options.out, file.path, file.pieces);
        file = event.type === "file" ? { path: event.path, pieces: [] } : undefined;
      }
      if (event.type === "progress") bar.update(event.done);
      else if (event.type === "computed") {
        bar.finish(steps + 2);
        summary = { analyses: event.analyses, complete: event.complete };
      }
    }
  } catch (error) {
    explain(error);
  }
  if (!summary || file) throw new CliError("The server ended the report before it was done.");
  return summary;
}

async function writeInto(out: string, path: string, pieces: Uint8Array[]): Promise<void> {
  const target = join(out, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, Buffer.concat(pieces));
}

async function readDefinition(path: string, isDefault: boolean, lang: Language | undefined): Promise<ReportDefinition> {
  if (!existsSync(path)) {
    throw new CliError(isDefault ? `No report definition at ${path}; give one with --definition FILE.\n\n${reportHelp}` : `No report definition at ${path}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    const definition = parseDefinition(json);
    // Short choice texts are written in the definition's language: another language keeps the questionnaire's own.
    return lang && lang !== (definition.language ?? definition.lang) ? { ...definition, lang, language: undefined, labels: undefined } : definition;
  } catch (error) {
    return explain(error, path);
  }
}

/** A 4xx from the analysis layer as a CLI message listing each field. */
function explain(error: unknown, where?: string): never {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  const lines = (error.errors ?? []).map((e) => `  ${e.question}: ${e.message}`);
  throw new CliError([`${where ? `${where}: ` : ""}${error.detail}`, ...lines].join("\n"));
}
