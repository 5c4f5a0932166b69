import { phrase } from "../../i18n/phrase.js";
import type { TopLevelSpec } from "vega-lite";
import {
  boxPlotChart,
  chartWords,
  crosstabBars,
  crosstabStackedBars,
  formatPercent,
  frequencyChart,
  histogramChart,
  ratioChart,
  residualHeatmap,
  textWidthEm,
  type ChartMeta,
} from "../../analysis/charts/index.js";
import type { CrosstabResult } from "../../analysis/index.js";
import { AppError } from "../errors.js";
import type { AnalysisFormat, ChartKind } from "../services/analysis/requests.js";
import { crosstabTable, frequencyTable, numericTable, ratioTable, writeCsv, writeXlsx, type ResultTable } from "../tables/index.js";
import { checkChartFits } from "./chart-choice.js";
import type { PresentContext } from "./context.js";
import {
  baseMeta,
  OVERALL_KEY,
  keyedCrosstab,
  keyedFrequencies,
  keyedNumeric,
  keyedRatio,
  ratioTitle,
  type AnalysisOutput,
  type DisplayOptions,
  type NumericOutput,
} from "./meta.js";

/**
 * The chart of an analysis result as a vega-lite spec: the result keyed by category
 * values, the questionnaire's texts as labels, filter, weighting and data source in
 * the caption.
 *
 * @param result what an analysis service returned
 * @param chart the checked chart kind (`checkPresentation`)
 * @param ctx questionnaire texts in the chart's language
 * @param display title and axis overrides
 * @returns the spec
 * @throws {AppError} 422 when the chart does not fit the result or there is nothing to draw
 */
export function chartSpec(result: AnalysisOutput, chart: ChartKind, ctx: PresentContext, display: DisplayOptions = {}): TopLevelSpec {
  const meta = baseMeta(result, ctx, display);
  return drawing(() => {
    switch (result.analysis) {
      case "frequencies": {
        const keyed = keyedFrequencies(result, ctx);
        return frequencyChart(keyed.result, { ...meta, labels: keyed.labels });
      }
      case "crosstab": {
        const multiple = "multipleResponse" in result;
        checkChartFits(chart, multiple);
        const keyed = keyedCrosstab(result, ctx);
        const crossMeta: ChartMeta = {
          ...meta,
          labels: keyed.labels,
          columnLabels: keyed.columnLabels,
          columnTitle: display.columnTitle ?? ctx.questionTitle(result.column.name),
        };
        if (chart === "heatmap") {
          if (!("adjustedResiduals" in keyed.result)) throw noChart("a heatmap needs an unweighted cross-tab of single-choice questions");
          return residualHeatmap(keyed.result as CrosstabResult, crossMeta);
        }
        if (chart === "stacked" && !("multipleResponse" in keyed.result)) return fitLegend(crosstabStackedBars(keyed.result, crossMeta));
        return fitLegend(crosstabBars(keyed.result, crossMeta));
      }
      case "ratio": {
        const keyed = keyedRatio(result, ctx);
        const options = { valueTitle: display.valueTitle ?? ratioTitle(result, ctx) };
        if (keyed.groups.length > 0) return ratioChart({ overall: keyed.overall, groups: keyed.groups }, { ...meta, labels: keyed.labels }, options);
        // Without groups the whole sample is the one dot, and no reference line repeats it.
        const { overall } = keyed;
        const words = chartWords(ctx.lang);
        const interval = overall.ci ? `${words.open}${formatPercent(overall.ci.lower)}–${formatPercent(overall.ci.upper)}${words.close}` : "";
        const notes = overall.ratio === null ? meta.notes : [`${words.overall} ${formatPercent(overall.ratio)}${interval}`, ...(meta.notes ?? [])];
        return ratioChart({ overall: { ...overall, ratio: null }, groups: [{ ...overall, label: OVERALL_KEY }] }, { ...meta, labels: keyed.labels, notes }, options);
      }
      case "numeric":
        return numericChart(result, chart, { ...meta }, ctx, display);
    }
  });
}

function numericChart(result: NumericOutput, chart: ChartKind, meta: ChartMeta, ctx: PresentContext, display: DisplayOptions): TopLevelSpec {
  const keyed = keyedNumeric(result, ctx);
  if (keyed.summary.n === 0) throw noChart(`no respondent gave a number for '${result.question.name}'`);
  if (chart === "histogram") {
    const histogram = "histogram" in result ? result.histogram : null;
    if (!histogram) throw noChart('the histogram bins were not counted (ask with chart: "histogram")');
    return histogramChart(histogram.bins, keyed.summary, meta, { openEnd: histogram.openEnd, valueTitle: display.valueTitle });
  }
  const groups = keyed.groups.length > 0 ? keyed.groups : [keyed.overall];
  const { min, q3, max } = keyed.summary;
  // Head counts run from a handful to thousands: a log scale keeps the small boxes readable.
  const skewed = min !== null && min >= 0 && max !== null && q3 !== null && max > 8 * Math.max(q3, 1);
  return boxPlotChart(groups, { ...meta, labels: keyed.labels }, { scale: skewed ? "symlog" : "linear", valueTitle: display.valueTitle });
}

/**
 * Fewer legend columns where a top legend would run off the page: the legend starts
 * where the plot does, right of the axis labels, which the chart builders' column
 * count does not allow for. Their estimate of an entry's width is kept.
 */
