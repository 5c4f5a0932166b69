import { isJsonObject, type JsonObject } from "../../validation/json-walk.js";
import type { Language } from "./requests.js";

/** One category of a choice question: the stored value and its label in the requested language. */
export interface Category {
  value: string | number | boolean;
  label: string;
  /** Offered only by older versions of the questionnaire. */
  retired?: true;
  /** Found in the data but offered by no version (e.g. a free-text value). */
  unlisted?: true;
}

/** Which texts of a localizable string each language reads, in order of preference. */
const LOCALES: Record<Language, string[]> = {
  "zh-Hans": ["zh-cn", "default"],
  "zh-Hant": ["zh-tw", "default"],
  en: ["en", "default"],
};

/** Labels of the special items when the questionnaire does not word them. */
const SPECIAL_LABELS: Record<string, Record<Language, string>> = {
  none: { "zh-Hans": "无", "zh-Hant": "無", en: "None" },
  refused: { "zh-Hans": "拒绝回答", "zh-Hant": "拒絕回答", en: "Refused" },
  dontknow: { "zh-Hans": "不知道", "zh-Hant": "不知道", en: "Don't know" },
  other: { "zh-Hans": "其他", "zh-Hant": "其他", en: "Other" },
  true: { "zh-Hans": "是", "zh-Hant": "是", en: "Yes" },
  false: { "zh-Hans": "否", "zh-Hant": "否", en: "No" },
};

/** SurveyJS special items: the property that shows one, its stored value, the property that words it. */
const SPECIAL_ITEMS = [
  ["showNoneItem", "none", "noneText"],
  ["showRefuseItem", "refused", "refuseText"],
  ["showDontKnowItem", "dontknow", "dontKnowText"],
  ["showOtherItem", "other", "otherText"],
] as const;

/**
 * A SurveyJS localizable string (plain, or `{ default, "zh-tw", en }`) in a language,
 * falling back to the default text, then to any text it has.
 * @example localized({ default: "市", en: "City" }, "en") // "City"
 */
export function localized(text: unknown, lang: Language): string | undefined {
  if (typeof text === "string") return text;
  if (!isJsonObject(text)) return undefined;
  for (const locale of LOCALES[lang]) if (typeof text[locale] === "string") return text[locale] as string;
  const any = Object.values(text).find((v) => typeof v === "string");
  return any as string | undefined;
}

/**
 * The categories a choice element offers, in the order the respondent sees them:
 * its choices (or rating values, or boolean values), then none / refused / don't know /
 * other when shown. Values generated from a URL are not known here: they join the
 * categories when they turn up in the data.
 */
export function categoriesOf(element: JsonObject, lang: Language): Category[] {
  const type = element.type;
  if (type === "boolean") {
    return [
      { value: scalarOr(element.valueTrue, true), label: localized(element.labelTrue, lang) ?? SPECIAL_LABELS.true[lang] },
      { value: scalarOr(element.valueFalse, false), label: localized(element.labelFalse, lang) ?? SPECIAL_LABELS.false[lang] },
    ];
  }
  const out: Category[] = type === "rating" ? ratingCategories(element, lang) : listCategories(element.choices, lang);
  if (type === "dropdown" && typeof element.choicesMin === "number" && typeof element.choicesMax === "number") {
    const step = typeof element.choicesStep === "number" && element.choicesStep > 0 ? element.choicesStep : 1;
    for (let v = element.choicesMin; v <= element.choicesMax && out.length < 10_000; v += step) out.push({ value: v, label: String(v) });
  }
  for (const [show, value, text] of SPECIAL_ITEMS) {
    if (element[show] === true && !out.some((c) => c.value === value)) {
      out.push({ value, label: localized(element[text], lang) ?? SPECIAL_LABELS[value][lang] });
    }
  }
  return out;
}

function listCategories(choices: unknown, lang: Language): Category[] {
  if (!Array.isArray(choices)) return [];
  const out: Category[] = [];
  for (const item of choices) {
    if (typeof item === "number" || typeof item === "boolean") out.push({ value: item, label: String(item) });
    else if (typeof item === "string") {
      // SurveyJS reads "value|text" as a value with its text.
      const bar = item.indexOf("|");
      out.push(bar > 0 ? { value: item.slice(0, bar), label: item.slice(bar + 1) } : { value: item, label: item });
    } else if (isJsonObject(item) && isScalar(item.value)) {
      out.push({ value: item.value, label: localized(item.text, lang) ?? String(item.value) });
    }
  }
  return out;
}

function ratingCategories(element: JsonObject, lang: Language): Category[] {
  if (Array.isArray(element.rateValues) && element.rateValues.length > 0) return listCategories(element.rateValues, lang);
  const min = typeof element.rateMin === "number" ? element.rateMin : 1;
  const step = typeof element.rateStep === "number" && element.rateStep > 0 ? element.rateStep : 1;
  const max =
    typeof element.rateMax === "number"
      ? element.rateMax
      : typeof element.rateCount === "number"
        ? min + (element.rateCount - 1) * step
        : 5;
  const out: Category[] = [];
  for (let v = min; v <= max + 1e-9 && out.length < 1000; v += step) out.push({ value: Number(v.toFixed(10)), label: String(Number(v.toFixed(10))) });
  return out;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function scalarOr(value: unknown, fallback: string | number | boolean): string | number | boolean {
  return isScalar(value) ? value : fallback;
}
