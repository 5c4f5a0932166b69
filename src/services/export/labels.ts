/** Label languages of exports and the questionnaire locales they read. */

/** The three languages questionnaires carry: Simplified, Traditional Chinese, English. */
export type LabelLanguage = "zh-Hans" | "zh-Hant" | "en";

/** What choice cells of a CSV/XLSX export show: texts in a language, or the stored values. */
export type LabelMode = LabelLanguage | "values";

export const LABEL_LANGUAGES: readonly LabelLanguage[] = ["zh-Hans", "zh-Hant", "en"];
export const LABEL_MODES: readonly LabelMode[] = [...LABEL_LANGUAGES, "values"];

/** The survey-core locale holding each language: "default" strings are Simplified Chinese. */
export const SURVEY_LOCALE: Record<LabelLanguage, string> = { "zh-Hans": "", "zh-Hant": "zh-tw", en: "en" };

/** One text in every label language (missing translations fall back to the default text). */
export type Texts = Record<LabelLanguage, string>;

/** The same string in every language. */
export function sameTexts(text: string): Texts {
  return { "zh-Hans": text, "zh-Hant": text, en: text };
}

/** The language labels are written in: "values" keeps Simplified Chinese for question texts. */
export function labelLanguageOf(mode: LabelMode): LabelLanguage {
  return mode === "values" ? "zh-Hans" : mode;
}

/** Fixed words of the exports (flags, meta variables), per language. */
export const WORDS: Record<LabelLanguage, Record<"selected" | "notSelected" | "notAsked" | "complete" | "partial" | "id" | "version" | "completeQ" | "createdAt" | "completedAt" | "separator" | "otherText" | "comment", string>> = {
  "zh-Hans": {
    selected: "选中", notSelected: "未选", notAsked: "未问（跳答）", complete: "已完成", partial: "未完成",
    id: "答卷编号", version: "问卷版本", completeQ: "是否完成", createdAt: "提交时间（UTC）", completedAt: "完成时间（UTC）", separator: "：",
    otherText: "（填写内容）", comment: "（备注）",
  },
  "zh-Hant": {
    selected: "選中", notSelected: "未選", notAsked: "未問（跳答）", complete: "已完成", partial: "未完成",
    id: "答卷編號", version: "問卷版本", completeQ: "是否完成", createdAt: "提交時間（UTC）", completedAt: "完成時間（UTC）", separator: "：",
    otherText: "（填寫內容）", comment: "（備註）",
  },
  en: {
    selected: "Selected", notSelected: "Not selected", notAsked: "Not asked (skipped)", complete: "Complete", partial: "Partial",
    id: "Response id", version: "Questionnaire version", completeQ: "Complete", createdAt: "Submitted at (UTC)", completedAt: "Completed at (UTC)", separator: ": ",
    otherText: " (text)", comment: " (comment)",
  },
};
