import type { TopLevelSpec } from "vega-lite";
import type { RatioEstimate } from "../ratio-of-totals.js";
import { chartCaption, weightingText } from "./caption.js";
import { formatNumber, formatPercent } from "./format.js";
import { axisLabel, bandAxis, displayText, frameChart, labelMaxEm, maxLineCount, type ChartMeta } from "./frame.js";
import { chartWords } from "./locale.js";
import { BAR_COLOR, INK, MUTED, SIZES } from "./theme.js";

/** Options of {@link ratioChart}. */
export interface RatioChartOptions {
  /** Print ratios as percentages (default true: members / staff = 10.4 %); false: as numbers. */
  percent?: boolean;
  /** Decimals of printed ratios (default 1). */
  digits?: number;
  /** Group order: "value" (largest first, default) or "input". */
  sort?: "value" | "input";
  /** The axis title, e.g. "党员数 / 从业人员数"; default the word "ratio". */
  valueTitle?: string;
}

/** One group's dot and whisker, as it stands in the spec's data. */
export interface RatioDatum {
  group: string;
  /** Group text and its n, wrapped ("\n"). */
  label: string;
  ratio: number;
  lower: number | null;
  upper: number | null;
  n: number;
  text: string;
}

/**
 * Dot plot of a ratio of totals by group (e.g. party members / staff by organisation
 * type): one dot per group with its confidence interval as a whisker, the value
 * printed beside it, and the overall ratio as a dashed reference line. Groups without
 * a denominator are left out. The caption states n, filter, weighting, the overall
 * ratio with its interval and the interval level.
 *
 * @param result a `ratioOfTotals` or `calibratedRatioOfTotals` result
 * @param meta title, group labels, language, filter and weighting words
 * @param options percent or number, decimals, order, axis title
 * @returns a vega-lite spec
 * @example
 * const r = ratioOfTotals({ groups: [{ label: "社会团体", n: 3, sumWX: 30, sumWY: 3, sumW2X2: 350, sumW2Y2: 5, sumW2XY: 40 }] });
 * ratioChart(r, { lang: "zh-Hans", title: "党员占从业人员的比例" }).data; // => { values: [{ ratio: 0.1, … }] }
 */
export function ratioChart(result: { overall: RatioEstimate; groups: RatioEstimate[] }, meta: ChartMeta, options: RatioChartOptions = {}): TopLevelSpec {
  const words = chartWords(meta.lang);
  const asPercent = options.percent ?? true;
  const digits = options.digits ?? 1;
  const format = (v: number) => (asPercent ? formatPercent(v, digits) : formatNumber(v, meta.lang, digits));
  const groups = result.groups
    .map((g, k) => ({ g, k }))
    .filter(({ g }) => g.ratio !== null)
    .sort((a, b) => ((options.sort ?? "value") === "value" ? b.g.ratio! - a.g.ratio! : a.k - b.k));
  const data: RatioDatum[] = groups.map(({ g, k }) => {
    const name = displayText(g.label ?? String(k + 1), meta.labels, meta.lang);
    return {
      group: g.label ?? String(k + 1),
      label: `${axisLabel(name, labelMaxEm(meta.lang), 2)}\nn = ${formatNumber(g.n, meta.lang)}`,
      ratio: g.ratio!,
      lower: g.ci ? g.ci.lower : null,
      upper: g.ci ? g.ci.upper : null,
      n: g.n,
      text: format(g.ratio!),
    };
  });
  const overall = result.overall;
  const maxValue = Math.max(...data.map((d) => d.upper ?? d.ratio), overall.ratio ?? 0, 0);
  const domainEnd = maxValue * 1.18 || 1;
  const step = Math.max(36, maxLineCount(data.map((d) => d.label)) * SIZES.lineHeight + 10);
  const level = overall.ci?.level ?? groups[0]?.g.ci?.level ?? 0.95;

  const notes = [words.intervalNote(level)];
  if (overall.ratio !== null) {
    const ci = overall.ci ? `${words.open}${format(overall.ci.lower)}–${format(overall.ci.upper)}${words.close}` : "";
    notes.unshift(`${words.overall} ${format(overall.ratio)}${ci}`);
  }
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: overall.n,
    filter: meta.filter,
    weighting: weightingText(undefined, meta.lang, meta.weighting),
    notes: [...notes, ...(meta.notes ?? [])],
  });
  const title = options.valueTitle ?? words.ratio;
  const x = {
    type: "quantitative",
    title,
    scale: { domain: [0, domainEnd], nice: false, zero: true },
    axis: { format: asPercent ? ".0%" : ",~r", grid: true, tickCount: 6 },
  };
  const layers: Record<string, unknown>[] = [
    {
      transform: [{ filter: "datum.lower !== null" }],
      mark: { type: "rule", color: INK, strokeWidth: 1.5 },
      encoding: { x: { ...x, field: "lower" }, x2: { field: "upper" } },
    },
    {
      mark: { type: "point", filled: true, size: 90, color: BAR_COLOR, opacity: 1 },
      encoding: { x: { ...x, field: "ratio" } },
    },
    // A white halo under each value keeps it legible where the reference line crosses it.
    ...[true, false].map((halo) => ({
      mark: {
        type: "text",
        align: "left",
        baseline: "middle",
        dx: 7,
        color: halo ? "#ffffff" : MUTED,
        fontSize: SIZES.value,
        ...(halo ? { stroke: "#ffffff", strokeWidth: 4, strokeJoin: "round" } : {}),
      },
      transform: [{ calculate: "datum.upper === null ? datum.ratio : datum.upper", as: "labelAt" }],
      encoding: { x: { ...x, field: "labelAt" }, text: { field: "text" } },
    })),
  ];
  const groupLayer = { encoding: { y: { field: "label", type: "nominal", sort: null, axis: bandAxis(true) } }, layer: layers };
  const overallLayer = {
    data: { values: overall.ratio === null ? [] : [{ ratio: overall.ratio, text: `${words.overall} ${format(overall.ratio)}` }] },
    layer: [
      { mark: { type: "rule", strokeDash: [5, 4], color: "#888888", strokeWidth: 1.2 }, encoding: { x: { ...x, field: "ratio" } } },
      {
        mark: { type: "text", align: "left", baseline: "bottom", dx: 4, y: -4, color: MUTED, fontSize: SIZES.value },
        encoding: { x: { ...x, field: "ratio" }, text: { field: "text" } },
      },
    ],
  };
  const body = { data: { values: data }, height: step * Math.max(1, data.length), layer: [overallLayer, groupLayer] };
  return frameChart(meta, caption, body);
}
