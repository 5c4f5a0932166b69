import { phrase, withWording, wordingOf } from "../../i18n/phrase.js";
import { and, eq, sql } from "drizzle-orm";
import type { TopLevelSpec } from "vega-lite";
import type { Db } from "../db/client.js";
import { responses, surveys } from "../db/schema/index.js";
import { AppError } from "../errors.js";
import type { PngOptions } from "../render/index.js";
import { crosstabAnalysis } from "../services/analysis/crosstab.js";
import { frequencyAnalysis } from "../services/analysis/frequencies.js";
import { numericAnalysis } from "../services/analysis/numeric.js";
import { ratioAnalysis } from "../services/analysis/ratio.js";
import { loadCatalog } from "../services/analysis/analysis-question.js";
import type { ResultTable } from "../tables/index.js";
import type { ChartKind } from "../services/analysis/requests.js";
import { checkPresentation } from "./chart-choice.js";
import { contextOf, type PresentContext } from "./context.js";
import { entryRequest, withLanguage, type ReportDefinition, type ReportEntry } from "./definition.js";
import type { AnalysisOutput, DisplayOptions } from "./meta.js";
import { checkPlaceholders, fillPlaceholders, type FilledTexts } from "./placeholders.js";
import { chartSpec, resultFileName, resultTable } from "./present.js";

/** One analysis of a report, computed and drawn. */
export interface ReportItem {
  /** 1-based position: figure and table number. */
  number: number;
  entry: ReportEntry;
  /** File stem of its chart files: "01-main_problems". */
  slug: string;
  chart: ChartKind;
  result: AnalysisOutput;
  spec: TopLevelSpec;
  svg: string;
  png: Buffer;
  table: ResultTable;
  /** The chart's caption lines (base, filter, weighting, test, notes). */
  caption: string[];
}

/** How many responses the survey holds. */
export interface SampleCounts {
  complete: number;
  partial: number;
  /** Versions that have complete responses. */
  versions: number[];
}

/** A computed report, ready for the writers. */
export interface Report {
  definition: ReportDefinition;
  ctx: PresentContext;
  sample: SampleCounts;
  items: ReportItem[];
  /** The introduction and notes with their data placeholders filled. */
  texts: FilledTexts;
  generatedAt: Date;
}

/** Options of {@link runReport}. */
export interface RunOptions {
  /** Called after each step (an analysis computed, a chart rendered) with steps done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Pixel width of the PNGs; default 16 cm at 300 dpi. */
  pngWidth?: number;
  /** Only this unit's responses (a member limited to one unit): every analysis and the sample counts. */
  scope?: string | null;
  /** Draws a chart (a worker thread, src/jobs); in this thread when absent. */
  render?: ChartRenderer;
  /** Called between analyses: lets other requests in, and paces the report behind submissions (src/jobs/pace.ts); the next turn of the event loop when absent. */
  pace?: () => Promise<void>;
}

/** Draws a vega-lite spec as SVG and PNG. */
export type ChartRenderer = (spec: TopLevelSpec, png: PngOptions) => Promise<{ svg: string; png: Uint8Array }>;

async function renderHere(spec: TopLevelSpec, png: PngOptions): Promise<{ svg: string; png: Uint8Array }> {
  // Loaded on the first chart drawn here: vega and vega-lite take seconds to load on two cores,
  // and a server process draws its charts in the worker threads.
  const { renderSvg, svgToPng } = await import("../render/index.js");
  const svg = await renderSvg(spec);
  return { svg, png: svgToPng(svg, png) };
}

/** The steps `runReport` reports progress in: computing and rendering each analysis. */
export function reportSteps(definition: ReportDefinition): number {
  return definition.analyses.length * 2;
}

/**
 * Runs every analysis of a report definition through the analysis services (SQL
 * aggregates), and draws its chart (vega-lite → SVG → PNG) and table. A 422 from an
 * analysis names its place in the definition ("analyses.3.question").
 *
 * @param db the database
 * @param survey the survey's name
 * @param definition a checked definition
 * @param options progress callback, PNG width
 * @returns the report
 */
