import type { PageWords } from "../../i18n/catalogue/catalogue.js";
import { page as en } from "../../i18n/catalogue/en/page.js";
import { page as zhHans } from "../../i18n/catalogue/zh-Hans/page.js";
import { page as zhHant } from "../../i18n/catalogue/zh-Hant/page.js";
import { LANGUAGES, type Language } from "../../i18n/language.js";

/** The page's languages, the questionnaires' default (Simplified Chinese) first. */
export const PAGE_LANGUAGES: readonly Language[] = LANGUAGES;

/** How each language names itself in the switch, and its `<html lang>`. */
export const LOCALE_INFO: Record<Language, { label: string; htmlLang: string }> = {
  "zh-Hans": { label: "简体中文", htmlLang: "zh-CN" },
  "zh-Hant": { label: "繁體中文", htmlLang: "zh-TW" },
  en: { label: "English", htmlLang: "en" },
};

/** The page's own texts (SurveyJS brings its own for the form). */
export type Messages = PageWords;

/**
 * The `page` section of each catalogue. Only that section is imported, so the bundle does
 * not carry the server's sentences, report words and chart words.
 */
export const MESSAGES: Record<Language, Messages> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/**
 * SurveyJS's bundled Chinese strings include machine translations that read wrongly on a
 * form ("OK" as 还行, "so-so"; a placeholder translated into {面板索引}, so it never fills
 * in; "Loading..." as 装载。。。); these replace the ones a respondent can meet.
 */
export const SURVEY_STRING_FIXES: Partial<Record<Language, Record<string, string>>> = {
  "zh-Hans": {
    ok: "确定",
    tagboxDoneButtonCaption: "确定",
    commentText: "请填写说明",
    addPanel: "添加",
    panelDynamicProgressText: "第 {0} 项，共 {1} 项",
    panelDynamicTabTextFormat: "第 {panelIndex} 项",
    ratingOptionsCaption: "请选择…",
    buttongroupOptionsCaption: "请选择…",
    placeholder: "请选择…",
    rowIndexTemplateTitle: "第 {rowIndex} 行",
    choices_Choice: "选项",
    filterStringPlaceholder: "输入以搜索…",
    loadingPage: "加载中…",
    loadingData: "加载中…",
    progressText: "第 {0} 页，共 {1} 页",
    completingSurvey: "感谢您的参与！",
  },
  "zh-Hant": {
    ok: "確定",
    tagboxDoneButtonCaption: "確定",
    commentText: "請填寫說明",
    panelDynamicProgressText: "第 {0} 項，共 {1} 項",
    panelDynamicTabTextFormat: "第 {panelIndex} 項",
    ratingOptionsCaption: "請選擇…",
    buttongroupOptionsCaption: "請選擇…",
    placeholder: "請選擇…",
    rowIndexTemplateTitle: "第 {rowIndex} 行",
    choices_Choice: "選項",
    filterStringPlaceholder: "輸入以搜尋…",
    loadingPage: "載入中…",
    loadingData: "載入中…",
    progressText: "第 {0} 頁，共 {1} 頁",
    completingSurvey: "感謝您的參與！",
  },
};
