import { LOCALE_INFO, type PageLocale } from "./messages.js";

const LANG_KEY = "dj-lang";

/** `?lang=` first, then the language chosen last time, then Simplified Chinese. */
export function initialLocale(available: readonly PageLocale[]): PageLocale {
  const asked = new URLSearchParams(location.search).get("lang")?.toLowerCase();
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LANG_KEY);
  } catch {
    // No storage: no memory of the choice.
  }
  return available.find((l) => l === asked) ?? available.find((l) => l === remembered) ?? "zh-cn";
}

/** Keeps the choice for the next visit, and in the address so a reload or a shared link keeps it. */
export function rememberLocale(locale: PageLocale): void {
  try {
    localStorage.setItem(LANG_KEY, locale);
  } catch {
    // Remembered for this page only.
  }
  const url = new URL(location.href);
  if (locale === "zh-cn") url.searchParams.delete("lang");
  else url.searchParams.set("lang", locale);
  history.replaceState(history.state, "", url);
}

/** The language buttons; hidden when the questionnaire has only one language. */
export function renderLanguageSwitch(
  nav: HTMLElement,
  available: readonly PageLocale[],
  current: PageLocale,
  label: string,
  onSwitch: (locale: PageLocale) => void,
): void {
  nav.textContent = "";
  nav.hidden = available.length < 2;
  nav.setAttribute("aria-label", label);
  for (const locale of available) {
    const button = document.createElement("button");
    button.type = "button";
    button.lang = LOCALE_INFO[locale].htmlLang;
    button.dataset.locale = locale;
    button.textContent = LOCALE_INFO[locale].label;
    button.setAttribute("aria-pressed", String(locale === current));
    button.addEventListener("click", () => onSwitch(locale));
    nav.append(button);
  }
}
