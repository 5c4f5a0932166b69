import { checkCells, type Calibration, type WeightingCellCount } from "./calibration.js";

export interface RakeOptions {
  /** Stop when no weighted margin total is off its population count by more than this; default 1e-10 × population. */
  tolerance?: number;
  /** Default 1000 sweeps. */
  maxIterations?: number;
}

/**
 * Raking (iterative proportional fitting) of weights to several known margins.
 * Input is the cross-classification of the margin variables (`GROUP BY v1, v2, …`):
 * one cell per combination with its sample count, `key[m]` the category of margin m.
 * Each sweep post-stratifies to every margin in turn (w_g ← w_g·N_mc / Σ_{g∈c} n_g w_g)
 * until all margins are met; the weight depends only on the cell, so aggregates
 * suffice. Runs to convergence (R's `rake` stops by default when margins are within 1
 * unit; call it with a small `epsilon` to compare).
 * Own code: simple-statistics has no survey weighting.
 * Reference: Deming, W. E. & Stephan, F. F. (1940), Ann. Math. Statist. 11, 427–444;
 * Lumley (2010), Complex Surveys, §7.4.
 *
 * @param cells cross-classified cell counts and optional base weights
 * @param margins per margin variable, population count by category label
 * @param options tolerance and iteration limit
 * @returns the calibration; `converged` says whether the margins were met
 * @throws {Error} on keys that do not match the margins, or a margin category with
 *   population but no respondents
 * @example
 * rake([{ key: ["市", "男"], n: 10 }, { key: ["市", "女"], n: 20 }, { key: ["区", "男"], n: 30 }, { key: ["区", "女"], n: 40 }],
 *      [{ 市: 50, 区: 50 }, { 男: 50, 女: 50 }]).converged; // => true
 */
export function rake(cells: WeightingCellCount[], margins: Record<string, number>[], options: RakeOptions = {}): Calibration {
  checkCells("rake", cells);
  const maxIterations = options.maxIterations ?? 1000;
  if (margins.length === 0) throw new Error("rake: no margins");
  const index = margins.map((margin, m) => {
    const labels = Object.keys(margin);
    return cells.map((c) => {
      if (c.key.length !== margins.length) throw new Error(`rake: cell key ${c.key.join("/")} does not have ${margins.length} categories`);
      const k = labels.indexOf(c.key[m]);
      if (k < 0) throw new Error(`rake: category ${c.key[m]} of margin ${m} has no population count`);
      return k;
    });
  });
  const targets = margins.map((margin) => Object.values(margin));
  targets.forEach((target, m) =>
    target.forEach((N, k) => {
      if (!(N >= 0) || !Number.isFinite(N)) throw new Error(`rake: bad population count in margin ${m}`);
      const sampled = cells.reduce((s, c, g) => s + (index[m][g] === k ? c.n : 0), 0);
      if (N > 0 && sampled === 0) throw new Error(`rake: margin ${m} category ${Object.keys(margins[m])[k]} has no respondents`);
      if (N === 0 && sampled > 0) throw new Error(`rake: margin ${m} category ${Object.keys(margins[m])[k]} has respondents but population 0`);
    }),
  );
  const weights = cells.map((c) => c.baseWeight ?? 1);
  const tolerance = options.tolerance;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let m = 0; m < margins.length; m++) {
      const totals = targets[m].map(() => 0);
      cells.forEach((c, g) => (totals[index[m][g]] += c.n * weights[g]));
      cells.forEach((_, g) => {
        const k = index[m][g];
        weights[g] = totals[k] > 0 ? (weights[g] * targets[m][k]) / totals[k] : 0;
      });
    }
    let worst = 0;
    for (let m = 0; m < margins.length; m++) {
      const totals = targets[m].map(() => 0);
      cells.forEach((c, g) => (totals[index[m][g]] += c.n * weights[g]));
      totals.forEach((t, k) => {
        const allowed = tolerance ?? 1e-10 * Math.max(1, targets[m][k]);
        worst = Math.max(worst, Math.abs(t - targets[m][k]) / allowed);
      });
    }
    if (worst <= 1) {
      converged = true;
      break;
    }
  }
  return {
    kind: "rake",
    cells: cells.map((c, g) => ({ key: [...c.key], n: c.n, weight: weights[g], baseWeight: c.baseWeight ?? 1 })),
    margins: index,
    iterations,
    converged,
  };
}
