import { LANGUAGES, type Language } from "../../../i18n/language.js";
import { LOCALE_INFO } from "../../web/messages.js";
import { useBoot } from "../context.js";

/** The cookie the server reads the chosen language from (src/middleware/language.ts). */
const COOKIE = "dj_lang";

/** Remembers the language for a year and loads the page again in it (its words come with the page). */
function choose(lang: Language) {
  // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie, read by the server; the Cookie Store API is missing from older browsers
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
  window.location.reload();
}

/** 简体中文 · 繁體中文 · English: buttons, the current one pressed. */
export function LanguageSwitch() {
  const { lang, words } = useBoot();
  return (
    <fieldset class="languages">
      <legend class="visually-hidden">{words.nav.language}</legend>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" class="lang" lang={LOCALE_INFO[l].htmlLang} aria-pressed={l === lang} onClick={() => l !== lang && choose(l)}>
          {LOCALE_INFO[l].label}
        </button>
      ))}
    </fieldset>
  );
}
