import { gammaln } from "simple-statistics";

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * simple-statistics' `gammaln`: the Lanczos approximation with Godfrey's 15 coefficients
 * (g = 607/128), relative error about 1e-15; Lanczos, C. (1964), SIAM J. Numer. Anal. B 1,
 * 86–96. This wrapper refuses what has no logarithm (gammaln answers Infinity) and names
 * itself in the error.
 *
 * @param x a positive number
 * @returns ln Γ(x)
 * @throws {Error} when x is not a positive finite number
 * @example
 * logGamma(5); // => 3.1780538303479458 (ln 24)
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new Error(`logGamma: x must be a positive finite number, got ${x}`);
  }
  return gammaln(x);
}
