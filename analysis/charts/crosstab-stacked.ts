import type { TopLevelSpec } from "vega-lite";
import type { CrosstabResult } from "../crosstab.js";
import type { WeightedCrosstabResult } from "../weighted-crosstab.js";
import { crosstabCaption, crosstabView } from "./crosstab-view.js";
import { formatPercent } from "./format.js";
import { axisLabel, bandAxis, displayText, frameChart, labelMaxEm, maxLineCount, rowLegend, type ChartMeta } from "./frame.js";
import { chartWords } from "./locale.js";
import { CATEGORY_COLORS, DEFAULT_CHART_WIDTH, orderedColors, SIZES, textColorOn } from "./theme.js";
import { truncateText } from "./wrap-text.js";

/** Options of {@link crosstabStackedBars}. */
export interface CrosstabStackedOptions {
  /** Add a bar for all respondents on top (default true). */
  overall?: boolean;
  /** Row categories are ordered (agreement, frequency): a light-to-dark palette. */
  ordered?: boolean;
  /** Segments narrower than this share get no printed percentage (default 0.06). */
  minLabelShare?: number;
}

/** One segment of a 100 % stacked bar, as it stands in the spec's data. */
export interface StackedSegmentDatum {
  /** Column group (the bar). */
  group: string;
  /** The bar's label: group text and its base, wrapped ("\n"). */
  groupLabel: string;
  /** Row category (the segment). */
  category: string;
  categoryLabel: string;
  order: number;
  share: number;
  /** Where the segment starts, ends and is centred on the 0–1 axis. */
  start: number;
  end: number;
  mid: number;
  text: string;
  textColor: string;
}

/**
 * 100 % stacked horizontal bars of a single-choice cross-tab: one bar per column group
 * (with its base n, and an "overall" bar first), its segments the distribution of the
 * row question within that group, percentages printed inside wide enough segments.
 * The caption states base, filter, weighting and the test.
 *
 * @param result a `crosstab` or `weightedCrosstab` result
 * @param meta question text (the row question), row and column labels, column question's text, language
 * @param options overall bar, palette, label threshold
 * @returns a vega-lite spec
 * @example
 * const r = crosstab({ rowLabels: ["是", "否"], columnLabels: ["市", "区"], counts: [[30, 10], [20, 40]] });
 * crosstabStackedBars(r, { lang: "en", title: "…" }).encoding; // => { y: { field: "groupLabel", … }, … }
 */
export function crosstabStackedBars(result: CrosstabResult | WeightedCrosstabResult, meta: ChartMeta, options: CrosstabStackedOptions = {}): TopLevelSpec {
  const words = chartWords(meta.lang);
  const view = crosstabView(result, meta.lang);
  const width = meta.width ?? DEFAULT_CHART_WIDTH;
  const minShare = options.minLabelShare ?? 0.06;
  const maxEm = labelMaxEm(meta.lang) - 2;
  const categories = view.rowLabels.map((value) => displayText(value, meta.labels, meta.lang));
  const legendLabels = categories.map((c) => truncateText(c, 14));
  const colors = (options.ordered ? orderedColors(categories.length) : CATEGORY_COLORS).slice(0, categories.length);
  const baseLine = (n: number | null) => (n === null ? "" : `\nn = ${meta.lang === "en" ? n.toLocaleString("en-US") : n}`);

  const groups: { key: string; label: string; shares: (number | null)[] }[] = [];
  if (options.overall ?? true) {
    groups.push({ key: "\u0000overall", label: words.overall + baseLine(view.n), shares: view.rowShare });
  }
  view.columnLabels.forEach((value, j) => {
    const label = axisLabel(displayText(value, meta.columnLabels, meta.lang), maxEm, 2) + baseLine(view.columnBases ? view.columnBases[j] : null);
    groups.push({ key: value, label, shares: view.columnPercent.map((row) => row[j]) });
  });
  const data: StackedSegmentDatum[] = groups.flatMap((g) => {
    let start = 0;
    return g.shares.flatMap((share, i) => {
      if (share === null) return [];
      const segment = {
        group: g.key,
        groupLabel: g.label,
        category: view.rowLabels[i],
        categoryLabel: legendLabels[i],
        order: i,
        share,
        start,
        end: start + share,
        mid: start + share / 2,
        text: share >= minShare ? formatPercent(share, 0) : "",
        textColor: textColorOn(colors[i % colors.length]),
      };
      start += share;
      return [segment];
    });
  });
  const lines = maxLineCount(groups.map((g) => g.label));
  const step = Math.max(SIZES.bar + 12, lines * SIZES.lineHeight + 8);
  const caption = crosstabCaption(view, meta);
  const axisTitle = words.percentOfGroup;
  return frameChart(meta, caption, {
    data: { values: data },
    height: step * groups.length,
    encoding: {
      y: { field: "groupLabel", type: "nominal", sort: null, scale: { paddingInner: 0.25 }, axis: bandAxis(true) },
    },
    layer: [
      {
        mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.8 },
        encoding: {
          x: {
            field: "start",
            type: "quantitative",
            title: axisTitle,
            scale: { domain: [0, 1], nice: false },
            axis: { format: ".0%", values: [0, 0.2, 0.4, 0.6, 0.8, 1], grid: false },
          },
          x2: { field: "end" },
          color: {
            field: "categoryLabel",
            type: "nominal",
            sort: legendLabels,
            scale: { domain: legendLabels, range: colors },
            legend: rowLegend(legendLabels, width, null),
          },
        },
      },
      {
        mark: { type: "text", baseline: "middle", align: "center", fontSize: SIZES.value },
        encoding: {
          x: { field: "mid", type: "quantitative", title: axisTitle },
          text: { field: "text" },
          // fill, not color: the color scale belongs to the categories.
          fill: { field: "textColor", type: "nominal", scale: null, legend: null },
        },
      },
    ],
  });
}
