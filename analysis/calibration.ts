/**
 * Weights that depend only on a weighting cell (a combination of categories of the
 * weighting variables), as `postStratify` and `rake` produce them, plus what the
 * design-based variance needs to take the calibration into account.
 */
export interface Calibration {
  kind: "none" | "poststratify" | "rake";
  /** Weighting cells in input order. */
  cells: CalibratedCell[];
  /**
   * For raking: per margin, the category index of every cell (margins[m][g]).
   * For post-stratification: one margin whose categories are the cells themselves.
   */
  margins: number[][];
  /** Raking only: sweeps made and whether the margins were met to the tolerance. */
  iterations?: number;
  converged?: boolean;
}

export interface CalibratedCell {
  key: string[];
  /** Rows of the design in the cell (all respondents in the analysed set). */
  n: number;
  /** Final weight of every row in the cell. */
  weight: number;
  /** Weight before calibration (1 when unweighted). */
  baseWeight: number;
}

/** One weighting cell as `GROUP BY` the weighting variables counts it. */
export interface WeightingCellCount {
  key: string[];
  n: number;
  /** Design weight before calibration, constant in the cell; default 1. */
  baseWeight?: number;
}

/**
 * A design without calibration: each cell keeps its base weight (1 = unweighted).
 *
 * @param cells cell counts and base weights
 * @returns a `Calibration` of kind "none"
 * @throws {Error} on a negative count or a non-positive weight
 * @example
 * uncalibrated([{ key: ["all"], n: 1812 }]).cells[0].weight; // => 1
 */
export function uncalibrated(cells: WeightingCellCount[]): Calibration {
  checkCells("uncalibrated", cells);
  return {
    kind: "none",
    cells: cells.map((c) => ({ key: [...c.key], n: c.n, weight: c.baseWeight ?? 1, baseWeight: c.baseWeight ?? 1 })),
    margins: [],
  };
}

export function checkCells(name: string, cells: WeightingCellCount[]): void {
  if (!Array.isArray(cells) || cells.length === 0) throw new Error(`${name}: no weighting cells`);
  for (const c of cells) {
    if (!Number.isInteger(c.n) || c.n < 0) throw new Error(`${name}: cell counts must be non-negative integers, got ${c.n}`);
    if (c.baseWeight !== undefined && !(c.baseWeight > 0)) {
      throw new Error(`${name}: base weights must be positive, got ${c.baseWeight}`);
    }
  }
}
