/** What an export's labels are written in. */
import { LANGUAGES, type Language } from "../../../i18n/language.js";

/** What choice cells of a CSV/XLSX export show: texts in a language, or the stored values. */
export type LabelMode = Language | "values";

export const LABEL_MODES: readonly LabelMode[] = [...LANGUAGES, "values"];

/** The language labels are written in: "values" keeps Simplified Chinese for question texts. */
export function labelLanguageOf(mode: LabelMode): Language {
  return mode === "values" ? "zh-Hans" : mode;
}

/** Fixed words of the exports (flags, meta variables), per language. */
export const WORDS: Record<Language, Record<"selected" | "notSelected" | "notAsked" | "complete" | "partial" | "id" | "version" | "completeQ" | "createdAt" | "completedAt" | "separator" | "otherText" | "comment", string>> = {
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
