import { INTL_LOCALE, type Language } from "../../../../i18n/language.js";

/** A fraction in [0, 1] as a percentage with one decimal (the API's percentages are fractions). */
export function pct(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return new Intl.NumberFormat(INTL_LOCALE[lang], { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A number with at most `digits` decimals (counts stay whole, weighted counts get decimals). */
export function num(value: number | null | undefined, lang: Language, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: digits }).format(value);
}

/** A p value: four decimals, or "< 0.0001". */
export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return "";
  return p < 0.0001 ? "< 0.0001" : p.toFixed(4);
}
