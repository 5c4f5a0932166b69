/**
 * Exports of a survey's raw responses: CSV, XLSX, JSON Lines and SPSS .sav, each streamed from
 * keyset-paged batches, with a codebook (an XLSX sheet, or files of the zip bundle).
 */
import type { Db } from "../../db/client.js";
import { type Actor, recordAudit } from "../audit.js";
import { buildCodebook, codebookCsv, codebookJson, type Codebook } from "./codebook.js";
import { writeCsv } from "./csv.js";
import { writeJsonl } from "./jsonl.js";
import { labelLanguageOf, type LabelMode } from "../dataset/labels.js";
import type { ColumnFacts } from "./sav-dictionary.js";
import { writeSav } from "./sav.js";
import { loadExportSurvey, probeData, readBatches, takeSnapshot, zoneFilter, type ExportFilter, type ExportSurvey, type Snapshot, type ZonedFilter } from "./source.js";
import { buildLayout, type ExportRow, type Layout } from "../dataset/variables.js";
import { writeXlsx } from "./xlsx.js";
import { zipBundle } from "./zip.js";
import { loadDerivedColumns } from "../dataset/derived-columns.js";
import { zonedDateTime } from "../../lib/time-zone.js";

export type ExportFormat = "csv" | "xlsx" | "jsonl" | "sav";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "xlsx", "jsonl", "sav"];

export const CONTENT_TYPES: Record<ExportFormat | "zip", string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jsonl: "application/x-ndjson; charset=utf-8",
  sav: "application/x-spss-sav",
  zip: "application/zip",
};

export interface ExportOptions {
  format: ExportFormat;
  labels: LabelMode;
  filter: ExportFilter;
  /** A zip holding the data file and the codebook (CSV and JSON). */
  bundle?: boolean;
  /** Called after each batch with the number of responses written so far. */
  onProgress?: (done: number) => void;
  /** Rows per database round trip (tests use small batches). */
  batchSize?: number;
  /** The time written into the file (tests fix it). */
  now?: Date;
  /** Who asks: the export is audited (format, labels, filter, how many rows) when given; null is the platform. */
  actor?: Actor | null;
  /** The IANA zone times are shown in, in CSV, XLSX and .sav (default: the survey's own); JSON Lines keeps UTC. */
  timeZone?: string;
}

export interface PreparedExport {
  survey: ExportSurvey;
  layout: Layout;
  codebook: Codebook;
  /** File name: the survey's name (ASCII) and its title in the label language. */
  fileName: { ascii: string; title: string };
  contentType: string;
  /** The file's bytes, produced as they are read. */
  body: AsyncIterable<Uint8Array>;
}

/** The survey title in a label language. */
export function titleIn(survey: ExportSurvey, mode: LabelMode): string {
  return survey.title[labelLanguageOf(mode)] || survey.name;
}

/**
 * Prepares an export: checks the survey exists and builds its layout now (so a bad request fails
 * before any byte is sent); the returned body reads the responses only as it is consumed.
 */
export async function prepareExport(db: Db, name: string, options: ExportOptions): Promise<PreparedExport> {
  const survey = await loadExportSurvey(db, name, options.filter);
  const derived = await loadDerivedColumns(db, name, labelLanguageOf(options.labels));
  const layout = buildLayout(survey.specs, options.labels, derived.columns);
  const title = titleIn(survey, options.labels);
  const codebook = buildCodebook(name, title, layout);
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? survey.timeZone;
  // Day bounds are the survey's days, whatever zone the file's times are shown in.
  const filter = zoneFilter(options.filter, survey.timeZone);
  const batches = (snapshot?: Snapshot): AsyncIterable<ExportRow[]> =>
    counted(readBatches(db, survey.surveyId, filter, options.batchSize, snapshot, derived.select), options.onProgress);
  const data = (): AsyncIterable<Uint8Array> => {
    switch (options.format) {
      case "csv":
        return writeCsv(layout, batches(), timeZone);
      case "jsonl":
        return writeJsonl(layout, batches());
      case "xlsx":
        return writeXlsx(layout, batches(), codebook, timeZone);
      case "sav":
        return savStream(db, survey, layout, options, filter, title, now, batches, timeZone);
    }
  };
  const extension = options.format;
  const body = options.bundle
    ? zipBundle([
        { name: `${name}.${extension}`, data: data(), stored: extension === "xlsx" },
        { name: `${name}.codebook.csv`, data: once(codebookCsv(codebook)) },
        { name: `${name}.codebook.json`, data: once(codebookJson(codebook)) },
      ])
    : data();
  const final = options.bundle ? "zip" : extension;
  if (options.actor !== undefined) {
    const { count: rows } = await takeSnapshot(db, survey.surveyId, filter);
    await recordAudit(db, {
      actor: options.actor,
      survey: survey.surveyId,
      action: "export",
      details: {
        format: options.format,
        labels: options.labels,
        bundle: options.bundle === true,
        rows,
        filter: { version: filter.version ?? null, complete: filter.complete ?? null, from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null },
      },
    });
  }
  return {
    survey,
    layout,
    codebook,
    fileName: { ascii: `${name}.${final}`, title: `${title}.${final}` },
    contentType: CONTENT_TYPES[final],
    body,
  };
}

