import { adjustPValues } from "./adjust-p-values.js";
import { independenceTests, type ChiSquaredTest } from "./independence-tests.js";

/**
 * Aggregates for a multi-select question (options) against a single-choice question
 * (columns): `selected[k][j]` respondents in column j who ticked option k (GROUP BY
 * column, unnested option), and `bases[j]` respondents in column j who answered the
 * multi-select question at all (GROUP BY column).
 */
export interface MultipleResponseCrosstabInput {
  optionLabels: string[];
  columnLabels: string[];
  selected: number[][];
  bases: number[];
}

export interface OptionTest {
  option: string;
  /** Pearson χ² of the 2×c table (ticked vs not ticked × columns); null when degenerate. */
  pearson: ChiSquaredTest | null;
  cramersV: number | null;
  pHolm: number | null;
  pBonferroni: number | null;
}

export interface MultipleResponseCrosstabResult {
  multipleResponse: true;
  /** Why there is no overall χ²: a respondent can sit in several option rows. */
  note: string;
  optionLabels: string[];
  columnLabels: string[];
  counts: number[][];
  /** Respondents per column: the base of `columnPercent`. */
  bases: number[];
  /** Ticks per column: the base of `responsePercent`. */
  mentions: number[];
  /** selected / bases: percent of cases; columns can sum past 1. */
  columnPercent: (number | null)[][];
  /** selected / mentions: percent of responses. */
  responsePercent: (number | null)[][];
  /** One test per option, with Holm and Bonferroni adjustment over the options. */
  tests: OptionTest[];
}

/**
 * Cross-tab of a multi-select question by a single-choice question. The options are
 * not mutually exclusive, so the χ² of the option × column table is invalid (its cells
 * are not independent multinomial counts); instead each option gets its own Pearson χ²
 * on the 2×c table (ticked vs not) with (c′ − 1) df over the non-empty columns, and the
 * family of p-values is adjusted by Holm's and Bonferroni's methods.
 * Reference: Bilder & Loughin (2004), "Testing for marginal independence between two
 * categorical variables with multiple responses", Biometrics 60, 241–248 (the
 * Bonferroni-adjusted per-option tests).
 *
 * @param input option × column counts and column bases
 * @returns percentages, per-option tests and adjusted p-values
 * @throws {Error} on mismatched shapes or a count larger than its base
 * @example
 * multipleResponseCrosstab({ optionLabels: ["管理体制不顺畅"], columnLabels: ["市", "区"], selected: [[30, 20]], bases: [50, 60] }).tests[0].pearson?.df;
 * // => 1
 */
export function multipleResponseCrosstab(input: MultipleResponseCrosstabInput): MultipleResponseCrosstabResult {
  const { optionLabels, columnLabels, selected, bases } = input;
  const c = columnLabels.length;
  if (selected.length !== optionLabels.length || selected.some((row) => row.length !== c) || bases.length !== c) {
    throw new Error("multipleResponseCrosstab: selected must be options × columns and bases one per column");
  }
  for (const row of selected) {
    row.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0 || v > bases[j] || !Number.isInteger(bases[j])) {
        throw new Error(`multipleResponseCrosstab: counts must be integers in [0, base], got ${v} of ${bases[j]}`);
      }
    });
  }
  const mentions = Array.from({ length: c }, (_, j) => selected.reduce((s, row) => s + row[j], 0));
  const kept = bases.flatMap((b, j) => (b > 0 ? [j] : []));
  const raw = selected.map((row) => {
    const ticked = kept.map((j) => row[j]);
    const notTicked = kept.map((j) => bases[j] - row[j]);
    const degenerate = kept.length < 2 || ticked.every((v) => v === 0) || notTicked.every((v) => v === 0);
    return degenerate ? null : independenceTests([ticked, notTicked]);
  });
  const p = raw.map((t) => (t ? t.pearson.p : null));
  const holm = adjustPValues(p, "holm");
  const bonferroni = adjustPValues(p, "bonferroni");
  return {
    multipleResponse: true,
    note: "multi-select options overlap, so no overall chi-square: one test per option (ticked vs not), Holm- and Bonferroni-adjusted",
    optionLabels: [...optionLabels],
    columnLabels: [...columnLabels],
    counts: selected.map((row) => [...row]),
    bases: [...bases],
    mentions,
    columnPercent: selected.map((row) => row.map((v, j) => (bases[j] > 0 ? v / bases[j] : null))),
    responsePercent: selected.map((row) => row.map((v, j) => (mentions[j] > 0 ? v / mentions[j] : null))),
    tests: optionLabels.map((option, k) => ({
      option,
      pearson: raw[k]?.pearson ?? null,
      cramersV: raw[k]?.cramersV ?? null,
      pHolm: holm[k],
      pBonferroni: bonferroni[k],
    })),
  };
}
