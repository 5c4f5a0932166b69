import type { TopLevelSpec } from "vega-lite";
import type { NumericSummary } from "../numeric-summary.js";
import { chartCaption, weightingText } from "./caption.js";
import { formatNumber } from "./format.js";
import { frameChart, type ChartMeta } from "./frame.js";
import type { Language } from "../../i18n/language.js";
import { chartWords } from "./locale.js";
import { BAR_COLOR, INK, MUTED, SIZES } from "./theme.js";

/** One bin: [start, end), its respondents. */
export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

/** Bin edges for a numeric question, as `histogramEdges` chooses them. */
export interface HistogramEdges {
  /** Ascending edges; bins are [edges[k], edges[k + 1]). */
  edges: number[];
  /** Values at or past the last edge go to one open bin ("55 and more"). */
  openEnd: boolean;
}

/** Options of {@link histogramEdges}. */
export interface HistogramEdgesOptions {
  /** Most bins (default 25, the open bin included). */
  maxBins?: number;
  /** The values are whole numbers (counts of people): bin widths are whole too. */
  integer?: boolean;
}

/**
 * Chooses histogram bins from a summary alone, so that the counts can then be made in
 * SQL (`width_bucket(x, ARRAY[edges])`): Freedman–Diaconis width 2·IQR·n^(−1/3) rounded
 * up to 1, 2, 2.5 or 5 × 10^k, starting at a multiple of the width below the minimum.
 * Far outliers (beyond Q3 + 3·IQR, common for staff counts) go to one open last bin
 * rather than stretching the axis over dozens of empty bins.
 * Reference: Freedman & Diaconis (1981), Z. Wahrscheinlichkeitstheorie 57, 453–476.
 *
 * @param summary a `numericSummary` with n > 0
 * @param options bin count limit, whole numbers
 * @returns edges and whether the last bin is open
 * @throws {Error} on an empty summary
 * @example
 * histogramEdges(numericSummary([1, 2, 2, 3, 3, 3, 4, 4, 5]), { integer: true }).edges; // => [0, 2, 4, 6]
 */
export function histogramEdges(summary: NumericSummary, options: HistogramEdgesOptions = {}): HistogramEdges {
  const { n, min, max, q1, q3 } = summary;
  if (n === 0 || min === null || max === null || q1 === null || q3 === null) throw new Error("histogramEdges: no values");
  const maxBins = options.maxBins ?? 25;
  const integer = options.integer ?? false;
  const iqr = q3 - q1;
  const sturges = Math.ceil(Math.log2(n) + 1);
  let width = niceWidth(iqr > 0 ? (2 * iqr) / Math.cbrt(n) : (max - min) / sturges || 1, integer);
  let start = Math.floor(min / width) * width;
  let stop = max;
  let openEnd = false;
  // Far outliers (beyond Q3 + 3·IQR) go to one open bin instead of stretching the axis.
  const cap = iqr > 0 ? q3 + 3 * iqr : Infinity;
  if (cap < max) {
    stop = Math.ceil(cap / width) * width;
    openEnd = stop <= max;
  }
  const room = openEnd ? maxBins - 1 : maxBins;
  if ((stop - start) / width > room) {
    width = niceWidth((stop - start) / room, integer);
    start = Math.floor(min / width) * width;
    stop = openEnd ? Math.ceil(cap / width) * width : max;
    openEnd = openEnd && stop <= max;
  }
  const edges: number[] = [];
  for (let edge = start; ; edge += width) {
    const rounded = Number(edge.toPrecision(12));
    edges.push(rounded);
    if (rounded > stop || (openEnd && rounded >= stop)) break;
  }
  return { edges, openEnd };
}

/**
 * Counts values into the bins of `histogramEdges` (for small data and tests; SQL does
 * the same with `width_bucket`).
 *
 * @param values the values
 * @param bins edges and open end
 * @returns one bin per pair of edges, plus the open bin
 * @throws {Error} when a value lies outside the bins
 * @example
 * binCounts([1, 2, 2], { edges: [1, 2, 3], openEnd: false }); // => [{ start: 1, end: 2, count: 1 }, { start: 2, end: 3, count: 2 }]
 */
export function binCounts(values: readonly number[], bins: HistogramEdges): HistogramBin[] {
  const { edges, openEnd } = bins;
  const last = edges.length - 1;
  const out: HistogramBin[] = edges.slice(0, last).map((start, k) => ({ start, end: edges[k + 1], count: 0 }));
  if (openEnd) out.push({ start: edges[last], end: edges[last] + (edges[last] - edges[last - 1]), count: 0 });
  for (const v of values) {
    if (v < edges[0] || (!openEnd && v >= edges[last])) throw new Error(`binCounts: ${v} lies outside the bins`);
    let k = out.findIndex((b) => v >= b.start && v < b.end);
    if (k < 0) k = out.length - 1;
    out[k].count++;
  }
  return out;
}

/** Options of {@link histogramChart}. */
export interface HistogramChartOptions {
  /** The last bin is open ("55 and more"). */
  openEnd?: boolean;
  /** The value axis title with its unit, e.g. "从业人员数（人）". */
  valueTitle?: string;
  /** The count axis title, e.g. "组织数（个）"; default "频数". */
  countTitle?: string;
  /** Decimals of the mean and median in labels (default 1). */
  digits?: number;
}

