import type { TopLevelSpec } from "vega-lite";
import { chartCaption } from "./caption.js";
import { formatPercent } from "./format.js";
import { bandAxis, domainWithRoom, frameChart, labelColumnEm, percentTicks, type ChartMeta } from "./frame.js";
import { BAR_COLOR, DEFAULT_CHART_WIDTH, MUTED, SIZES } from "./theme.js";

/** One word of a keyword table as the charts draw it. */
export interface KeywordDatum {
  /** The word as shown. */
  word: string;
  respondents: number;
  /** Share of respondents who answered (weighted when the table is), a fraction. */
  share: number;
}

/** What a keyword chart says besides its words. */
export interface KeywordChartText {
  /** The value axis: share of respondents who answered. */
  axisTitle: string;
  /** Respondents who answered (unweighted). */
  n: number;
  weightedN?: number;
  /** The base of the shares in words. */
  base: string;
}

/**
 * Horizontal bars of the most used words of open answers: share of respondents who used
 * each word (each respondent once), largest first, the share printed beside the bar; the
 * caption gives base, filter, weighting and source.
 *
 * @param words the words, most used first
 * @param meta question text, language, filter, weighting, notes
 * @param text axis title and base
 * @returns a vega-lite spec
 * @throws {Error} when there are no words to draw
 * @example keywordBars([{ word: "经费", respondents: 3, share: 0.5 }], { lang: "zh-Hans", title: "意见和建议" }, { axisTitle: "占作答者", n: 6, base: "…" }).data // => { values: [{ word: "经费", …, text: "50.0%" }] }
 */
export function keywordBars(words: KeywordDatum[], meta: ChartMeta, text: KeywordChartText): TopLevelSpec {
  if (words.length === 0) throw new Error("keywordBars: no words to draw (no answer has a content word)");
  const data = words.map((w) => ({ ...w, text: formatPercent(w.share) }));
  const plotPx = (meta.width ?? DEFAULT_CHART_WIDTH) - 30 - labelColumnEm(words.map((w) => w.word)) * SIZES.label;
  const domainEnd = Math.min(1, domainWithRoom(Math.max(...words.map((w) => w.share)), plotPx, 48));
  const caption = chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: text.n,
    weightedN: text.weightedN,
    filter: meta.filter,
    weighting: meta.weighting,
    notes: [text.base, ...(meta.notes ?? [])],
  });
  return frameChart(meta, caption, {
    data: { values: data },
    height: (SIZES.bar + 8) * words.length,
    encoding: { y: { field: "word", type: "nominal", sort: null, scale: { paddingInner: 0.3, paddingOuter: 0.2 }, axis: bandAxis(true) } },
    layer: [
      {
        mark: { type: "bar", color: BAR_COLOR },
        encoding: {
          x: {
            field: "share",
            type: "quantitative",
            scale: { domain: [0, domainEnd], nice: false },
            title: text.axisTitle,
            axis: { format: ".0%", values: percentTicks(domainEnd), grid: true },
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 6, color: MUTED, fontSize: SIZES.value },
        encoding: { x: { field: "share", type: "quantitative", title: text.axisTitle }, text: { field: "text" } },
      },
    ],
  });
}
