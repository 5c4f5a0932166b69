import type { TopLevelSpec } from "vega-lite";
import type { CrosstabResult } from "../crosstab.js";
import { normalQuantile } from "../normal-quantile.js";
import { chartCaption, weightingText } from "./caption.js";
import { crosstabView } from "./crosstab-view.js";
import { axisLabel, bandAxis, displayText, frameChart, labelMaxEm, maxLineCount, type ChartMeta } from "./frame.js";
import { chartWords } from "./locale.js";
import { SIZES } from "./theme.js";

/** Options of {@link residualHeatmap}. */
export interface ResidualHeatmapOptions {
  /** Significance level of a cell (default 0.05). */
  alpha?: number;
  /** "none" (default): |r| > z(1 − α/2); "bonferroni": α divided by the number of cells. */
  adjust?: "none" | "bonferroni";
}

/** One cell of the heat map, as it stands in the spec's data. */
export interface ResidualCellDatum {
  rowLabel: string;
  columnLabel: string;
  residual: number | null;
  count: number;
  significant: boolean;
  text: string;
  textColor: string;
}

/**
 * Heat map of the adjusted standardized residuals of a cross-tab (Haberman 1973):
 * rows × columns, red where a cell holds more respondents than independence predicts,
 * blue where fewer, the residual printed in each cell and cells beyond the critical
 * value outlined and starred. The caption states base, filter, the χ² test and the
 * critical value.
 * Reference: Agresti (2013), Categorical Data Analysis, §2.4.5.
 *
 * @param result a `crosstab` result (weighted tables have no adjusted residuals)
 * @param meta question text, row and column labels, column question's text, language
 * @param options significance level and adjustment
 * @returns a vega-lite spec
 * @throws {Error} on an alpha outside (0, 1)
 * @example
 * const r = crosstab({ rowLabels: ["是", "否"], columnLabels: ["市", "区"], counts: [[30, 10], [20, 40]] });
 * residualHeatmap(r, { lang: "zh-Hans", title: "…" }).data; // => { values: [{ residual: 4.08…, significant: true, … }, …] }
 */
export function residualHeatmap(result: CrosstabResult, meta: ChartMeta, options: ResidualHeatmapOptions = {}): TopLevelSpec {
  const words = chartWords(meta.lang);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`residualHeatmap: alpha must be in (0, 1), got ${alpha}`);
  const view = crosstabView(result, meta.lang);
  const cells = result.rowLabels.length * result.columnLabels.length;
  const critical = normalQuantile(1 - alpha / 2 / (options.adjust === "bonferroni" ? cells : 1));
  const residuals = result.adjustedResiduals.flat().filter((r): r is number => r !== null);
  const extent = Math.max(3, Math.ceil(Math.max(0, ...residuals.map(Math.abs))));

  const rowLabels = result.rowLabels.map((v) => axisLabel(displayText(v, meta.labels, meta.lang), labelMaxEm(meta.lang), 3));
  const columnLabels = result.columnLabels.map((v, j) => axisLabel(displayText(v, meta.columnLabels, meta.lang), 6, 2) + `\nn = ${result.columnTotals[j]}`);
  const data: ResidualCellDatum[] = result.rowLabels.flatMap((_, i) =>
    result.columnLabels.map((_, j) => {
      const residual = result.adjustedResiduals[i][j];
      const significant = residual !== null && Math.abs(residual) > critical;
      return {
        rowLabel: rowLabels[i],
        columnLabel: columnLabels[j],
        residual,
        count: result.counts[i][j],
        significant,
        text: residual === null ? "–" : `${residual > 0 ? "+" : residual < 0 ? "−" : ""}${Math.abs(residual).toFixed(1)}${significant ? "*" : ""}`,
        textColor: residual !== null && Math.abs(residual) > extent * 0.55 ? "#ffffff" : "#111111",
      };
    }),
  );
  const lines = maxLineCount(rowLabels);
  const step = Math.max(34, lines * SIZES.lineHeight + 12);
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: result.n,
    filter: meta.filter,
    weighting: weightingText(undefined, meta.lang, meta.weighting),
    test: view.test,
    notes: [words.residualNote(critical.toFixed(2), String(alpha).replace(/^0\./, ".")), ...view.notes, ...(meta.notes ?? [])],
  });
  return frameChart(meta, caption, {
    data: { values: data },
    height: step * Math.max(1, rowLabels.length),
    encoding: {
      y: { field: "rowLabel", type: "nominal", sort: rowLabels, axis: bandAxis(true) },
      x: { field: "columnLabel", type: "nominal", sort: columnLabels, axis: bandAxis(false, { orient: "top", labelAngle: 0 }) },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          color: {
            field: "residual",
            type: "quantitative",
            title: words.residual,
            scale: { scheme: "redblue", reverse: true, domain: [-extent, extent] },
            legend: { orient: "right", gradientLength: Math.min(240, step * result.rowLabels.length - 20), direction: "vertical" },
          },
        },
      },
      {
        transform: [{ filter: "datum.significant" }],
        mark: { type: "rect", fillOpacity: 0, stroke: "#111111", strokeWidth: 2 },
      },
      ...[true, false].map((significant) => ({
        transform: [{ filter: significant ? "datum.significant" : "!datum.significant" }],
        mark: { type: "text", fontSize: SIZES.label, baseline: "middle", fontWeight: significant ? "bold" : "normal" },
        encoding: {
          text: { field: "text" },
          // fill, not color: the color scale belongs to the residuals.
          fill: { field: "textColor", type: "nominal", scale: null, legend: null },
        },
      })),
    ],
  });
}
