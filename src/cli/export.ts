import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { codebookCsv } from "../services/export/codebook.js";
import { countExport, EXPORT_FORMATS, prepareExport, type ExportFormat } from "../services/export/index.js";
import { LABEL_MODES, type LabelMode } from "../services/dataset/labels.js";
import { parseDateBound, type DateBound, type ExportFilter } from "../services/export/source.js";
import { HelpRequested, parseCommandArgs } from "./args.js";
import { CliError } from "./cli-error.js";
import { openCliDatabase } from "./open.js";
import { runningServer } from "./remote.js";
import { controlFrames } from "../control/stream-client.js";
import type { ExportCall } from "../control/heavy-routes.js";
import { progressBar } from "./progress.js";

export const exportHelp = `npm run cli -- export <survey> [options]

Exports a survey's raw responses, streamed (any number of responses in constant memory).

Options:
  --format csv|xlsx|jsonl|sav    file format (default csv)
  --labels zh-Hans|zh-Hant|en|values
                                 language of labels; "values" writes stored values in CSV/XLSX
                                 (default zh-Hans)
  --version N                    only responses to version N
  --complete true|false|all      complete responses only, partial only, or both (default all)
  --from YYYY-MM-DD, --to YYYY-MM-DD
                                 stored from / up to that day (the survey's time zone) or an ISO time
  --out FILE                     where to write (default <survey>.<format>)
  --bundle                       write a zip: the data file, codebook.csv and codebook.json
  --no-codebook                  do not write <out>.codebook.csv next to a CSV/JSONL/.sav file
                                 (XLSX files hold the codebook as their second sheet)
`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${option} must be one of ${allowed.join(", ")}; got '${value}'.`);
}

/** Reads export options; mistakes are CliErrors. */
export function parseExportArgs(args: string[]) {
  const { values, positionals } = parseCommandArgs(
    args,
    exportHelp,
    {
      format: { type: "string" },
      labels: { type: "string" },
      version: { type: "string" },
      complete: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      out: { type: "string" },
      bundle: { type: "boolean" },
      "no-codebook": { type: "boolean" },
    },
    1,
  );
  const survey = positionals[0];
  if (!survey) throw new HelpRequested(exportHelp);
  const format = oneOf<ExportFormat>(values.format, EXPORT_FORMATS, "format", "csv");
  const labels = oneOf<LabelMode>(values.labels, LABEL_MODES, "labels", "zh-Hans");
  const complete = oneOf(values.complete, ["true", "false", "all"] as const, "complete", "all");
  if (values.version !== undefined && !/^[1-9]\d*$/.test(values.version)) throw new CliError(`--version must be a version number; got '${values.version}'.`);
  let filter: ExportFilter;
  try {
    filter = {
      version: values.version === undefined ? undefined : Number(values.version),
      complete: complete === "all" ? undefined : complete === "true",
      from: parseDateBound(values.from, "from"),
      to: parseDateBound(values.to, "to"),
    };
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const bundle = values.bundle === true;
  const out = values.out ?? `${survey}.${bundle ? "zip" : format}`;
  const codebook = !bundle && format !== "xlsx" && values["no-codebook"] !== true;
  return { survey, format, labels, filter, bundle, out, codebook };
}

type ExportArgs = ReturnType<typeof parseExportArgs>;

/** What an export wrote, for the summary lines. */
interface Written {
  total: number;
  variables: number;
  codebook: Uint8Array | null;
}

/**
 * `export <survey> …`: writes the file (through a temporary name, so a failed export leaves
 * nothing half-written); while a server holds the embedded database, it streams the file.
 */
export async function exportCommand(args: string[]): Promise<void> {
  const options = parseExportArgs(args);
  const partial = `${options.out}.partial`;
  try {
    const server = runningServer();
    const written = server ? await exportRemotely(server, options, partial) : await exportLocally(options, partial);
    await rename(partial, options.out);
    process.stdout.write(`${options.out}: ${written.total} responses, ${written.variables} variables\n`);
    if (written.codebook) {
      const codebookFile = `${options.out.replace(/\.[^./\\]+$/, "")}.codebook.csv`;
      await writeFile(codebookFile, written.codebook);
      process.stdout.write(`${codebookFile}: codebook\n`);
    }
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function exportLocally(options: ExportArgs, partial: string): Promise<Written> {
  const database = await openCliDatabase();
  try {
    const total = await countExport(database.db, options.survey, options.filter);
    const bar = progressBar(`导出 export ${options.survey}`, total);
    const prepared = await prepareExport(database.db, options.survey, {
      format: options.format,
      labels: options.labels,
      filter: options.filter,
      bundle: options.bundle,
      onProgress: (done) => bar.update(done),
    });
    await pipeline(Readable.from(prepared.body, { objectMode: false }), createWriteStream(partial));
    bar.finish(total);
    return { total, variables: prepared.layout.variables.length, codebook: options.codebook ? codebookCsv(prepared.codebook) : null };
  } finally {
    await database.close();
  }
}

/** A bound as the control call carries it: a day as its text, an instant in ISO 8601. */
function boundText(bound: DateBound | undefined): string | undefined {
  return bound instanceof Date ? bound.toISOString() : bound;
}

async function exportRemotely(dataDir: string, options: ExportArgs, partial: string): Promise<Written> {
  const { filter } = options;
  const call: ExportCall = {
    survey: options.survey,
    format: options.format,
    labels: options.labels,
    bundle: options.bundle,
    codebook: options.codebook,
    filter: { version: filter.version, complete: filter.complete, from: boundText(filter.from), to: boundText(filter.to) },
  };
  const file = createWriteStream(partial);
  const closed = new Promise<void>((resolve, reject) => {
    file.on("close", resolve);
    file.on("error", reject);
  });
  let bar: ReturnType<typeof progressBar> | undefined;
  let into: "data" | "codebook" = "data";
  const codebook: Uint8Array[] = [];
  let written: Written | undefined;
  try {
    for await (const frame of controlFrames(dataDir, "/export", { json: call })) {
      if (frame.kind === "bytes") {
        if (into === "codebook") codebook.push(frame.bytes);
        else if (!file.write(frame.bytes)) await new Promise((resolve) => file.once("drain", resolve));
        continue;
      }
      const event = frame.value as { type: string; total: number; done: number; variables: number };
      if (event.type === "start") bar = progressBar(`导出 export ${options.survey}`, event.total);
      else if (event.type === "progress") bar?.update(event.done);
      else if (event.type === "codebook") into = "codebook";
      else if (event.type === "result") {
        bar?.finish(event.total);
        written = { total: event.total, variables: event.variables, codebook: options.codebook ? Buffer.concat(codebook) : null };
      }
    }
  } finally {
    file.end();
    await closed;
  }
  if (!written) throw new CliError("The server ended the export before it was done.");
  return written;
}
