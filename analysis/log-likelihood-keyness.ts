import { chiSquaredUpperTail } from "./chi-squared-upper-tail.js";

/** The keyness of a word in one group against the rest. */
export interface Keyness {
  /** Log-likelihood ratio statistic G² of the 2×2 table (df 1). */
  g2: number;
  /** Upper tail of χ²(1) at G². */
  p: number;
  /** Respondents of the group expected to use the word if groups did not differ. */
  expected: number;
  /** The group uses the word more than expected. */
  over: boolean;
}

/**
 * Log-likelihood keyness of a word in a group: the 2×2 table of respondents who used the
 * word or not, in the group and in all others, tested with G² = 2 Σ O ln(O / E) (0 ln 0 = 0)
 * on one degree of freedom, as scipy's `chi2_contingency(table, correction=False,
 * lambda_="log-likelihood")`.
 * Reference: Dunning, T. (1993), "Accurate methods for the statistics of surprise and
 * coincidence", Computational Linguistics 19(1), 61–74; Rayson, P. & Garside, R. (2000),
 * "Comparing corpora using frequency profiling", WCC 2000.
 *
 * @param used respondents of the group who used the word
 * @param groupSize respondents of the group who answered
 * @param usedElsewhere respondents of the other groups who used the word
 * @param elsewhereSize respondents of the other groups who answered
 * @returns G², p, the expected count in the group and the direction
 * @throws {Error} on a negative count or a count above its group's size
 * @example logLikelihoodKeyness(30, 100, 10, 100).g2 // => 11.85…
 */
export function logLikelihoodKeyness(used: number, groupSize: number, usedElsewhere: number, elsewhereSize: number): Keyness {
  for (const x of [used, groupSize, usedElsewhere, elsewhereSize]) {
    if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`logLikelihoodKeyness: counts must be finite and non-negative, got ${x}`);
  }
  if (used > groupSize || usedElsewhere > elsewhereSize) throw new Error("logLikelihoodKeyness: more users of the word than respondents in a group");
  const total = groupSize + elsewhereSize;
  const users = used + usedElsewhere;
  const observed = [used, groupSize - used, usedElsewhere, elsewhereSize - usedElsewhere];
  const expected =
    total === 0 ? [0, 0, 0, 0] : [(groupSize * users) / total, (groupSize * (total - users)) / total, (elsewhereSize * users) / total, (elsewhereSize * (total - users)) / total];
  let g2 = 0;
  observed.forEach((o, k) => {
    if (o > 0) g2 += o * Math.log(o / expected[k]);
  });
  g2 = Math.max(0, 2 * g2);
  return { g2, p: chiSquaredUpperTail(g2, 1), expected: expected[0], over: used > expected[0] };
}
