import type { TopLevelSpec } from "vega-lite";
import { crosstabCaption, crosstabView, type AnyCrosstabResult } from "./crosstab-view.js";
import { formatPercent } from "./format.js";
import { DEFAULT_KEEP_LAST, sortCategories } from "./frequency-chart.js";
import {
  axisLabel,
  bandAxis,
  displayText,
  domainWithRoom,
  frameChart,
  labelColumnEm,
  labelMaxEm,
  maxLineCount,
  percentTicks,
  rowLegend,
  withBase,
  type ChartMeta,
} from "./frame.js";
import { chartWords } from "./locale.js";
import { CATEGORY_COLORS, DEFAULT_CHART_WIDTH, MUTED, orderedColors, SIZES } from "./theme.js";

/** Options of {@link crosstabBars}. */
export interface CrosstabBarsOptions {
  /** "column" (default): each bar is the share of its column group; "row": of its row (single choice only). */
  percent?: "column" | "row";
  /** Row order: "share" (overall share, largest first; default for multi-select) or "input" (default for single choice). */
  sort?: "share" | "input";
  /** Columns are ordered categories (levels, frequencies): a light-to-dark palette instead of distinct hues. */
  ordered?: boolean;
}

/** One bar of a grouped bar chart, as it stands in the spec's data. */
export interface CrosstabBarDatum {
  row: string;
  /** Row display text, wrapped ("\n"); multi-select options that differ between columns end in " *". */
  rowLabel: string;
  column: string;
  /** Column display text with its base, the legend entry. */
  columnLabel: string;
  share: number | null;
  text: string;
}

/**
 * Grouped horizontal bars of a cross-tab: the row question's categories down the side,
 * one bar per column group in each (colour = column), each the percentage of that
 * column group (or of the row with `percent: "row"`). A multi-select question by a
 * grouping question shows, per option, the share of each group's respondents who
 * ticked it, and marks options whose per-option test is significant after Holm's
 * adjustment. The caption states base, filter, weighting and the test (χ² with
 * Cramér's V, Rao–Scott F when weighted, per-option tests for multi-select).
 *
 * @param result any cross-tab result of the analysis library
 * @param meta question text, row and column labels, column question's text, language, filter, weighting
 * @param options percent base, row order, palette
 * @returns a vega-lite spec
 * @throws {Error} when row percentages are asked of a multi-select table
 * @example
 * const r = crosstab({ rowLabels: ["是", "否"], columnLabels: ["市", "区"], counts: [[30, 10], [20, 40]] });
 * crosstabBars(r, { lang: "zh-Hans", title: "…", columnTitle: "层级" }).encoding; // => { y: { field: "rowLabel", … } }
 */
export function crosstabBars(result: AnyCrosstabResult, meta: ChartMeta, options: CrosstabBarsOptions = {}): TopLevelSpec {
  const words = chartWords(meta.lang);
  const view = crosstabView(result, meta.lang);
  const percent = options.percent ?? "column";
  if (percent === "row" && !view.rowPercent) throw new Error("crosstabBars: row percentages need a single-choice row question");
  const shares = percent === "row" ? view.rowPercent! : view.columnPercent;
  const width = meta.width ?? DEFAULT_CHART_WIDTH;
  const maxEm = labelMaxEm(meta.lang);

  const rows = sortCategories(
    view.rowLabels.map((value, i) => ({ value, index: i, share: view.rowShare[i] })),
    options.sort ?? (view.multiple ? "share" : "input"),
    DEFAULT_KEEP_LAST,
  );
  const columnLabels = view.columnLabels.map((value, j) => withBase(displayText(value, meta.columnLabels, meta.lang), view.columnBases ? view.columnBases[j] : null, meta.lang));
  const rowLabels = rows.map(({ value, index }) => {
    const star = view.significant?.[index] ? " *" : "";
    return axisLabel(displayText(value, meta.labels, meta.lang) + star, maxEm, 3);
  });
  const data: CrosstabBarDatum[] = rows.flatMap(({ value, index }, r) =>
    view.columnLabels.map((column, j) => {
      const share = shares[index][j];
      return { row: value, rowLabel: rowLabels[r], column, columnLabel: columnLabels[j], share, text: share === null ? "" : formatPercent(share) };
    }),
  );

  const lines = maxLineCount(rowLabels);
  const step = Math.max(view.columnLabels.length * SIZES.groupedBar + 12, lines * SIZES.lineHeight + 10);
  const plotPx = width - 30 - labelColumnEm(rowLabels) * SIZES.label;
  const domainEnd = domainWithRoom(Math.max(0, ...data.map((d) => d.share ?? 0)), plotPx, 44);
  const colors = options.ordered ? orderedColors(columnLabels.length) : CATEGORY_COLORS;

  const caption = crosstabCaption(view, meta);
  const axisTitle = view.multiple || percent === "column" ? words.percentOfGroup : words.percentOfRespondents;
  return frameChart(meta, caption, {
    data: { values: data },
    height: step * Math.max(1, rows.length),
    encoding: {
      y: { field: "rowLabel", type: "nominal", sort: null, scale: { paddingInner: 0.25, paddingOuter: 0.1 }, axis: bandAxis(true) },
      yOffset: { field: "columnLabel", type: "nominal", sort: columnLabels, scale: { paddingInner: 0.08 } },
      x: {
        field: "share",
        type: "quantitative",
        title: axisTitle,
        scale: { domain: [0, domainEnd], nice: false },
        axis: { format: ".0%", values: percentTicks(domainEnd), grid: true },
      },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          color: {
            field: "columnLabel",
            type: "nominal",
            sort: columnLabels,
            scale: { domain: columnLabels, range: colors.slice(0, columnLabels.length) },
            legend: rowLegend(columnLabels, width, meta.columnTitle ?? null),
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 3, fontSize: SIZES.value - 1.5, color: MUTED },
        encoding: { text: { field: "text" } },
      },
    ],
  });
}
