import type { TopLevelSpec } from "vega-lite";
import type { NumericSummary } from "../numeric-summary.js";
import { chartCaption, weightingText } from "./caption.js";
import { formatNumber } from "./format.js";
import { axisLabel, bandAxis, displayText, frameChart, labelMaxEm, maxLineCount, type ChartMeta } from "./frame.js";
import { chartWords } from "./locale.js";
import { INK, SIZES } from "./theme.js";

/** Options of {@link boxPlotChart}. */
export interface BoxPlotOptions {
  /** "linear" (default) or "symlog" for long right tails (staff counts); symlog keeps 0. */
  scale?: "linear" | "symlog";
  /** The value axis title with its unit, e.g. "从业人员数（人）". */
  valueTitle?: string;
  /** Group order: "input" (default) or "median" (largest first). */
  sort?: "input" | "median";
}

/** One group's box, as it stands in the spec's data. */
export interface BoxDatum {
  group: string;
  /** Group text and its n, wrapped ("\n"). */
  label: string;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/**
 * Box plot of a numeric question by group from summaries (no raw values needed): box
 * from Q1 to Q3 (type 7 quartiles, as PostgreSQL's percentile_cont), a line at the
 * median, a diamond at the mean, whiskers from minimum to maximum (there are no
 * outliers to draw without raw values). Empty groups are left out. The caption states
 * n, missing, filter, weighting and how to read the box.
 *
 * @param groups `numericSummaryByGroup` output
 * @param meta question text, group labels, language, filter
 * @param options scale, axis title, order
 * @returns a vega-lite spec
 * @example
 * const groups = numericSummaryByGroup([{ label: "社会团体", data: [12, 30, 7] }, { label: "基金会", data: [5, 9] }]);
 * boxPlotChart(groups, { lang: "zh-Hans", title: "从业人员数" }).data; // => { values: [{ group: "社会团体", median: 12, … }, …] }
 */
export function boxPlotChart(groups: (NumericSummary & { label: string })[], meta: ChartMeta, options: BoxPlotOptions = {}): TopLevelSpec {
  const words = chartWords(meta.lang);
  const kept = groups.filter((g) => g.n > 0);
  if (options.sort === "median") kept.sort((a, b) => b.median! - a.median!);
  const data: BoxDatum[] = kept.map((g) => ({
    group: g.label,
    label: `${axisLabel(displayText(g.label, meta.labels, meta.lang), labelMaxEm(meta.lang), 2)}\nn = ${formatNumber(g.n, meta.lang)}`,
    n: g.n,
    min: g.min!,
    q1: g.q1!,
    median: g.median!,
    q3: g.q3!,
    max: g.max!,
    mean: g.mean!,
  }));
  const symlog = options.scale === "symlog";
  const ticks = logTicks(Math.max(...data.map((d) => d.max), 1));
  const top = ticks[ticks.length - 1];
  const x = {
    type: "quantitative",
    title: options.valueTitle ?? null,
    scale: symlog ? { type: "symlog", domain: [Math.min(0, ...data.map((d) => d.min)), top], nice: false } : { zero: false, nice: true },
    axis: { grid: true, ...(symlog ? { values: ticks, format: "~s" } : { format: "~s" }) },
  };
  const step = Math.max(40, maxLineCount(data.map((d) => d.label)) * SIZES.lineHeight + 12);
  const n = groups.reduce((s, g) => s + g.n, 0);
  const missing = groups.reduce((s, g) => s + g.missing, 0);
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n,
    missing,
    filter: meta.filter,
    weighting: weightingText(undefined, meta.lang, meta.weighting),
    notes: [words.boxNote, ...(symlog ? [words.symlog] : []), ...(meta.notes ?? [])],
  });
  return frameChart(meta, caption, {
    data: { values: data },
    height: step * Math.max(1, data.length),
    encoding: { y: { field: "label", type: "nominal", sort: null, axis: bandAxis(true) } },
    layer: [
      { mark: { type: "rule", color: INK, strokeWidth: 1.2 }, encoding: { x: { ...x, field: "min" }, x2: { field: "max" } } },
      {
        mark: { type: "bar", size: Math.round(step * 0.5), fill: "#c6d7ec", stroke: "#3b6ea8", strokeWidth: 1.2 },
        encoding: { x: { ...x, field: "q1" }, x2: { field: "q3" } },
      },
      {
        mark: { type: "tick", size: Math.round(step * 0.5), thickness: 2.5, color: INK },
        encoding: { x: { ...x, field: "median" } },
      },
      {
        mark: { type: "point", shape: "diamond", filled: true, size: 70, color: "#d55e00", opacity: 1 },
        encoding: { x: { ...x, field: "mean" } },
      },
    ],
  });
}

/** 0, 1, 2, 5, 10, 20, 50, … up to the first at or above `max`: ticks a log axis reads well with. */
function logTicks(max: number): number[] {
  const ticks = [0];
  for (let base = 1; ; base *= 10) {
    for (const m of [1, 2, 5]) {
      ticks.push(m * base);
      if (m * base >= max) return ticks;
    }
  }
}
