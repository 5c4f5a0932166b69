import type { FrequenciesResult } from "../frequencies.js";
import type { WeightedFrequenciesResult } from "../weighted-frequencies.js";
import { chartCaption, weightingText, type ChartCaption } from "./caption.js";
import type { ChartMeta } from "./frame.js";
import { chartWords } from "./locale.js";

/**
 * The caption of a frequency result, the same under its chart and its table: base n,
 * missing and weighted base, filter, weighting; then `first` (what only one of them
 * states, such as the chart's error bars), the multi-select base and the caller's notes.
 *
 * @param result a `frequencies` or `weightedFrequencies` result
 * @param meta question text, language, filter, weighting words and notes
 * @param first lines before the multi-select base
 * @returns title, caption lines and both as text
 * @example
 * frequencyCaption(frequencies({ labels: ["是", "否"], counts: [946, 866] }), { lang: "en", title: "Q1" }).lines[0];
 * // => "Base: n = 1,812; filter: none (all respondents); unweighted"
 */
export function frequencyCaption(result: FrequenciesResult | WeightedFrequenciesResult, meta: ChartMeta, first: string[] = []): ChartCaption {
  const weighted = "weightedN" in result;
  return chartCaption({
    lang: meta.lang,
    question: meta.title,
    n: result.n,
    missing: result.missing,
    ...(weighted ? { weightedN: result.weightedN } : {}),
    filter: meta.filter,
    weighting: weightingText(weighted ? result.weighting : undefined, meta.lang, meta.weighting),
    notes: [...first, ...(result.kind === "multiple" ? [chartWords(meta.lang).multipleBase] : []), ...(meta.notes ?? [])],
  });
}
