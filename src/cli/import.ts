import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { controlFrames } from "../control/stream-client.js";
import { AppError } from "../errors.js";
import { AnswerCheckers } from "../services/answer-checkers.js";
import { type ImportPhase, type ImportResult, importResponses } from "../services/import/index.js";
import { HelpRequested, parseCommandArgs } from "./args.js";
import { CliError } from "./cli-error.js";
import { openCliDatabase } from "./open.js";
import { runningServer } from "./remote.js";
import { progressBar } from "./progress.js";

export const importHelp = `npm run cli -- import <survey> <file.csv|file.xlsx> [options]

Imports responses from CSV or XLSX, one row per questionnaire (e.g. paper questionnaires typed
into Excel). Columns are matched to questions by variable name, question name or question text;
choices may be written as values or as their texts in any of the survey's languages; multi-select
questions as one 0/1 column per option or as one column listing the choices.

Every row goes through the same checks as a web submission. The file goes in whole or not at
all: if any cell is wrong, every bad cell is listed (row, cell, column, value, problem) and
nothing is stored. Importing the same file again adds nothing.

Options:
  --dry-run              check the file, store nothing
  --ignore a,b           leave these columns out (e.g. a running number or the typist's name)
`;

interface ListedError {
  row: number;
  cell: string | null;
  column: string | null;
  value: unknown;
  message: string;
}

/** The error list as an aligned table, one bad cell per line. */
export function formatErrors(errors: readonly ListedError[]): string {
  const lines = errors.map((e) => [`${e.row}`, e.cell ?? "-", e.column ?? "-", e.value === null || e.value === undefined ? "" : String(e.value), e.message]);
  return [["行 row", "单元格 cell", "列 column", "值 value", "问题 problem"], ...lines].map((l) => l.join("\t")).join("\n");
}

/** Ends the bars (or the one of a phase), each line once. */
function finishBars(bars: Map<string, ReturnType<typeof progressBar>>, phase?: string): void {
  for (const [name, bar] of bars) {
    if (phase !== undefined && name !== phase) continue;
    bar.finish();
    bars.delete(name);
  }
}

/** `import <survey> <file>`. */
export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, importHelp, { "dry-run": { type: "boolean" }, ignore: { type: "string", multiple: true } }, 2);
  const [survey, file] = positionals;
  if (!survey) throw new HelpRequested(importHelp);
  if (!file) throw new CliError(`import needs the file to import.\n\n${importHelp}`);
  const server = runningServer();
  const unreadable = () => {
    throw new CliError(`Cannot read '${file}'.`);
  };
  // Through a running server the file is streamed to it, not read here whole.
  const bytes = server ? await access(file, constants.R_OK).catch(unreadable) : await readFile(file).catch(unreadable);
  const ignore = (values.ignore ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  const onProgress = (phase: ImportPhase, done: number, total: number | null) => {
    // A phase ends when the next begins (the check's total may be an estimate until then).
    if (phase === "store") finishBars(bars, "check");
    let bar = bars.get(phase);
    if (!bar) bars.set(phase, (bar = progressBar(phase === "check" ? "检查 check" : "写入 store", total)));
    bar.update(done, total);
  };
  const dryRun = values["dry-run"] === true;
  const database = server ? undefined : await openCliDatabase();
  try {
    const result = database
      ? await importResponses(database.db, new AnswerCheckers(), survey, bytes as Buffer, { dryRun, ignore, onProgress })
      : await importRemotely(server!, survey, file, { dryRun, ignore }, onProgress);
    finishBars(bars);
    if (result.warnings.length > 0) {
      process.stderr.write(`${formatErrors(result.warnings as unknown as ListedError[])}\n`);
      process.stderr.write(`${result.likelyDuplicates} row(s) hold the same answers as responses already stored: they look like duplicates.\n`);
    }
    const verb = result.dryRun ? "would add" : "added";
    process.stdout.write(
      `${file}: ${result.rows} rows checked, ${result.created} ${verb}, ${result.repeated} already there` +
        `${result.emptyRows ? `, ${result.emptyRows} empty rows skipped` : ""}\n`,
    );
  } catch (error) {
    finishBars(bars);
    if (error instanceof AppError && error.errors) {
      process.stderr.write(`${formatErrors(error.errors as unknown as ListedError[])}\n`);
    }
    throw error;
  } finally {
    await database?.close();
  }
}

/** The import done by the running server: the file streamed to it, its progress events shown on the same bars. */
async function importRemotely(
  dataDir: string,
  survey: string,
  file: string,
  options: { dryRun: boolean; ignore: string[] },
  onProgress: (phase: ImportPhase, done: number, total: number | null) => void,
): Promise<ImportResult> {
  const query = new URLSearchParams({ dryRun: String(options.dryRun) });
  for (const header of options.ignore) query.append("ignore", header);
  for await (const frame of controlFrames(dataDir, `/import/${encodeURIComponent(survey)}?${query}`, { file })) {
    if (frame.kind !== "json") continue;
    const event = frame.value as { type: string; phase: ImportPhase; done: number; total: number | null; result: ImportResult };
    if (event.type === "progress") onProgress(event.phase, event.done, event.total);
    if (event.type === "result") return event.result;
  }
  throw new CliError("The server ended the import before it was done.");
}
