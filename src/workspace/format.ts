import { type Language, SURVEY_LOCALE } from "../../i18n/language.js";

const LOCALE: Record<Language, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", en: "en-GB" };
const ZONE = "Asia/Shanghai";

/** A moment as Beijing time, e.g. 2024-05-01 14:03. */
export function dateTime(iso: string | null | undefined, lang: Language): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(
    date,
  );
}

/** A count with the language's digit grouping. */
export function count(n: number | null | undefined, lang: Language): string {
  return n === null || n === undefined ? "" : new Intl.NumberFormat(LOCALE[lang]).format(n);
}

/** part / whole as a percentage with one decimal, or "" when the whole is 0. */
export function percent(part: number, whole: number | null | undefined, lang: Language): string {
  if (!whole) return "";
  return new Intl.NumberFormat(LOCALE[lang], { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(part / whole);
}

/**
 * A questionnaire title in the page's language: a plain string, or SurveyJS texts by
 * locale (`default` is Simplified Chinese, the fallback of all three).
 */
export function surveyTitle(title: unknown, name: string, lang: Language): string {
  if (typeof title === "string") return title || name;
  if (title && typeof title === "object") {
    const texts = title as Record<string, unknown>;
    for (const key of [SURVEY_LOCALE[lang], lang === "zh-Hans" ? "default" : "", "default", "zh-cn"]) {
      const text = texts[key];
      if (key && typeof text === "string" && text) return text;
    }
  }
  return name;
}

/** An ISO moment as the value of a `datetime-local` input in Beijing time (`2024-05-01T14:03`). */
export function toBeijingInput(iso: string | null): string {
  if (!iso) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value read as Beijing time, as ISO 8601 with its offset; null when empty. */
export function fromBeijingInput(value: string): string | null {
  return value ? `${value.length === 16 ? `${value}:00` : value}+08:00` : null;
}
