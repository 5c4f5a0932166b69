import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./language.js";

/** Where a request's language can come from, strongest first. */
export interface LanguageSources {
  /** `?lang=`: a language tag (`zh-Hant`, `zh-TW`, `en-GB` …). */
  query?: string | null;
  /** The language the signed-in user chose, once there are sessions. */
  session?: Language | null;
  /** The language this browser chose in a page, remembered in the `dj_lang` cookie. */
  cookie?: string | null;
  /** The `Accept-Language` header. */
  acceptLanguage?: string | null;
}

/**
 * The language to answer a request in: `?lang=`, then the session's choice, then the browser's
 * remembered choice (the cookie), then the first
 * `Accept-Language` range (by q-value, then order) the platform speaks, English when the header
 * names only other languages, else (no header) Simplified Chinese.
 *
 * @example
 * negotiateLanguage({ acceptLanguage: "en;q=0.5, zh-TW" }); // => "zh-Hant"
 * negotiateLanguage({ query: "en", acceptLanguage: "zh-TW" }); // => "en"
 * negotiateLanguage({ cookie: "zh-Hant", acceptLanguage: "en" }); // => "zh-Hant"
 */
export function negotiateLanguage(sources: LanguageSources): Language {
  const asked = sources.query ? languageOfTag(sources.query) : null;
  if (asked) return asked;
  if (sources.session && isLanguage(sources.session)) return sources.session;
  if (sources.cookie && isLanguage(sources.cookie)) return sources.cookie;
  if (sources.acceptLanguage) {
    const tags = acceptedTags(sources.acceptLanguage);
    for (const tag of tags) {
      const found = languageOfTag(tag);
      if (found) return found;
    }
    // A reader who asks only for languages the platform lacks reads English sooner than Chinese.
    if (tags.length > 0) return "en";
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The platform's language for one BCP 47 tag, or null: Chinese by script, else by region
 * (Taiwan, Hong Kong and Macao write Traditional), any other Chinese Simplified; any English.
 *
 * @example
 * languageOfTag("zh-HK"); // => "zh-Hant"
 */
export function languageOfTag(tag: string): Language | null {
  const parts = tag.trim().toLowerCase().replace(/_/g, "-").split("-");
  if (parts[0] === "en") return "en";
  if (parts[0] !== "zh") return null;
  const rest = parts.slice(1);
  if (rest.includes("hant")) return "zh-Hant";
  if (rest.includes("hans")) return "zh-Hans";
  if (rest.some((p) => p === "tw" || p === "hk" || p === "mo")) return "zh-Hant";
  return "zh-Hans";
}

/** The ranges of an `Accept-Language` header by preference: q-value, then order; q=0 means "not this". */
function acceptedTags(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [range, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.range !== "" && r.range !== "*" && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((r) => r.range);
}
