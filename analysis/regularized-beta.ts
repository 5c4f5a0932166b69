import { logGamma } from "./log-gamma.js";

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Regularized incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b).
 *
 * Continued fraction (modified Lentz) on whichever side converges fast, so the
 * smaller of the two is computed directly. Pass `y = 1 − x` when it is known more
 * accurately than `1 - x` (for example from an F statistic).
 * Own code: simple-statistics has no incomplete beta function.
 * Reference: Press et al., Numerical Recipes, 3rd ed. (2007), §6.4 `betai`, `betacf`.
 *
 * @param x point in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @param y optional 1 − x computed by the caller
 * @returns `{ p: I_x(a, b), q: 1 − I_x(a, b) }`
 * @throws {Error} when x is outside [0, 1] or a shape is not positive
 * @example
 * regularizedBeta(0.5, 2, 3).p; // => 0.6875
 */
export function regularizedBeta(x: number, a: number, b: number, y: number = 1 - x): { p: number; q: number } {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) {
    throw new Error(`regularizedBeta: need 0 <= x <= 1, a > 0, b > 0, got x=${x}, a=${a}, b=${b}`);
  }
  if (x === 0) return { p: 0, q: 1 };
  if (y === 0) return { p: 1, q: 0 };
  const logPrefix = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  if (x < (a + 1) / (a + b + 2)) {
    const p = (Math.exp(logPrefix) * continuedFraction(a, b, x)) / a;
    return { p, q: 1 - p };
  }
  const q = (Math.exp(logPrefix) * continuedFraction(b, a, y)) / b;
  return { p: 1 - q, q };
}

function continuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}
