/** Multiplicity corrections for a family of p-values. */
export type PAdjustMethod = "bonferroni" | "holm";

/**
 * Adjusts a family of p-values for multiple testing, as R's `p.adjust`:
 * Bonferroni multiplies each by the number of tests m; Holm's step-down method
 * multiplies the i-th smallest by (m − i + 1) and keeps the sequence monotone.
 * Both are capped at 1. `null` entries (tests that could not be done) stay null and
 * do not count in m.
 * Own code: simple-statistics has no multiplicity corrections.
 * Reference: Holm, S. (1979), "A simple sequentially rejective multiple test
 * procedure", Scand. J. Statist. 6, 65–70.
 *
 * @param pValues raw p-values in [0, 1], or null
 * @param method "holm" or "bonferroni"
 * @returns adjusted p-values in the input order
 * @throws {Error} on a p-value outside [0, 1] or an unknown method
 * @example
 * adjustPValues([0.01, 0.04, 0.03], "holm"); // => [0.03, 0.06, 0.06]
 */
export function adjustPValues(pValues: (number | null)[], method: PAdjustMethod): (number | null)[] {
  if (method !== "holm" && method !== "bonferroni") {
    throw new Error(`adjustPValues: unknown method ${String(method)}`);
  }
  for (const p of pValues) {
    if (p !== null && !(p >= 0 && p <= 1)) throw new Error(`adjustPValues: p-value out of range: ${p}`);
  }
  const present = pValues.map((p, index) => ({ p, index })).filter((e): e is { p: number; index: number } => e.p !== null);
  const m = present.length;
  const result: (number | null)[] = pValues.map(() => null);
  if (method === "bonferroni") {
    for (const { p, index } of present) result[index] = Math.min(1, p * m);
    return result;
  }
  present.sort((x, y) => x.p - y.p);
  let running = 0;
  present.forEach(({ p, index }, i) => {
    running = Math.max(running, Math.min(1, (m - i) * p));
    result[index] = running;
  });
  return result;
}
