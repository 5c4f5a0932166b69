import { logGamma } from "./log-gamma.js";

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).
 *
 * Series for x < a + 1, Lentz continued fraction otherwise, so the smaller tail is
 * always computed directly (no cancellation in 1 − P for tiny upper tails).
 * Own code: simple-statistics has no incomplete gamma function.
 * Reference: Press et al., Numerical Recipes, 3rd ed. (2007), §6.2.
 *
 * @param a shape, a > 0
 * @param x argument, x ≥ 0
 * @returns `{ p, q }`, the lower and upper regularized incomplete gamma
 * @throws {Error} when a ≤ 0 or x < 0
 * @example
 * regularizedGamma(1, 2).q; // => 0.1353352832366127 (e^-2)
 */
export function regularizedGamma(a: number, x: number): { p: number; q: number } {
  if (!(a > 0) || !(x >= 0)) {
    throw new Error(`regularizedGamma: need a > 0 and x >= 0, got a=${a}, x=${x}`);
  }
  if (x === 0) return { p: 0, q: 1 };
  if (x === Infinity) return { p: 1, q: 0 };
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    const p = sum * Math.exp(logPrefix);
    return { p, q: 1 - p };
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = Math.exp(logPrefix) * h;
  return { p: 1 - q, q };
}
