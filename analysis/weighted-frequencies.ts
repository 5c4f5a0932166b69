import type { Calibration } from "./calibration.js";
import { designCovariance, type DesignRowGroup } from "./design-covariance.js";
import { normalQuantile } from "./normal-quantile.js";
import type { ConfidenceInterval } from "./proportion-interval.js";

/**
 * Aggregates for a weighted frequency table: `GROUP BY weighting cell, answer`.
 * `counts[g][k]`: respondents of weighting cell g (in `calibration.cells` order) who
 * chose category k (multi-select: who ticked option k). Respondents of a cell not
 * counted there have no answer (missing); they stay in the design, as in `survey`.
 */
export interface WeightedFrequenciesInput {
  calibration: Calibration;
  labels: string[];
  counts: number[][];
  multiple?: boolean;
  /** Multi-select: respondents per cell who answered at all (`GROUP BY cell`). */
  valid?: number[];
  populationSize?: number;
  level?: number;
}

export interface WeightedFrequenciesResult {
  kind: "single" | "multiple";
  labels: string[];
  /** Unweighted respondents with an answer, and without one. */
  n: number;
  missing: number;
  /** Σ w over respondents with an answer: the estimated population base. */
  weightedN: number;
  counts: number[];
  weightedCounts: number[];
  /** Weighted percent of cases (svymean of the category indicator). */
  casePercent: number[];
  /** Design-based standard errors of casePercent. */
  se: number[];
  /** casePercent ± z·se (as `confint(svymean(...))`). */
  ci: ConfidenceInterval[];
  /** Weighted percent of responses (multi-select), no standard error. */
  responsePercent: (number | null)[];
  weighting: Calibration["kind"];
}

/**
 * Weighted percentages of a choice question with design-based standard errors, as
 * `svymean(~factor(q), design, na.rm = TRUE)` on `svydesign(ids = ~1, weights = ~w)`
 * after `postStratify` or `rake` — the standard errors use the calibration residuals
 * (see `designCovariance`). A multi-select question gets one svymean per option
 * (ticked vs not among respondents who answered).
 * Own code: simple-statistics has no design-based estimators (its `weightedMean` gives no
 * standard error).
 * Reference: Lumley (2010), Complex Surveys, §2.3 and §7.3–7.4.
 *
 * @param input calibration, per-cell category counts, options
 * @returns weighted counts, percentages, standard errors and intervals
 * @throws {Error} when shapes do not fit the calibration or counts exceed cell sizes
 * @example
 * const cal = postStratify([{ key: ["社会团体"], n: 3 }, { key: ["基金会"], n: 2 }], { 社会团体: 793, 基金会: 6 });
 * weightedFrequencies({ calibration: cal, labels: ["是", "否"], counts: [[2, 1], [0, 2]] }).casePercent[0];
 * // => 0.66166040884438…
 */
export function weightedFrequencies(input: WeightedFrequenciesInput): WeightedFrequenciesResult {
  const { calibration, labels, counts } = input;
  const K = labels.length;
  const cells = calibration.cells;
  if (counts.length !== cells.length || counts.some((row) => row.length !== K)) {
    throw new Error("weightedFrequencies: counts must be cells × categories");
  }
  if (counts.some((row) => row.some((v) => !Number.isInteger(v) || v < 0))) {
    throw new Error("weightedFrequencies: counts must be non-negative integers");
  }
  const level = input.level ?? 0.95;
  const z = normalQuantile(0.5 + 0.5 * level);
  const multiple = input.multiple === true;
  const weightedCounts = labels.map((_, k) => counts.reduce((s, row, g) => s + row[k] * cells[g].weight, 0));
  const unweighted = labels.map((_, k) => counts.reduce((s, row) => s + row[k], 0));
  let casePercent: number[];
  let se: number[];
  let n: number;
  let weightedN: number;
  if (!multiple) {
    const groups: DesignRowGroup[] = counts.flatMap((row, g) => row.map((count, k) => ({ cell: g, count, y: labels.map((_, j) => (j === k ? 1 : 0)) })));
    const d = designCovariance(calibration, groups, K, input.populationSize);
    casePercent = d.mean;
    se = d.covariance.map((row, k) => Math.sqrt(Math.max(0, row[k])));
    n = d.validCount;
    weightedN = d.weightedTotal;
  } else {
    const valid = input.valid;
    if (!valid || valid.length !== cells.length) throw new Error("weightedFrequencies: multi-select needs `valid` per cell");
    counts.forEach((row, g) => {
      if (row.some((v) => v > valid[g])) throw new Error("weightedFrequencies: an option count exceeds the cell's valid count");
    });
    n = valid.reduce((s, v) => s + v, 0);
    weightedN = valid.reduce((s, v, g) => s + v * cells[g].weight, 0);
    casePercent = [];
    se = [];
    labels.forEach((_, k) => {
      const groups: DesignRowGroup[] = counts.flatMap((row, g) => [
        { cell: g, count: row[k], y: [1] },
        { cell: g, count: valid[g] - row[k], y: [0] },
      ]);
      const d = designCovariance(calibration, groups, 1, input.populationSize);
      casePercent.push(d.mean[0]);
      se.push(Math.sqrt(Math.max(0, d.covariance[0][0])));
    });
  }
  const designSize = cells.reduce((s, c) => s + c.n, 0);
  const mentions = weightedCounts.reduce((s, v) => s + v, 0);
  return {
    kind: multiple ? "multiple" : "single",
    labels: [...labels],
    n,
    missing: designSize - n,
    weightedN,
    counts: unweighted,
    weightedCounts,
    casePercent,
    se,
    ci: casePercent.map((p, k) => ({ lower: p - z * se[k], upper: p + z * se[k], method: "wald (design-based)", level })),
    responsePercent: weightedCounts.map((v) => (mentions > 0 ? v / mentions : null)),
    weighting: calibration.kind,
  };
}
