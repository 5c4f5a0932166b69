import { regularizedGamma } from "./regularized-gamma.js";

/**
 * Standard normal distribution function Φ(z), accurate in both tails:
 * for z < 0, Φ(z) = ½ Q(½, z²/2) (the regularized upper incomplete gamma), so tiny
 * lower tails keep full relative precision; Φ(z) = 1 − Φ(−z) otherwise.
 * Own code: simple-statistics' `cumulativeStdNormalProbability` reads a table to four
 * decimals and its `errorFunction` is good to about 1e-7, far from the 1e-12 of the oracle tests.
 * Reference: Abramowitz & Stegun (1964), 7.1.2 and 6.5.17.
 *
 * @param z any number
 * @returns Φ(z)
 * @throws {Error} when z is NaN
 * @example
 * normalCdf(-1.959963984540054); // => 0.025 (to 1e-15)
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new Error("normalCdf: z is NaN");
  if (z === 0) return 0.5;
  const tail = 0.5 * regularizedGamma(0.5, (z * z) / 2).q;
  return z < 0 ? tail : 1 - tail;
}
