import type { Random } from "./random.js";

/**
 * Chooses exactly `k` of `weights.length` cases, each with a chance that grows with its
 * weight (Efraimidis & Spirakis 2006, "Weighted random sampling with a reservoir",
 * Information Processing Letters 97(5)). Used where a published figure is a count:
 * the count comes out exact while the weights still let it lean towards some groups.
 * @returns the chosen indices
 * @example pickExactly(createRandom(1), [1, 1, 5, 5], 2) // most often Set {2, 3}
 */
export function pickExactly(random: Random, weights: readonly number[], k: number): Set<number> {
  if (!Number.isInteger(k) || k < 0 || k > weights.length) {
    throw new Error(`pickExactly: cannot choose ${k} of ${weights.length}`);
  }
  const keyed = weights.map((w, index) => {
    if (!(w > 0)) throw new Error(`pickExactly: weight ${index} must be positive, got ${w}`);
    // u^(1/w) as its logarithm, which keeps small weights from underflowing to 0.
    return { index, key: Math.log(1 - random.next()) / w };
  });
  keyed.sort((a, b) => b.key - a.key || a.index - b.index);
  return new Set(keyed.slice(0, k).map((entry) => entry.index));
}
