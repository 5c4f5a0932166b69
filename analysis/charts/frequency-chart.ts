import type { TopLevelSpec } from "vega-lite";
import type { FrequenciesResult } from "../frequencies.js";
import type { WeightedFrequenciesResult } from "../weighted-frequencies.js";
import { formatPercent } from "./format.js";
import { frequencyCaption } from "./frequency-caption.js";
import { axisLabel, displayText, domainWithRoom, frameChart, labelColumnEm, labelMaxEm, bandAxis, maxLineCount, percentTicks, type ChartMeta } from "./frame.js";
import type { Language } from "../../i18n/language.js";
import { chartWords } from "./locale.js";
import { BAR_COLOR, DEFAULT_CHART_WIDTH, INK, MUTED, SIZES } from "./theme.js";

/** Options of {@link frequencyChart}. */
export interface FrequencyChartOptions {
  /** "share" (default): largest first; "input": questionnaire order. */
  sort?: "share" | "input";
  /** Category values kept at the end whatever their share; default "other", 其他, 不清楚 and the like. */
  keepLast?: string[];
}

/** Values that close a list in every questionnaire rather than compete for first place. */
export const DEFAULT_KEEP_LAST = ["other", "其他", "不清楚", "不知道", "说不清", "說不清", "无", "無"];

/** One bar of a frequency chart, as it stands in the spec's data. */
export interface FrequencyDatum {
  value: string;
  /** Display text, wrapped: lines joined by "\n". */
  label: string;
  /** Percent of cases (respondents), a fraction. */
  share: number;
  /** Interval bounds, clipped to [0, 1]; null when there is no interval. */
  lower: number | null;
  upper: number | null;
  count: number;
  weightedCount?: number;
  /** The value label printed beside the bar. */
  text: string;
}

/**
 * Horizontal bar chart of a frequency table: percent of respondents per category,
 * sorted by share (other/don't know last), with the confidence interval of each
 * percentage as error bars and the percentage printed beside it. A multi-select
 * question is drawn on the respondents base (percent of cases, which may add up past
 * 100 %), and says so in its caption. The caption states base n, missing, filter,
 * weighting and the interval method.
 *
 * @param result a `frequencies` or `weightedFrequencies` result
 * @param meta question text, category labels, language, filter and weighting words
 * @param options sorting
 * @returns a vega-lite spec
 * @example
 * const r = frequencies({ labels: ["是", "否"], counts: [946, 866] });
 * frequencyChart(r, { lang: "zh-Hans", title: "是否选择管理体制不顺畅" }).data; // => { values: [{ value: "是", share: 0.522…, … }, …] }
 */
export function frequencyChart(result: FrequenciesResult | WeightedFrequenciesResult, meta: ChartMeta, options: FrequencyChartOptions = {}): TopLevelSpec {
  const words = chartWords(meta.lang);
  const weighted = "weightedN" in result;
  const maxEm = labelMaxEm(meta.lang);
  const data: FrequencyDatum[] = result.labels.map((value, k) => {
    const ci = result.ci[k];
    return {
      value,
      label: axisLabel(displayText(value, meta.labels, meta.lang), maxEm, 3),
      share: result.casePercent[k],
      lower: ci ? clip(ci.lower) : null,
      upper: ci ? clip(ci.upper) : null,
      count: result.counts[k],
      ...(weighted ? { weightedCount: result.weightedCounts[k] } : {}),
      text: formatPercent(result.casePercent[k]),
    };
  });
  const ordered = sortCategories(data, options.sort ?? "share", options.keepLast ?? DEFAULT_KEEP_LAST);

  const labels = ordered.map((d) => d.label);
  const lines = maxLineCount(labels);
  const step = Math.max(SIZES.bar + 8, lines * SIZES.lineHeight + 8);
  const plotPx = (meta.width ?? DEFAULT_CHART_WIDTH) - 30 - labelColumnEm(labels) * SIZES.label;
  const maxDrawn = Math.max(...ordered.map((d) => d.upper ?? d.share), 0);
  const domainEnd = domainWithRoom(maxDrawn, plotPx, 48);

  const firstCi = result.ci.find((ci) => ci !== null);
  const caption = frequencyCaption(result, meta, firstCi ? [words.errorBars(firstCi.level, intervalName(firstCi.method, meta.lang))] : []);

  const axisTitle = words.percentOfRespondents;
  return frameChart(meta, caption, {
    data: { values: ordered },
    // A fixed height rather than a step: vega-lite only fits the width when the height is not a step.
    height: step * Math.max(1, ordered.length),
    encoding: {
      y: {
        field: "label",
        type: "nominal",
        sort: null,
        scale: { paddingInner: 0.3, paddingOuter: 0.2 },
        axis: bandAxis(true),
      },
    },
    layer: [
      {
        mark: { type: "bar", color: BAR_COLOR },
        encoding: {
          x: {
            field: "share",
            type: "quantitative",
            scale: { domain: [0, domainEnd], nice: false },
            title: axisTitle,
            axis: { format: ".0%", values: percentTicks(domainEnd), grid: true },
          },
        },
      },
      {
        transform: [{ filter: "datum.lower !== null" }],
        mark: { type: "errorbar", ticks: true, color: INK, thickness: 1.2 },
        encoding: { x: { field: "lower", type: "quantitative", title: axisTitle }, x2: { field: "upper" } },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 6, color: MUTED, fontSize: SIZES.value },
        encoding: {
          x: { field: "labelAt", type: "quantitative", title: axisTitle },
          text: { field: "text" },
        },
        transform: [{ calculate: "datum.upper === null ? datum.share : max(datum.share, datum.upper)", as: "labelAt" }],
      },
    ],
  });
}

/**
 * Orders categories by share (largest first), keeping "other"-like values at the end
 * in their own order; "input" keeps the questionnaire order.
 */
export function sortCategories<T extends { value: string; share: number }>(items: T[], sort: "share" | "input", keepLast: string[]): T[] {
  if (sort === "input") return [...items];
  const last = new Set(keepLast);
  const head = items.filter((d) => !last.has(d.value)).sort((a, b) => b.share - a.share);
  return [...head, ...items.filter((d) => last.has(d.value))];
}

/** The interval method of a result in words. */
export function intervalName(method: string, lang: Language): string {
  if (method.startsWith("wald")) return chartWords(lang).designBased;
  const names: Record<string, string> = { wilson: "Wilson", "clopper-pearson": "Clopper–Pearson", "agresti-coull": "Agresti–Coull" };
  return names[method] ?? method;
}

function clip(value: number): number {
  return Math.min(1, Math.max(0, value));
}