export async function runReport(db: Db, survey: string, given: ReportDefinition, options: RunOptions = {}): Promise<Report> {
  const definition = withLanguage(given);
  const catalog = await loadCatalog(db, survey);
  checkPlaceholders(definition, catalog);
  const ctx = contextOf(catalog, definition.lang, definition.labels);
  const sample = await sampleCounts(db, survey, options.scope ?? null);
  const texts = await fillPlaceholders(db, survey, definition, sample.complete, options.scope ?? null);
  const total = reportSteps(definition);
  let done = 0;
  const step = () => options.onProgress?.(++done, total);
  const render = options.render ?? renderHere;
  const items: ReportItem[] = [];
  for (const [index, entry] of definition.analyses.entries()) {
    // On the embedded database each analysis's queries run in this thread: let waiting requests in between.
    await (options.pace ? options.pace() : new Promise((resolve) => setImmediate(resolve)));
    const number = index + 1;
    const item = await inPlace(index, async () => {
      const chart = checkPresentation(entry.type, {
        format: "png",
        chart: entry.chart,
        weight: "weight" in entry ? entry.weight : undefined,
        by: "by" in entry ? entry.by : undefined,
      });
      const result = await compute(db, survey, entry, definition.lang, chart, options.scope ?? null);
      step();
      const display: DisplayOptions = { title: entry.title, valueTitle: entry.valueTitle, columnTitle: entry.columnTitle };
      const spec = chartSpec(result, chart, ctx, display);
      const drawn = await render(spec, options.pngWidth ? { width: options.pngWidth } : {});
      const { svg } = drawn;
      const png = Buffer.from(drawn.png.buffer, drawn.png.byteOffset, drawn.png.byteLength);
      const table = { ...resultTable(result, ctx, display), name: `${String(number).padStart(2, "0")} ${entry.title}` };
      const caption = ((spec as { usermeta?: { caption?: string[] } }).usermeta?.caption ?? []).slice();
      const stem = resultFileName(result).slice(survey.length + 1);
      return { number, entry, slug: `${String(number).padStart(2, "0")}-${stem}`, chart, result, spec, svg, png, table, caption };
    });
    items.push(item);
    step();
  }
  return { definition, ctx, sample, items, texts, generatedAt: new Date() };
}

async function compute(db: Db, survey: string, entry: ReportEntry, lang: ReportDefinition["lang"], chart: ChartKind, scope: string | null): Promise<AnalysisOutput> {
  switch (entry.type) {
    case "frequencies":
      return frequencyAnalysis(db, survey, { ...entryRequest(entry, lang), scope });
    case "crosstab":
      return crosstabAnalysis(db, survey, { ...entryRequest(entry, lang), scope });
    case "ratio":
      return ratioAnalysis(db, survey, { ...entryRequest(entry, lang), scope });
    case "numeric":
      return numericAnalysis(db, survey, { ...entryRequest(entry, lang), chart, scope });
  }
}

/** Runs one entry; its errors name their place in the definition. */
async function inPlace<T>(index: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const place = `analyses.${index}`;
    const errors = (error.errors ?? [withWording({ question: "(analysis)", message: error.detail }, error.wording)]).map((e) =>
      withWording({ ...e, question: `${place}.${e.question}` }, wordingOf(e)),
    );
    throw new AppError(error.code, phrase("report.inAnalysis", { index: index + 1, detail: error.wording ?? error.detail }), errors);
  }
}

async function sampleCounts(db: Db, survey: string, scope: string | null): Promise<SampleCounts> {
  const rows = await db
    .select({ complete: responses.complete, version: responses.version, n: sql<number>`count(*)::int` })
    .from(responses)
    .innerJoin(surveys, and(eq(surveys.id, responses.surveyId), eq(surveys.name, survey)))
    .where(scope === null ? undefined : eq(responses.unit, scope))
    .groupBy(responses.complete, responses.version);
  const sum = (complete: boolean) => rows.filter((r) => r.complete === complete).reduce((s, r) => s + Number(r.n), 0);
  const versions = [...new Set(rows.filter((r) => r.complete).map((r) => r.version))].sort((a, b) => a - b);
  return { complete: sum(true), partial: sum(false), versions };
}
