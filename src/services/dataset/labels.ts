/** What an export's labels are written in. */
import { LANGUAGES, type Language } from "../../../i18n/language.js";

/** What choice cells of a CSV/XLSX export show: texts in a language, or the stored values. */
export type LabelMode = Language | "values";

export const LABEL_MODES: readonly LabelMode[] = [...LANGUAGES, "values"];

/** The language labels are written in: "values" keeps Simplified Chinese for question texts. */
export function labelLanguageOf(mode: LabelMode): Language {
  return mode === "values" ? "zh-Hans" : mode;
}
