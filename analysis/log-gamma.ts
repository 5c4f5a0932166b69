/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * Lanczos approximation with the 14 coefficients (γ = 671/128) of Press et al.,
 * Numerical Recipes, 3rd ed. (2007), §6.1 `gammln`; relative error below 1e-15.
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
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.999999999999997092;
  for (const c of COEFFICIENTS) ser += c / ++y;
  return tmp + Math.log((2.5066282746310005 * ser) / x);
}

const COEFFICIENTS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
  0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4,
  0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3,
  -0.164318106536763890e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];
