import type { Calibration } from "../calibration.js";
import { formatNumber } from "./format.js";
import type { Language } from "../../i18n/language.js";
import { chartWords } from "./locale.js";

/** What a chart's caption states about where its numbers come from. */
export interface CaptionInput {
  lang: Language;
  /** The question text: the chart's title. */
  question: string;
  /** Respondents the percentages are based on (unweighted); null when only the weighted base is known. */
  n: number | null;
  /** Respondents asked but without an answer. */
  missing?: number;
  /** Σ weights over the base, for a weighted result. */
  weightedN?: number;
  /** The filter in words; omitted: all respondents. */
  filter?: string;
  /** The weighting in words; omitted or null: unweighted. */
  weighting?: string | null;
  /** The formatted test; null: a test was due but could not be made; omitted: none due. */
  test?: string | null;
  /** Further lines: interval method, multi-select base, data source. */
  notes?: string[];
}

/** A chart's provenance: its title and the caption lines below it. */
export interface ChartCaption {
  title: string;
  lines: string[];
  /** Title and lines as one text, one per line (for a report's figure caption). */
  text: string;
}

/**
 * The provenance caption of a chart: question, base n (and missing, weighted base),
 * filter, weighting, test and notes, in the chart's language.
 *
 * @param input what to state
 * @returns title, caption lines and both as text
 * @throws {Error} on a negative or non-integer n
 * @example
 * chartCaption({ lang: "en", question: "Main problems", n: 1812, test: "χ²(12) = 42.5, p < .001, V = 0.15" }).lines;
 * // => ["Base: n = 1,812; filter: none (all respondents); unweighted", "Test: χ²(12) = 42.5, p < .001, V = 0.15"]
 */
export function chartCaption(input: CaptionInput): ChartCaption {
  const w = chartWords(input.lang);
  if (input.n !== null && (!Number.isInteger(input.n) || input.n < 0)) {
    throw new Error(`chartCaption: n must be a non-negative integer, got ${input.n}`);
  }
  const en = input.lang === "en";
  const aside: string[] = [];
  let base = `${w.base}${en ? ": " : " "}`;
  if (input.n !== null) base += `n = ${formatNumber(input.n, input.lang)}`;
  else if (input.weightedN !== undefined) base += `${w.weightedBase} N = ${formatNumber(input.weightedN, input.lang, 1)}`;
  if (input.missing) aside.push(`${w.missing} ${formatNumber(input.missing, input.lang)}`);
  if (input.weightedN !== undefined && input.n !== null) {
    aside.push(`${w.weightedBase} N = ${formatNumber(input.weightedN, input.lang, 1)}`);
  }
  if (aside.length > 0) base += `${w.open}${aside.join(w.comma)}${w.close}`;
  const filter = `${en ? w.filter.toLowerCase() : w.filter}${w.colon}${input.filter ?? w.noFilter}`;
  const weighting = input.weighting ? `${en ? w.weighting.toLowerCase() : w.weighting}${w.colon}${input.weighting}` : w.unweighted;
  const lines = [[base, filter, weighting].join(w.semicolon)];
  if (input.test !== undefined) lines.push(`${w.test}${w.colon}${input.test ?? w.noTest}`);
  lines.push(...(input.notes ?? []).filter((line) => line.length > 0));
  return { title: input.question, lines, text: [input.question, ...lines].join("\n") };
}

/**
 * The weighting of a result in words: the caller's description if given, else the
 * kind of calibration; null when unweighted.
 *
 * @param kind the result's `weighting` (undefined for an unweighted function)
 * @param lang the chart's language
 * @param description the caller's words, e.g. "按社会组织类型事后分层"
 * @returns the words or null
 * @example
 * weightingText("poststratify", "zh-Hans"); // => "事后分层加权"
 */
export function weightingText(kind: Calibration["kind"] | undefined, lang: Language, description?: string): string | null {
  if (description) return description;
  const w = chartWords(lang);
  if (kind === "poststratify") return w.poststratified;
  if (kind === "rake") return w.raked;
  return null;
}
