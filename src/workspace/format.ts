import { INTL_LOCALE as LOCALE, type Language, SURVEY_LOCALE } from "../../i18n/language.js";
import { DEFAULT_TIME_ZONE, zonedInputInstant, zonedInputValue, zoneName as zoneNameIn } from "../lib/time-zone.js";

/**
 * A moment as the wall-clock time in a time zone, e.g. 2024-05-01 14:03: a survey's dates in the
 * survey's zone; an account's (tokens, users) in the platform's default zone.
 */
export function dateTime(iso: string | null | undefined, lang: Language, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(date);
}

/** The time zone a survey's dates are shown and entered in. */
export function surveyZone(survey: { timeZone?: string }): string {
  return survey.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The zone's name from the boot data's list in the page's language (北京时间, 烏魯木齊時間), else its IANA name. */
export function zoneName(timeZone: string, names: Readonly<Record<string, string>>): string {
  return zoneNameIn(timeZone, names);
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

/** An ISO moment as the value of a `datetime-local` input in the zone (`2024-05-01T14:03`). */
export function toZoneInput(iso: string | null, timeZone: string): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? "" : zonedInputValue(ms, timeZone);
}

/**
 * A `datetime-local` value read as the wall-clock time in the zone, as ISO 8601 with the zone's
 * offset at that moment (which daylight saving time may change); null when empty. Text that is
 * no such time goes to the server as it is, whose 400 says what is wrong with it.
 */
export function fromZoneInput(value: string, timeZone: string): string | null {
  return value ? (zonedInputInstant(value, timeZone) ?? value) : null;
}
