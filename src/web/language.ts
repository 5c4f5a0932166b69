import { PAGE_LOCALE, type Language } from "../../i18n/language.js";
import { languageOfTag } from "../../i18n/negotiate.js";
import { LOCALE_INFO } from "./messages.js";

const LANG_KEY = "dj-lang";

/** `?lang=` first, then the language chosen last time, then Simplified Chinese. Any spelling of a tag is read (zh-tw, zh-Hant, zh-HK). */
export function initialLocale(available: readonly Language[]): Language {
  const query = new URLSearchParams(location.search).get("lang");
  const asked = query ? languageOfTag(query) : null;
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LANG_KEY);
  } catch {
    // No storage: no memory of the choice.
  }
  const recalled = remembered ? languageOfTag(remembered) : null;
  return available.find((l) => l === asked) ?? available.find((l) => l === recalled) ?? "zh-Hans";
}

/** Keeps the choice for the next visit, and in the address so a reload or a shared link keeps it. */
export function rememberLocale(locale: Language): void {
  try {
    localStorage.setItem(LANG_KEY, locale);
  } catch {
    // Remembered for this page only.
  }
  const url = new URL(location.href);
  // Spelt as SurveyJS does (zh-tw), as links to the page have always been.
  if (locale === "zh-Hans") url.searchParams.delete("lang");
  else url.searchParams.set("lang", PAGE_LOCALE[locale]);
  history.replaceState(history.state, "", url);
}

/** The language buttons; hidden when the questionnaire has only one language. */
export function renderLanguageSwitch(nav: HTMLElement, available: readonly Language[], current: Language, label: string, onSwitch: (locale: Language) => void): void {
  nav.textContent = "";
  nav.hidden = available.length < 2;
  nav.setAttribute("aria-label", label);
  for (const locale of available) {
    const button = document.createElement("button");
    button.type = "button";
    button.lang = LOCALE_INFO[locale].htmlLang;
    button.dataset.locale = PAGE_LOCALE[locale];
    button.textContent = LOCALE_INFO[locale].label;
    button.setAttribute("aria-pressed", String(locale === current));
    button.addEventListener("click", () => onSwitch(locale));
    nav.append(button);
  }
}