/**
 * Histogram of a numeric question from binned counts, with the median (solid) and
 * mean (dashed) marked and named, an open last bin labelled "≥ x". The caption states
 * n, missing, filter, weighting and mean, median and SD.
 *
 * @param bins the counts per bin (`binCounts` or SQL `width_bucket`)
 * @param summary the question's `numericSummary`
 * @param meta question text, language, filter
 * @param options open end, axis titles
 * @returns a vega-lite spec
 * @throws {Error} when there are no bins
 * @example
 * const s = numericSummary([3, 5, 8, 12, 30]);
 * histogramChart(binCounts([3, 5, 8, 12, 30], histogramEdges(s)), s, { lang: "en", title: "Staff" }).layer.length; // => 2
 */
export function histogramChart(bins: HistogramBin[], summary: NumericSummary, meta: ChartMeta, options: HistogramChartOptions = {}): TopLevelSpec {
  if (bins.length === 0) throw new Error("histogramChart: no bins");
  const words = chartWords(meta.lang);
  const digits = options.digits ?? 1;
  const lastEdge = bins[bins.length - 1].start;
  const openEnd = options.openEnd ?? false;
  const data = bins.map((b, k) => ({
    ...b,
    open: openEnd && k === bins.length - 1,
    text: openEnd && k === bins.length - 1 ? `≥ ${formatNumber(b.start, meta.lang, decimalsOf(b.start))}` : "",
  }));
  const domainEnd = bins[bins.length - 1].end;
  const edges = [...bins.map((b) => b.start), ...(openEnd ? [] : [domainEnd])];
  const tickStep = Math.ceil(edges.length / 12);
  const ticks = edges.filter((_, k) => k % tickStep === 0);
  const x = {
    type: "quantitative",
    title: options.valueTitle ?? null,
    scale: { domain: [bins[0].start, domainEnd], nice: false, zero: false },
    axis: { values: ticks, grid: false, format: "~r" },
  };
  const markers = [
    { value: summary.median, label: words.median, dash: [] as number[], row: 0 },
    { value: summary.mean, label: words.mean, dash: [5, 3], row: 1 },
  ].filter((m): m is { value: number; label: string; dash: number[]; row: number } => m.value !== null && m.value < domainEnd);
  const span = domainEnd - bins[0].start;
  const markerData = markers.map((m) => ({
    ...m,
    text: `${m.label} ${fmt(m.value, meta.lang, digits)}`,
    align: (m.value - bins[0].start) / span > 0.6 ? "right" : "left",
    // Above the plot, one row per marker, so that no label sits on a bar.
    y: -(markers.length - m.row) * (SIZES.value + 5) - 2,
  }));

  const notes: string[] = [];
  if (summary.mean !== null && summary.median !== null) {
    notes.push(words.summary(fmt(summary.mean, meta.lang, digits), fmt(summary.median, meta.lang, digits), summary.sd === null ? "–" : fmt(summary.sd, meta.lang, digits)));
  }
  if (openEnd) notes.push(words.openBinNote(formatNumber(lastEdge, meta.lang, decimalsOf(lastEdge))));
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: summary.n,
    missing: summary.missing,
    filter: meta.filter,
    weighting: weightingText(undefined, meta.lang, meta.weighting),
    notes: [...notes, ...(meta.notes ?? [])],
  });
  return frameChart(meta, caption, {
    height: 240,
    layer: [
      {
        data: { values: data },
        layer: [
          {
            mark: { type: "rect", stroke: "#ffffff", strokeWidth: 0.8 },
            encoding: {
              x: { ...x, field: "start" },
              x2: { field: "end" },
              y: {
                field: "count",
                type: "quantitative",
                title: options.countTitle ?? words.count,
                scale: { zero: true, nice: true },
                axis: { tickCount: 5, grid: true, format: "~s" },
              },
              y2: { datum: 0 },
              color: { condition: { test: "datum.open", value: "#9db4d3" }, value: BAR_COLOR },
            },
          },
          {
            transform: [{ filter: "datum.open" }, { calculate: "(datum.start + datum.end) / 2", as: "mid" }],
            mark: { type: "text", baseline: "bottom", dy: -3, color: INK, fontSize: SIZES.value },
            encoding: { x: { ...x, field: "mid" }, y: { field: "count", type: "quantitative" }, text: { field: "text" } },
          },
        ],
      },
      {
        data: { values: markerData },
        layer: [
          {
            mark: { type: "rule", color: INK, strokeWidth: 1.4 },
            encoding: { x: { ...x, field: "value" }, strokeDash: { field: "dash", type: "nominal", scale: null, legend: null } },
          },
          ...["left", "right"].map((align) => ({
            transform: [{ filter: `datum.align === '${align}'` }],
            mark: { type: "text", align, baseline: "top", dx: align === "left" ? 4 : -4, color: MUTED, fontSize: SIZES.value },
            encoding: {
              x: { ...x, field: "value" },
              y: { field: "y", type: "quantitative", scale: null },
              text: { field: "text" },
            },
          })),
        ],
      },
    ],
  });
}

function niceWidth(raw: number, integer: boolean): number {
  const exponent = Math.floor(Math.log10(raw));
  const base = 10 ** exponent;
  const steps = integer && exponent <= 0 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const width = steps.map((s) => s * base).find((w) => w >= raw * (1 - 1e-9)) ?? 10 * base;
  return integer ? Math.max(1, Math.round(width)) : width;
}

function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes(".") ? text.split(".")[1].length : 0;
}

function fmt(value: number, lang: Language, digits: number): string {
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : digits);
}