/** How many responses an export with this filter holds. */
export async function countExport(db: Db, name: string, filter: ExportFilter): Promise<number> {
  const survey = await loadExportSurvey(db, name, filter);
  return (await takeSnapshot(db, survey.surveyId, zoneFilter(filter, survey.timeZone))).count;
}

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

async function* counted(batches: AsyncIterable<ExportRow[]>, onProgress?: (done: number) => void): AsyncGenerator<ExportRow[]> {
  let done = 0;
  for await (const batch of batches) {
    yield batch;
    done += batch.length;
    onProgress?.(done);
  }
}

async function* savStream(
  db: Db,
  survey: ExportSurvey,
  layout: Layout,
  options: ExportOptions,
  filter: ZonedFilter,
  title: string,
  now: Date,
  batches: (snapshot: Snapshot) => AsyncIterable<ExportRow[]>,
  timeZone: string,
): AsyncGenerator<Uint8Array> {
  // The header declares the number of cases (some readers need it): the export holds exactly
  // the responses counted here, however many arrive while it streams.
  const snapshot = await takeSnapshot(db, survey.surveyId, filter);
  const facts = await measure(db, survey, layout, filter);
  const documents = [
    `${title} (${survey.name})`,
    `Exported ${zonedDateTime(now.getTime(), timeZone)} by dangjian-survey; labels: ${options.labels}.`,
    `Filter: version ${filter.version ?? "all"}, ${filter.complete === undefined ? "complete and partial" : filter.complete ? "complete only" : "partial only"}` +
      `${filter.from ? `, from ${zonedDateTime(filter.from.getTime(), timeZone)}` : ""}${filter.to ? `, before ${zonedDateTime(filter.to.getTime(), timeZone)}` : ""}.`,
    "Missing values: the lowest code (-1 or below) = question not asked (skip logic);",
    "empty = asked but not answered. Multi-select options: 1 = selected, 0 = not.",
    `Times are wall-clock times in ${timeZone}. Codebook: GET /api/surveys/{name}/export/codebook.`,
  ];
  yield* writeSav(layout, facts, { fileLabel: title, documents, created: now, timeZone, cases: snapshot.count }, batches(snapshot), timeZone);
}

/** String widths, decimals and expression types of the variables, measured in the database. */
async function measure(db: Db, survey: ExportSurvey, layout: Layout, filter: ZonedFilter): Promise<ColumnFacts> {
  const stringVars = layout.variables.filter((v) => v.key !== null && v.path && (v.storage === "string" || v.probeType));
  const numberVars = layout.variables.filter((v) => v.key !== null && v.path && (v.storage === "numeric" ? v.measure === "scale" && v.format === "F" : v.probeType));
  const probe = await probeData(db, survey.surveyId, filter, { width: stringVars.map((v) => v.path!), decimals: numberVars.map((v) => v.path!) });
  const facts: ColumnFacts = { width: new Map(), numeric: new Map(), decimals: new Map() };
  stringVars.forEach((v, i) => {
    facts.width.set(v.name, probe.widths[i]);
    facts.numeric.set(v.name, probe.numeric[i]);
  });
  numberVars.forEach((v, i) => facts.decimals.set(v.name, probe.decimals[i]));
  return facts;
}

export type { ExportFilter } from "./source.js";
export type { LabelMode } from "../dataset/labels.js";