function fitLegend(spec: TopLevelSpec): TopLevelSpec {
  const s = spec as unknown as {
    width: number;
    data: { values: Record<string, unknown>[] };
    encoding: { y: { field: string; axis?: { labelPadding?: number } } };
    layer: { encoding?: { color?: { scale?: { domain?: string[] }; legend?: { columns?: number; title?: string | null } } } }[];
  };
  const legend = s.layer?.[0]?.encoding?.color?.legend;
  const entries = s.layer?.[0]?.encoding?.color?.scale?.domain;
  if (!legend?.columns || !entries) return spec;
  const labelPx =
    Math.max(
      0,
      ...s.data.values.flatMap((d) =>
        String(d[s.encoding.y.field] ?? "")
          .split("\n")
          .map(textWidthEm),
      ),
    ) * 12;
  const titlePx = legend.title ? textWidthEm(legend.title) * 12 + 10 : 0;
  const entryPx = Math.max(...entries.map(textWidthEm), 1) * 12 + 30;
  const room = s.width - 20 - labelPx - (s.encoding.y.axis?.labelPadding ?? 8) - titlePx;
  legend.columns = Math.max(1, Math.min(legend.columns, Math.floor(room / entryPx)));
  return spec;
}

/**
 * The table of an analysis result, headers in the result's language, notes with base,
 * filter, weighting, test and source.
 *
 * @param result what an analysis service returned
 * @param ctx questionnaire texts
 * @param display title override
 * @returns the table
 */
export function resultTable(result: AnalysisOutput, ctx: PresentContext, display: DisplayOptions = {}): ResultTable {
  const meta = baseMeta(result, ctx, display);
  return drawing(() => {
    switch (result.analysis) {
      case "frequencies": {
        const keyed = keyedFrequencies(result, ctx);
        return frequencyTable(keyed.result, { ...meta, labels: keyed.labels });
      }
      case "crosstab": {
        const keyed = keyedCrosstab(result, ctx);
        return crosstabTable(keyed.result, {
          ...meta,
          labels: keyed.labels,
          columnLabels: keyed.columnLabels,
          columnTitle: display.columnTitle ?? ctx.questionTitle(result.column.name),
        });
      }
      case "ratio": {
        const keyed = keyedRatio(result, ctx);
        return ratioTable({ overall: keyed.overall, groups: keyed.groups }, { ...meta, labels: keyed.labels });
      }
      case "numeric": {
        const keyed = keyedNumeric(result, ctx);
        return numericTable([...keyed.groups, keyed.overall], { ...meta, labels: keyed.labels });
      }
    }
  });
}

/** A result written in a format, with what HTTP needs to send it. */
export interface WrittenResult {
  body: Uint8Array | string;
  contentType: string;
  extension: string;
}

/** Options of {@link writeResult}. */
export interface WriteOptions {
  chart: ChartKind;
  ctx: PresentContext;
  display?: DisplayOptions;
  /** PNG size: pixels per SVG pixel, or width in pixels; default 16 cm at 300 dpi. */
  png?: { scale?: number; width?: number };
}

const CONTENT_TYPES: Record<Exclude<AnalysisFormat, "json">, string> = {
  "vega-lite": "application/json; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/**
 * Writes an analysis result as a chart spec, a rendered chart or a spreadsheet.
 *
 * @param result what an analysis service returned
 * @param format any format but json
 * @param options chart kind, texts, PNG size
 * @returns the bytes (or text) and their content type
 */
export async function writeResult(result: AnalysisOutput, format: Exclude<AnalysisFormat, "json">, options: WriteOptions): Promise<WrittenResult> {
  const out = (body: Uint8Array | string, extension: string): WrittenResult => ({ body, contentType: CONTENT_TYPES[format], extension });
  if (format === "xlsx") return out(await writeXlsx([resultTable(result, options.ctx, options.display)], { lang: options.ctx.lang }), "xlsx");
  if (format === "csv") return out(writeCsv([resultTable(result, options.ctx, options.display)], { lang: options.ctx.lang }), "csv");
  const spec = chartSpec(result, options.chart, options.ctx, options.display);
  if (format === "vega-lite") return out(JSON.stringify(spec, null, 2), "vl.json");
  // Loaded on the first chart: vega takes seconds to load on two cores, which every server start would pay.
  const { renderPng, renderSvg } = await import("../render/index.js");
  if (format === "svg") return out(await renderSvg(spec), "svg");
  return out(await renderPng(spec, options.png ?? {}), "png");
}

/** The ASCII file name of a result: survey, analysis and its questions. */
export function resultFileName(result: AnalysisOutput): string {
  switch (result.analysis) {
    case "frequencies":
      return `${result.survey}-${result.question.name}`;
    case "crosstab":
      return `${result.survey}-${result.row.name}-by-${result.column.name}`;
    case "ratio":
      return `${result.survey}-${result.numerator.name}-per-${result.denominator.name}${result.by ? `-by-${result.by.name}` : ""}`;
    case "numeric":
      return `${result.survey}-${result.question.name}${result.by ? `-by-${result.by.name}` : ""}`;
  }
}

/** Chart and table builders throw plain Errors on data they cannot draw: that is the request's problem, a 422. */
function drawing<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw noChart((error as Error).message);
  }
}

function noChart(why: string): AppError {
  // The reason comes from the chart library, in English.
  return new AppError("unprocessable", phrase("report.cannotDraw", { why }), [{ question: "chart", message: why }]);
}
