/**
 * XLSForm's `range` question ⇄ SurveyJS's rating: the `parameters` cell `start=1 end=5 step=1`
 * is `rateMin`, `rateMax` and `rateStep`. Missing parameters take XLSForm's defaults (1, 10, 1),
 * which are not SurveyJS's (1, 5, 1), so the reader always writes all three.
 */
export interface Scale {
  rateMin: number;
  rateMax: number;
  rateStep: number;
}

const XLSFORM_DEFAULTS = { start: 1, end: 10, step: 1 };

/** A scale SurveyJS draws: start below end, a positive step that divides the distance. */
function isScale(s: Scale): boolean {
  const steps = (s.rateMax - s.rateMin) / s.rateStep;
  return [s.rateMin, s.rateMax, s.rateStep].every(Number.isFinite) && s.rateStep > 0 && s.rateMin < s.rateMax && Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** The scale of a `parameters` cell, or undefined when it is not one (unknown key, not a number, no whole steps). */
export function readRange(parameters: string): Scale | undefined {
  const values: Record<string, number> = { ...XLSFORM_DEFAULTS };
  // pyxform separates parameters by spaces, commas or semicolons.
  for (const part of parameters.split(/[\s,;]+/).filter((p) => p !== "")) {
    const m = /^(start|end|step)=(-?\d+(?:\.\d+)?)$/i.exec(part);
    if (!m) return undefined;
    values[m[1]!.toLowerCase()] = Number(m[2]);
  }
  const scale = { rateMin: values.start!, rateMax: values.end!, rateStep: values.step! };
  return isScale(scale) ? scale : undefined;
}

/** The `parameters` cell of a rating (SurveyJS's defaults filled in), or undefined for a scale `range` cannot say. */
export function printRange(rating: { rateMin?: unknown; rateMax?: unknown; rateStep?: unknown }): string | undefined {
  const scale = { rateMin: rating.rateMin ?? 1, rateMax: rating.rateMax ?? 5, rateStep: rating.rateStep ?? 1 };
  if (typeof scale.rateMin !== "number" || typeof scale.rateMax !== "number" || typeof scale.rateStep !== "number") return undefined;
  if (!isScale(scale as Scale)) return undefined;
  return `start=${scale.rateMin} end=${scale.rateMax} step=${scale.rateStep}`;
}
