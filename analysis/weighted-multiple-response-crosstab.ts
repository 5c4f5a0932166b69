import { adjustPValues } from "./adjust-p-values.js";
import type { Calibration } from "./calibration.js";
import { weightedCrosstab } from "./weighted-crosstab.js";
import type { RaoScottResult } from "./rao-scott.js";

/**
 * Aggregates for a weighted multi-select × single-choice table:
 * `selected[g][k][j]` respondents of weighting cell g who ticked option k and are in
 * column j; `bases[g][j]` respondents of cell g in column j who answered the
 * multi-select question (`GROUP BY cell, column`).
 */
export interface WeightedMultipleResponseCrosstabInput {
  calibration: Calibration;
  optionLabels: string[];
  columnLabels: string[];
  selected: number[][][];
  bases: number[][];
  populationSize?: number;
}

export interface WeightedOptionTest {
  option: string;
  raoScott: RaoScottResult | null;
  /** Holm- and Bonferroni-adjusted p of the Rao–Scott F test over the options. */
  pHolm: number | null;
  pBonferroni: number | null;
}

export interface WeightedMultipleResponseCrosstabResult {
  multipleResponse: true;
  note: string;
  optionLabels: string[];
  columnLabels: string[];
  /** Weighted ticks per option and column. */
  weightedCounts: number[][];
  /** Weighted respondents per column who answered the question. */
  weightedBases: number[];
  /** Weighted percent of cases per option and column. */
  columnPercent: (number | null)[][];
  tests: WeightedOptionTest[];
  weighting: Calibration["kind"];
}

/**
 * Weighted cross-tab of a multi-select question by a single-choice question. As in
 * `multipleResponseCrosstab`, no overall χ²: each option's 2×c table (ticked vs not
 * among respondents who answered, by column) gets the Rao–Scott tests of
 * `weightedCrosstab` — `svychisq(~opt_k + col, design)` with opt_k missing for those
 * who did not answer — and the F-test p-values are Holm- and Bonferroni-adjusted.
 * Own code: simple-statistics has no design-based estimators.
 * Reference: Rao & Scott (1984); Bilder & Loughin (2004).
 *
 * @param input calibration, per-cell option × column ticks and column bases
 * @returns weighted percentages and per-option tests
 * @throws {Error} when shapes do not fit or ticks exceed bases
 * @example
 * const calibration = uncalibrated([{ key: ["全部"], n: 100 }]);
 * weightedMultipleResponseCrosstab({ calibration, optionLabels: ["甲", "乙"], columnLabels: ["市", "区"],
 *   selected: [[[30, 10], [5, 25]]], bases: [[50, 50]] }).tests[0].raoScott.df; // => 1
 */
export function weightedMultipleResponseCrosstab(input: WeightedMultipleResponseCrosstabInput): WeightedMultipleResponseCrosstabResult {
  const { calibration, optionLabels, columnLabels, selected, bases } = input;
  const cells = calibration.cells;
  const K = optionLabels.length;
  const c = columnLabels.length;
  if (
    selected.length !== cells.length ||
    bases.length !== cells.length ||
    selected.some((t) => t.length !== K || t.some((row) => row.length !== c)) ||
    bases.some((row) => row.length !== c)
  ) {
    throw new Error("weightedMultipleResponseCrosstab: selected must be cells × options × columns and bases cells × columns");
  }
  selected.forEach((t, g) =>
    t.forEach((row) =>
      row.forEach((v, j) => {
        if (!Number.isInteger(v) || v < 0 || v > bases[g][j]) {
          throw new Error(`weightedMultipleResponseCrosstab: ticks must be integers in [0, base], got ${v} of ${bases[g][j]}`);
        }
      }),
    ),
  );
  const weightedBases = columnLabels.map((_, j) => bases.reduce((s, row, g) => s + row[j] * cells[g].weight, 0));
  const weightedCounts = optionLabels.map((_, k) => columnLabels.map((_, j) => selected.reduce((s, t, g) => s + t[k][j] * cells[g].weight, 0)));
  const raw = optionLabels.map((_, k) => {
    const table = weightedCrosstab({
      calibration,
      rowLabels: ["ticked", "not ticked"],
      columnLabels,
      counts: selected.map((t, g) => [t[k], t[k].map((v, j) => bases[g][j] - v)]),
      populationSize: input.populationSize,
    });
    return table.tests?.raoScott ?? null;
  });
  const p = raw.map((t) => (t ? t.pF : null));
  const holm = adjustPValues(p, "holm");
  const bonferroni = adjustPValues(p, "bonferroni");
  return {
    multipleResponse: true,
    note: "multi-select options overlap, so no overall chi-square: one Rao–Scott test per option (ticked vs not), Holm- and Bonferroni-adjusted",
    optionLabels: [...optionLabels],
    columnLabels: [...columnLabels],
    weightedCounts,
    weightedBases,
    columnPercent: weightedCounts.map((row) => row.map((v, j) => (weightedBases[j] > 0 ? v / weightedBases[j] : null))),
    tests: optionLabels.map((option, k) => ({ option, raoScott: raw[k], pHolm: holm[k], pBonferroni: bonferroni[k] })),
    weighting: calibration.kind,
  };
}
