import { proportionInterval, type ConfidenceInterval, type ProportionIntervalOptions } from "./proportion-interval.js";

/**
 * Aggregates for one choice question, as one `GROUP BY answer` produces them.
 * For a multi-select question, `counts[k]` is the number of respondents who ticked
 * option k (`GROUP BY` over the unnested answer array).
 */
export interface FrequenciesInput {
  labels: string[];
  counts: number[];
  /** Respondents who were asked but gave no answer. */
  missing?: number;
  /** Respondents the questionnaire logic never asked (outside every base). */
  notAsked?: number;
  /** A multi-select question ("choose up to three"). */
  multiple?: boolean;
  /**
   * Respondents with a valid answer (at least one option ticked). Required for a
   * multi-select question; for a single choice it defaults to, and must equal, Σ counts.
   */
  valid?: number;
  /** Interval per category; omit for the Wilson 95 % interval. */
  ci?: ProportionIntervalOptions;
}

export interface FrequenciesResult {
  kind: "single" | "multiple";
  labels: string[];
  counts: number[];
  /** Valid cases: the base of `casePercent` and of the intervals. */
  n: number;
  missing: number;
  notAsked: number;
  /** Σ counts: number of answers given (equals n for a single choice). */
  mentions: number;
  /** counts / n: percent of respondents (cases). Sums to 1 for a single choice, can exceed it for multi-select. */
  casePercent: number[];
  /** counts / mentions: percent of answers (responses). Always sums to 1. */
  responsePercent: (number | null)[];
  /** Interval for each case percent; null when there are no valid cases. */
  ci: (ConfidenceInterval | null)[];
  /** Says in words what each percentage is based on. */
  base: { casePercent: string; responsePercent: string };
}

/**
 * Frequency table of a single- or multi-select choice question: counts, the
 * percentage of valid cases with an interval per category, for multi-select also the
 * percentage of responses (mentions), with the missing and not-asked counts stated.
 * Reference: IBM SPSS Statistics Algorithms, FREQUENCIES and MULT RESPONSE
 * ("percent of cases" and "percent of responses").
 *
 * @param input category counts and base counts
 * @returns the table with bases named
 * @throws {Error} on mismatched lengths, negative or non-integer counts, or a base
 *   smaller than a category count
 * @example
 * frequencies({ labels: ["是", "否"], counts: [946, 866], missing: 0 }).casePercent;
 * // => [0.5220750551876379, 0.4779249448123620]
 */
export function frequencies(input: FrequenciesInput): FrequenciesResult {
  const { labels, counts } = input;
  const missing = input.missing ?? 0;
  const notAsked = input.notAsked ?? 0;
  if (!Array.isArray(labels) || !Array.isArray(counts) || labels.length !== counts.length) {
    throw new Error("frequencies: labels and counts must be arrays of the same length");
  }
  for (const value of [...counts, missing, notAsked]) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`frequencies: counts must be non-negative integers, got ${value}`);
    }
  }
  const multiple = input.multiple === true;
  const mentions = counts.reduce((sum, c) => sum + c, 0);
  let n: number;
  if (multiple) {
    if (input.valid === undefined || !Number.isInteger(input.valid) || input.valid < 0) {
      throw new Error("frequencies: a multi-select question needs `valid`, the number of respondents who answered");
    }
    n = input.valid;
    if (counts.some((c) => c > n) || (n > 0 && mentions < n) || (n === 0 && mentions > 0)) {
      throw new Error(`frequencies: valid=${n} does not fit the option counts`);
    }
  } else {
    n = input.valid ?? mentions;
    if (n !== mentions) {
      throw new Error(`frequencies: valid=${n} differs from the sum of counts ${mentions} for a single choice`);
    }
  }
  const casePercent = counts.map((c) => (n > 0 ? c / n : 0));
  const responsePercent = counts.map((c) => (mentions > 0 ? c / mentions : null));
  const ci = counts.map((c) => (n > 0 ? proportionInterval(c, n, input.ci) : null));
  return {
    kind: multiple ? "multiple" : "single",
    labels: [...labels],
    counts: [...counts],
    n,
    missing,
    notAsked,
    mentions,
    casePercent,
    responsePercent,
    ci,
    base: {
      casePercent: `respondents with a valid answer (n = ${n}); missing (${missing}) and not asked (${notAsked}) excluded`,
      responsePercent: `answers given (mentions = ${mentions})`,
    },
  };
}
