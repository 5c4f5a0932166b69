import { phrase } from "../../i18n/phrase.js";
import { z } from "zod";
import { zodProblem } from "../lib/zod-problem.js";
import { ownRecord } from "../lib/own-record.js";
import { DEFAULT_LANGUAGE } from "../../i18n/language.js";
import { currentRequestLanguage } from "../lib/request-language.js";
import { CHART_KINDS, crosstabRequest, frequenciesRequest, LANGUAGES, numericRequest, ratioRequest } from "../services/analysis/requests.js";
import { fieldText } from "../lib/zod-language.js";

/** Fields of a report entry that say how to show an analysis, not what to compute. */
const display = {
  /** Heading, chart title and sheet name. */
  title: z
    .string()
    .trim()
    .min(1, { error: fieldText("fields.analysisTitle") })
    .max(200),
  /** A paragraph under the chart: what the reader should see in it (Markdown and data placeholders, src/report/placeholders.ts). */
  note: z.string().max(5000).optional(),
  chart: z.enum(CHART_KINDS).optional(),
  /** Value axis title of ratio, histogram and box-plot charts, e.g. "党员数 / 从业人员数". */
  valueTitle: z.string().max(100).optional(),
  /** Legend title of a cross-tab, e.g. "层级". */
  columnTitle: z.string().max(100).optional(),
};

/** The request fields a report takes from its entries: everything but the presentation, which the report owns. */
const OMIT = { format: true, lang: true, chart: true, scale: true, width: true } as const;

const entry = z.discriminatedUnion("type", [
  frequenciesRequest.omit(OMIT).extend({ type: z.literal("frequencies"), ...display }),
  crosstabRequest.omit(OMIT).extend({ type: z.literal("crosstab"), ...display }),
  ratioRequest.omit(OMIT).extend({ type: z.literal("ratio"), ...display }),
  numericRequest.omit(OMIT).extend({ type: z.literal("numeric"), ...display }),
]);

/**
 * A report definition: a title and a list of analyses with titles, each the fields of
 * its analysis call (question, row/column, filter, weight, …) plus how to show it.
 */
export const reportDefinition = z.strictObject({
  title: z.string().trim().min(1).max(200),
  subtitle: z.string().max(500).optional(),
  /** An opening paragraph (plain text). */
  description: z.string().max(5000).optional(),
  /** The introduction, after the description: Markdown (text formatting only) with data placeholders such as {responses}. */
  introduction: z.string().max(20_000).optional(),
  /** The report's language; else the request's, else Simplified Chinese. */
  lang: z.enum(LANGUAGES).default(() => currentRequestLanguage() ?? DEFAULT_LANGUAGE),
  /** The same as `lang` under the name stored reports use; it wins when both are given. */
  language: z.enum(LANGUAGES).optional(),
  /** Shorter texts for choices, by question and value, used in every chart and table: { level: { 市: "市级" } }. */
  labels: z.record(z.string(), ownRecord(z.string().min(1).max(100))).optional(),
  analyses: z
    .array(entry)
    .min(1, { error: fieldText("fields.listAnAnalysis") })
    .max(100),
});

/** The API body of POST /api/surveys/{name}/report: a definition whose title defaults to the survey's. */
export const reportRequest = reportDefinition.extend({ title: reportDefinition.shape.title.optional() });

/** One analysis of a definition: the fields of its analysis call and how to show it. */
export const reportEntry = entry;

/**
 * A report stored with a survey (POST and PUT /api/surveys/{name}/reports…): a definition that
 * may have no analyses yet, while it is being built; it is made once it has one.
 */
export const storedDefinition = reportRequest.extend({ analyses: z.array(entry).max(100).default([]) });

export type ReportDefinition = z.infer<typeof reportDefinition>;
export type ReportEntry = ReportDefinition["analyses"][number];

/**
 * Checks a report definition; a 422 names every bad field ("analyses.3.question").
 *
 * @param input parsed JSON
 * @returns the definition with defaults filled in
 * @throws {AppError} 422 when it does not fit
 */
export function parseDefinition(input: unknown): ReportDefinition {
  const parsed = reportDefinition.safeParse(input);
  if (!parsed.success) throw zodProblem(parsed.error, { code: "unprocessable", detail: phrase("report.definitionInvalid"), root: "(definition)" });
  return parsed.data;
}

/**
 * The definition with its one language in `lang`: `language`, when given, wins and is dropped.
 *
 * @param definition a checked definition
 * @returns the same definition without `language`
 */
export function withLanguage(definition: ReportDefinition): ReportDefinition {
  const { language, ...rest } = definition;
  return language ? { ...rest, lang: language } : rest;
}

/** Keys of an entry that are not fields of its analysis call. */
type DisplayKey = "type" | "title" | "note" | "chart" | "valueTitle" | "columnTitle";

/**
 * The analysis request of an entry: its fields without the display ones, in the report's language.
 *
 * @param entry a checked entry
 * @param lang the report's language
 * @returns the body for the analysis service
 */
export function entryRequest<E extends ReportEntry>(entry: E, lang: ReportDefinition["lang"]): Omit<E, DisplayKey> & { lang: ReportDefinition["lang"] } {
  const { type: _type, title: _title, note: _note, chart: _chart, valueTitle: _value, columnTitle: _column, ...request } = entry;
  return { ...(request as Omit<E, DisplayKey>), lang };
}
