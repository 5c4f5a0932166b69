import { betaQuantile } from "./beta-quantile.js";
import { normalQuantile } from "./normal-quantile.js";

/** Interval methods for a binomial proportion. */
export type ProportionIntervalMethod = "wilson" | "clopper-pearson" | "agresti-coull";

export interface ProportionIntervalOptions {
  /** Default "wilson". */
  method?: ProportionIntervalMethod;
  /** Confidence level, default 0.95. */
  level?: number;
  /**
   * Population size N for the finite population correction (sampling without
   * replacement). The sample size n is replaced by the effective size
   * n·(N − 1)/(N − n), the size at which the binomial variance p(1 − p)/n_eff equals the
   * hypergeometric variance p(1 − p)/n · (N − n)/(N − 1); x becomes p̂·n_eff. With N = n
   * (a census) the interval collapses to p̂.
   */
  populationSize?: number;
}

/** A confidence interval; `method` names how it was made. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
  method: string;
  level: number;
}

/**
 * Two-sided confidence interval for a binomial proportion x/n.
 *
 * - Wilson score interval (default), without continuity correction
 *   (Wilson 1927; Newcombe 1998, method 3), as `scipy.stats.binomtest(...).proportion_ci("wilson")`.
 * - Clopper–Pearson "exact" interval from beta quantiles (Clopper & Pearson 1934),
 *   as `proportion_ci("exact")`.
 * - Agresti–Coull: Wald interval around (x + z²/2)/(n + z²) with n + z² trials
 *   (Agresti & Coull 1998), clipped to [0, 1].
 * Own code: simple-statistics has no binomial intervals.
 *
 * @param x number of successes, 0 ≤ x ≤ n
 * @param n number of trials, > 0
 * @param options method, level and optional population size
 * @returns `{ lower, upper, method, level }`
 * @throws {Error} on counts outside range, a level outside (0, 1), or N < n
 * @example
 * proportionInterval(946, 1812).lower; // => 0.49905331119029805
 */
export function proportionInterval(x: number, n: number, options: ProportionIntervalOptions = {}): ConfidenceInterval {
  const method = options.method ?? "wilson";
  const level = options.level ?? 0.95;
  if (!(n > 0) || !(x >= 0) || x > n || !Number.isFinite(n)) {
    throw new Error(`proportionInterval: need 0 <= x <= n and n > 0, got x=${x}, n=${n}`);
  }
  if (!(level > 0 && level < 1)) {
    throw new Error(`proportionInterval: level must be in (0, 1), got ${level}`);
  }
  if (!METHODS.includes(method)) {
    throw new Error(`proportionInterval: unknown method ${String(method)}`);
  }
  const p = x / n;
  let trials = n;
  let successes = x;
  const N = options.populationSize;
  if (N !== undefined) {
    if (!(N >= n)) {
      throw new Error(`proportionInterval: populationSize ${N} is smaller than n=${n}`);
    }
    if (N === n) return { lower: p, upper: p, method: `${method}+fpc`, level };
    trials = (n * (N - 1)) / (N - n);
    successes = p * trials;
  }
  const label = N === undefined ? method : `${method}+fpc`;
  const alpha = 1 - level;
  if (method === "clopper-pearson") {
    const lower = x === 0 ? 0 : betaQuantile(alpha / 2, successes, trials - successes + 1);
    const upper = x === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, trials - successes);
    return { lower, upper, method: label, level };
  }
  const z = normalQuantile(0.5 + 0.5 * level);
  const z2 = z * z;
  if (method === "agresti-coull") {
    const nTilde = trials + z2;
    const pTilde = (successes + z2 / 2) / nTilde;
    const half = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
    return {
      lower: x === 0 ? 0 : Math.max(0, pTilde - half),
      upper: x === n ? 1 : Math.min(1, pTilde + half),
      method: label,
      level,
    };
  }
  const denominator = 2 * (trials + z2);
  const center = (2 * successes + z2) / denominator;
  const half = (z * Math.sqrt(z2 + (4 * successes * (trials - successes)) / trials)) / denominator;
  return {
    lower: x === 0 ? 0 : center - half,
    upper: x === n ? 1 : center + half,
    method: label,
    level,
  };
}

const METHODS: readonly string[] = ["wilson", "clopper-pearson", "agresti-coull"];
