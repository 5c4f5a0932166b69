import { checkCells, type Calibration, type WeightingCellCount } from "./calibration.js";

/**
 * Post-stratification weights to known population counts of one variable:
 * every row of post-stratum g gets w·N_g / Σ_{i∈g} w_i (= N_g/n_g when unweighted), so
 * the weighted counts equal the population counts, as R `survey::postStratify`.
 * Input is one `GROUP BY stratum` count per post-stratum (`key` = [category]).
 * Own code: simple-statistics has no survey weighting.
 * Reference: Holt, D. & Smith, T. M. F. (1979), "Post stratification", J. R. Statist.
 * Soc. A 142, 33–46; Lumley (2010), Complex Surveys, §7.3.
 *
 * @param cells sample count (and optional base weight) per post-stratum
 * @param population population count per category, keyed by the category label
 * @returns the calibration (cell weights and what the variance needs)
 * @throws {Error} when a sampled stratum has no population count, a population
 *   stratum with a positive count has no sample, or a count is invalid
 * @example
 * postStratify([{ key: ["社会团体"], n: 40 }, { key: ["基金会"], n: 2 }], { 社会团体: 793, 基金会: 6 }).cells[0].weight;
 * // => 19.825
 */
export function postStratify(cells: WeightingCellCount[], population: Record<string, number>): Calibration {
  checkCells("postStratify", cells);
  const seen = new Set<string>();
  for (const c of cells) {
    if (c.key.length !== 1) throw new Error("postStratify: each cell key must hold exactly one category");
    seen.add(c.key[0]);
  }
  for (const [label, count] of Object.entries(population)) {
    if (!(count >= 0) || !Number.isFinite(count)) throw new Error(`postStratify: bad population count for ${label}`);
    const sampled = cells.filter((c) => c.key[0] === label).reduce((s, c) => s + c.n, 0);
    if (count > 0 && sampled === 0) throw new Error(`postStratify: stratum ${label} has population ${count} but no respondents`);
  }
  const weighted = new Map<string, number>();
  for (const c of cells) weighted.set(c.key[0], (weighted.get(c.key[0]) ?? 0) + c.n * (c.baseWeight ?? 1));
  const result = cells.map((c) => {
    const N = Object.hasOwn(population, c.key[0]) ? population[c.key[0]] : undefined;
    if (N === undefined || (N === 0 && c.n > 0)) {
      throw new Error(`postStratify: stratum ${c.key[0]} is in the sample but not in the population`);
    }
    const total = weighted.get(c.key[0]) ?? 0;
    return { key: [...c.key], n: c.n, weight: total > 0 ? ((c.baseWeight ?? 1) * N) / total : 0, baseWeight: c.baseWeight ?? 1 };
  });
  const index = [...new Set(cells.map((c) => c.key[0]))];
  return { kind: "poststratify", cells: result, margins: [cells.map((c) => index.indexOf(c.key[0]))] };
}
