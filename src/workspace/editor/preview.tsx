/**
 * The live preview: the draft rendered by survey-js-ui as respondents see it, in one of the
 * survey's languages, at a desktop or a phone width. Each edit re-renders it after a short
 * pause; the answers typed into the preview and its page are carried over to the new model.
 */
import { Model, SvgRegistry, surveyLocalization } from "survey-core";
import "survey-core/i18n/simplified-chinese";
import "survey-core/i18n/traditional-chinese";
import { renderSurvey } from "survey-js-ui";
import { useEffect, useRef, useState } from "preact/hooks";
import { LANGUAGES, PAGE_LOCALE, type Language } from "../../../i18n/language.js";
import { SURVEY_STRING_FIXES } from "../../web/messages.js";
import { useWords } from "../context.js";
import type { Json } from "./element-path.js";
import { applyPatches, patchesBetween } from "./preview-patch.js";

/** Short enough to feel immediate, long enough to take one render per burst of keys. */
const DEBOUNCE_MS = 30;

surveyLocalization.defaultLocale = "zh-cn";
for (const [lang, fixes] of Object.entries(SURVEY_STRING_FIXES) as [Language, Record<string, string>][]) {
  Object.assign(surveyLocalization.locales[PAGE_LOCALE[lang]] ?? {}, fixes);
}

// survey-js-ui writes its icons into the page as markup; the workspace's CSP (no inline style)
// would refuse their style attributes, one violation per render, so they go before it sees them.
const icons = (SvgRegistry as unknown as { icons: Record<string, string> }).icons;
for (const id of Object.keys(icons)) icons[id] = icons[id].replace(/\sstyle="[^"]*"/g, "");

/** The languages a questionnaire has texts in (Simplified Chinese always: it is the default). */
export function surveyLanguages(model: Model): Language[] {
  const used = model.getUsedLocales();
  return LANGUAGES.filter((l) => l === "zh-Hans" || used.includes(PAGE_LOCALE[l]));
}

/**
 * @param json the draft (the last valid one)
 * @param pageName the page to show: the one holding the selected element
 */
export function Preview({ json, pageName }: { json: Json; pageName: string | undefined }) {
  const w = useWords();
  const box = useRef<HTMLDivElement>(null);
  const model = useRef<Model | null>(null);
  const renders = useRef(0);
  const [lang, setLang] = useState<Language>("zh-Hans");
  const [languages, setLanguages] = useState<Language[]>(["zh-Hans"]);
  const [phone, setPhone] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const shown = useRef<{ json: Json; lang: Language } | null>(null);

  useEffect(() => {
    const element = box.current;
    const current = model.current;
    // A change of some elements' properties: patched at once, no pause needed.
    if (element && current && shown.current && shown.current.lang === lang) {
      const patches = patchesBetween(shown.current.json, json);
      if (patches && applyPatches(current, patches)) {
        shown.current = { json, lang };
        const page = pageName ? current.getPageByName(pageName) : null;
        if (page?.isVisible && current.currentPage !== page) current.currentPage = page;
        count(element);
        return;
      }
    }
    const timer = setTimeout(() => {
      if (!element) return;
      try {
        const before = model.current;
        const next = new Model(json);
        next.showBrandInfo = false;
        next.showCompletedPage = false;
        if (json.widthMode === undefined) next.widthMode = "responsive";
        next.textUpdateMode = "onTyping";
        next.locale = PAGE_LOCALE[lang];
        if (before) next.data = before.data;
        const page = pageName ? next.getPageByName(pageName) : null;
        if (page?.isVisible) next.currentPage = page;
        else if (before && before.currentPageNo < next.visiblePages.length) next.currentPageNo = before.currentPageNo;
        model.current = next;
        shown.current = { json, lang };
        renderSurvey(next, element);
        before?.dispose();
        count(element);
        const found = surveyLanguages(next);
        setLanguages((old) => (old.join() === found.join() ? old : found));
        setFailed(null);
      } catch (err) {
        setFailed(err instanceof Error ? err.message : String(err));
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [json, pageName, lang]);

  /** Counts renders on the element: tests and the benchmark wait for the next one. */
  const count = (element: HTMLElement) => {
    renders.current += 1;
    element.dataset.renders = String(renders.current);
  };

  useEffect(() => () => model.current?.dispose(), []);

  return (
    <section class="editor-preview" aria-label={w.editor.preview}>
      <div class="editor-toolbar">
        <fieldset class="segmented">
          <legend class="visually-hidden">{w.editor.previewLanguage}</legend>
          {languages.map((l) => (
            <button key={l} type="button" class="button small" aria-pressed={l === lang} onClick={() => setLang(l)}>
              {w.editor.languages[l]}
            </button>
          ))}
        </fieldset>
        <fieldset class="segmented">
          <legend class="visually-hidden">{w.editor.preview}</legend>
          <button type="button" class="button small" aria-pressed={!phone} onClick={() => setPhone(false)}>
            {w.editor.desktop}
          </button>
          <button type="button" class="button small" aria-pressed={phone} onClick={() => setPhone(true)}>
            {w.editor.phone}
          </button>
        </fieldset>
      </div>
      {failed ? <p class="problem">{failed}</p> : null}
      <div class={phone ? "preview-frame preview-phone" : "preview-frame"}>
        <div ref={box} class="preview-survey" lang={PAGE_LOCALE[lang] === "zh-cn" ? "zh-CN" : PAGE_LOCALE[lang] === "zh-tw" ? "zh-TW" : "en"} />
      </div>
    </section>
  );
}
