import type { IndependenceTests } from "../independence-tests.js";
import type { RaoScottResult } from "../rao-scott.js";
import type { Language } from "../../i18n/language.js";
import { chartWords } from "./locale.js";

/**
 * A p-value in APA style: no leading zero, three decimals, "p < .001" below that.
 * Reference: APA Publication Manual, 7th ed., §6.36.
 *
 * @param p a probability in [0, 1]
 * @returns "p = .032", "p < .001" or "p > .999"
 * @throws {Error} when p is not a probability
 * @example
 * formatP(0.0000446); // => "p < .001"
 */
export function formatP(p: number): string {
  if (!(p >= 0 && p <= 1)) throw new Error(`formatP: not a probability: ${p}`);
  if (p < 0.001) return "p < .001";
  if (p > 0.999) return "p > .999";
  // Never print a rounded p that crosses .05 or .01: truncate instead of rounding there.
  let text = p.toFixed(3);
  if ((p < 0.05 && text === "0.050") || (p < 0.01 && text === "0.010")) text = (Math.floor(p * 1000) / 1000).toFixed(3);
  return `p = ${text.slice(1)}`;
}

/**
 * A test statistic: two decimals, one from 10 on (χ² = 42.5, F = 8.21).
 *
 * @param value the statistic
 * @returns the number as text
 * @example
 * formatStatistic(42.517); // => "42.5"
 */
export function formatStatistic(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/**
 * A fraction as a percentage with a fixed number of decimals.
 *
 * @param fraction a share (0.522)
 * @param digits decimals, default 1
 * @returns "52.2%"
 * @example
 * formatPercent(0.52207); // => "52.2%"
 */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/**
 * A count or other number, grouped by thousands in English only (Chinese reports
 * print 1812 without separators).
 *
 * @param value the number
 * @param lang the chart's language
 * @param digits decimals, default 0
 * @returns the number as text
 * @example
 * formatNumber(1812, "en"); // => "1,812"
 */
export function formatNumber(value: number, lang: Language, digits = 0): string {
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: lang === "en",
  });
}

/**
 * Pearson χ² test of a cross-tab with Cramér's V, APA style; a 2×2 table adds
 * Fisher's exact p.
 *
 * @param tests the `tests` of a `crosstab` result
 * @param lang the chart's language (separators)
 * @returns "χ²(12) = 42.5, p < .001, V = 0.15"
 * @example
 * formatChiSquaredTest({ pearson: { statistic: 42.5, df: 12, p: 2e-5 }, cramersV: 0.153 } as IndependenceTests, "en");
 * // => "χ²(12) = 42.5, p < .001, V = 0.15"
 */
export function formatChiSquaredTest(tests: IndependenceTests, lang: Language): string {
  const w = chartWords(lang);
  const { statistic, df, p } = tests.pearson;
  const parts = [`χ²(${df}) = ${formatStatistic(statistic)}`, formatP(p), `V = ${tests.cramersV.toFixed(2)}`];
  if (tests.fisher) parts.push(`Fisher ${formatP(tests.fisher.p)}`);
  return parts.join(w.comma);
}

/**
 * Rao–Scott F test of a weighted cross-tab (`svychisq(statistic = "F")`), APA style.
 *
 * @param test the `tests.raoScott` of a `weightedCrosstab` result
 * @param lang the chart's language (separators)
 * @returns "Rao–Scott F(3.61, 6512.4) = 8.21, p < .001"
 * @example
 * formatRaoScottTest({ F: 8.214, ndf: 3.61, ddf: 6512.4, pF: 1e-6 } as RaoScottResult, "en");
 * // => "Rao–Scott F(3.61, 6512.4) = 8.21, p < .001"
 */
export function formatRaoScottTest(test: RaoScottResult, lang: Language): string {
  const w = chartWords(lang);
  return [`Rao–Scott F(${test.ndf.toFixed(2)}, ${test.ddf.toFixed(1)}) = ${formatStatistic(test.F)}`, formatP(test.pF)].join(w.comma);
}
