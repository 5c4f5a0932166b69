import { phrase, say, withWording } from "../../i18n/phrase.js";
import { AppError, fieldError, type FieldError } from "../errors.js";
import type { AnalysisFormat, ChartKind } from "../services/analysis/requests.js";

/** The four analysis calls. */
export type AnalysisType = "frequencies" | "crosstab" | "ratio" | "numeric";

/** The chart kinds each analysis can be drawn as; the first is the default (numeric with `by`: boxplot). */
export const CHARTS_OF: Record<AnalysisType, readonly ChartKind[]> = {
  frequencies: ["bars"],
  crosstab: ["bars", "stacked", "heatmap"],
  ratio: ["dots"],
  numeric: ["histogram", "boxplot"],
};

/** Formats that draw a chart. */
export const CHART_FORMATS: ReadonlySet<AnalysisFormat> = new Set(["vega-lite", "svg", "png"]);

/** What `checkPresentation` reads of a request. */
export interface PresentationRequest {
  format: AnalysisFormat;
  chart?: ChartKind;
  scale?: number;
  width?: number;
  weight?: unknown;
  /** A question's name, or `{ unit: true }`: only whether there is one matters here. */
  by?: unknown;
}

/**
 * Checks the presentation fields of an analysis request before any work: the chart
 * kind fits the analysis, PNG options come only with format png and not both at once.
 * A 422 names each offending field.
 *
 * @param type the analysis
 * @param request its format, chart and PNG options (and `weight`, `by`, which rule some charts out)
 * @returns the chart kind to draw
 * @throws {AppError} 422 on a combination that cannot be written
 */
export function checkPresentation(type: AnalysisType, request: PresentationRequest): ChartKind {
  const errors: FieldError[] = [];
  const kinds = CHARTS_OF[type];
  const chart = request.chart ?? (type === "numeric" && request.by !== undefined ? "boxplot" : kinds[0]);
  if (!kinds.includes(chart)) {
    errors.push(fieldError("chart", "chart_not_of_analysis", phrase("report.chartNotOfAnalysis", { type, kinds: [...kinds], chart })));
  } else if (chart === "heatmap" && request.weight !== undefined) {
    errors.push(fieldError("chart", "heatmap_weighted", phrase("report.heatmapWeighted")));
  } else if (chart === "histogram" && request.by !== undefined) {
    errors.push(fieldError("chart", "histogram_groups", phrase("analysis.histogramGroupsField")));
  }
  for (const field of ["scale", "width"] as const) {
    if (request[field] !== undefined && request.format !== "png") {
      errors.push(fieldError(field, "png_only", phrase("report.pngOnly", { field, format: request.format })));
    }
  }
  if (request.scale !== undefined && request.width !== undefined) {
    errors.push(fieldError("width", "scale_or_width", phrase("report.scaleOrWidth")));
  }
  if (errors.length > 0) throw new AppError("unprocessable", phrase("report.formatMismatch"), errors);
  return chart;
}

/**
 * The chart kind a result can actually be drawn as, known only once the question kinds
 * are: stacked bars and heat maps need a single-choice row (or one option of a
 * multi-select row, `rowOption`).
 *
 * @param chart the checked chart kind
 * @param multipleRows whether the cross-tab's rows are the options of a multi-select question
 * @throws {AppError} 422 naming `chart`
 */
export function checkChartFits(chart: ChartKind, multipleRows: boolean): void {
  if (multipleRows && (chart === "stacked" || chart === "heatmap")) {
    throw new AppError("unprocessable", phrase("report.crosstabChart"), [
      withWording({ question: "chart", message: say("en", phrase("report.crosstabChartField", { chart })) }, phrase("report.crosstabChartField", { chart })),
    ]);
  }
}
