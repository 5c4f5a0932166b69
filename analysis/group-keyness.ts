import { adjustPValues } from "./adjust-p-values.js";
import { logLikelihoodKeyness } from "./log-likelihood-keyness.js";

/** Respondents who used each word, per group, and respondents who answered per group. */
export interface GroupKeynessInput {
  terms: string[];
  /** counts[t][g]: respondents of group g who used term t. */
  counts: number[][];
  /** Respondents of each group who answered. */
  bases: number[];
  /** Terms used by fewer respondents in all are not tested (default 5). */
  minCount?: number;
}

/** One word in one group. */
export interface KeynessTest {
  term: string;
  group: number;
  used: number;
  expected: number;
  /** The group's share of respondents who used the word, and everyone else's. */
  share: number;
  shareElsewhere: number;
  g2: number;
  p: number;
  /** Holm-adjusted over every test of the table. */
  pHolm: number;
  over: boolean;
}

/**
 * Keyness of every word in every group against the rest (log-likelihood G², see
 * `logLikelihoodKeyness`), Holm-adjusted over the whole family of tests: every term used
 * by at least `minCount` respondents, in every group with respondents.
 * Own code: no statistics package here has keyness.
 *
 * @param input terms, counts per group, group bases
 * @returns one test per (term, group), in term order then group order
 * @throws {Error} when the counts do not match the terms and groups
 * @example
 * groupKeyness({ terms: ["经费"], counts: [[30, 10]], bases: [100, 100] })[0].pHolm // => 0.00063… (G² 12.97 in each group, p 0.000316, doubled by Holm over the 2 tests)
 */
export function groupKeyness(input: GroupKeynessInput): KeynessTest[] {
  const { terms, counts, bases } = input;
  const minCount = input.minCount ?? 5;
  if (counts.length !== terms.length) throw new Error(`groupKeyness: ${terms.length} terms but ${counts.length} rows of counts`);
  const total = bases.reduce((s, b) => s + b, 0);
  const tests: Omit<KeynessTest, "pHolm">[] = [];
  terms.forEach((term, t) => {
    const row = counts[t];
    if (row.length !== bases.length) throw new Error(`groupKeyness: term '${term}' has ${row.length} counts for ${bases.length} groups`);
    const users = row.reduce((s, v) => s + v, 0);
    if (users < minCount) return;
    bases.forEach((base, g) => {
      if (base === 0 || base === total) return;
      const k = logLikelihoodKeyness(row[g], base, users - row[g], total - base);
      tests.push({ term, group: g, used: row[g], share: row[g] / base, shareElsewhere: (users - row[g]) / (total - base), ...k });
    });
  });
  const adjusted = adjustPValues(
    tests.map((t) => t.p),
    "holm",
  );
  return tests.map((t, i) => ({ ...t, pHolm: adjusted[i] as number }));
}
