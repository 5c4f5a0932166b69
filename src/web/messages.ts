/** The page's languages: SurveyJS locale codes, `zh-cn` being the questionnaires' default. */
export type PageLocale = "zh-cn" | "zh-tw" | "en";

export const PAGE_LOCALES: readonly PageLocale[] = ["zh-cn", "zh-tw", "en"];

/** How each language names itself in the switch, and its `<html lang>`. */
export const LOCALE_INFO: Record<PageLocale, { label: string; htmlLang: string }> = {
  "zh-cn": { label: "简体中文", htmlLang: "zh-CN" },
  "zh-tw": { label: "繁體中文", htmlLang: "zh-TW" },
  en: { label: "English", htmlLang: "en" },
};

/** The page's own texts (SurveyJS brings its own for the form). */
export interface Messages {
  restored: string;
  submitting: string;
  pendingTitle: string;
  networkFailed: string;
  serverBusy: string;
  retryNow: string;
  rejectedTitle: string;
  rejectedHint: string;
  backToEdit: string;
  conflictTitle: string;
  conflictText: string;
  submitAsNew: string;
  failedTitle: string;
  failedText: (status: number, detail: string) => string;
  attempts: (n: number) => string;
  storageUnavailable: string;
  languageLabel: string;
}

export const MESSAGES: Record<PageLocale, Messages> = {
  "zh-cn": {
    restored: "已恢复您上次未填完的答卷，可以接着填写。",
    submitting: "正在提交答卷…",
    pendingTitle: "答卷已填写完成，正在提交",
    networkFailed: "网络连接失败，答卷已保存在本机，将自动重试。请不要清除浏览器数据。",
    serverBusy: "服务器暂时无法接收答卷，答卷已保存在本机，将自动重试。",
    retryNow: "立即重试",
    rejectedTitle: "答卷未被接受",
    rejectedHint: "服务器指出以下问题，请返回修改后重新提交：",
    backToEdit: "返回修改",
    conflictTitle: "答卷编号冲突",
    conflictText:
      "服务器上已有一份使用同一编号但答案不同的答卷，服务器保留了先提交的那一份。您这次填写的答案仍完整保存在本机，可以作为一份新答卷提交。",
    submitAsNew: "作为新答卷提交",
    failedTitle: "提交失败",
    failedText: (status, detail) => `服务器拒绝了提交（HTTP ${status}）${detail ? `：${detail}` : "。"} 答卷仍保存在本机。`,
    attempts: (n) => `已尝试 ${n} 次`,
    storageUnavailable: "此浏览器不允许本地保存，关闭页面前请务必提交答卷。",
    languageLabel: "语言",
  },
  "zh-tw": {
    restored: "已恢復您上次未填完的答卷，可以接著填寫。",
    submitting: "正在提交答卷…",
    pendingTitle: "答卷已填寫完成，正在提交",
    networkFailed: "網路連線失敗，答卷已儲存在本機，將自動重試。請不要清除瀏覽器資料。",
    serverBusy: "伺服器暫時無法接收答卷，答卷已儲存在本機，將自動重試。",
    retryNow: "立即重試",
    rejectedTitle: "答卷未被接受",
    rejectedHint: "伺服器指出以下問題，請返回修改後重新提交：",
    backToEdit: "返回修改",
    conflictTitle: "答卷編號衝突",
    conflictText:
      "伺服器上已有一份使用同一編號但答案不同的答卷，伺服器保留了先提交的那一份。您這次填寫的答案仍完整儲存在本機，可以作為一份新答卷提交。",
    submitAsNew: "作為新答卷提交",
    failedTitle: "提交失敗",
    failedText: (status, detail) => `伺服器拒絕了提交（HTTP ${status}）${detail ? `：${detail}` : "。"} 答卷仍儲存在本機。`,
    attempts: (n) => `已嘗試 ${n} 次`,
    storageUnavailable: "此瀏覽器不允許本機儲存，關閉頁面前請務必提交答卷。",
    languageLabel: "語言",
  },
  en: {
    restored: "Your unfinished answers have been restored; you can carry on.",
    submitting: "Submitting your answers…",
    pendingTitle: "Your answers are complete and being submitted",
    networkFailed: "The network connection failed. Your answers are saved on this device and will be sent automatically. Please do not clear the browser's data.",
    serverBusy: "The server cannot take answers right now. They are saved on this device and will be sent automatically.",
    retryNow: "Retry now",
    rejectedTitle: "Answers not accepted",
    rejectedHint: "The server found these problems; please go back, correct them and submit again:",
    backToEdit: "Go back and edit",
    conflictTitle: "Response id conflict",
    conflictText:
      "The server already holds a different response under the same id and keeps the one submitted first. Your answers are still saved on this device and can be submitted as a new response.",
    submitAsNew: "Submit as a new response",
    failedTitle: "Submission failed",
    failedText: (status, detail) => `The server refused the submission (HTTP ${status})${detail ? `: ${detail}` : "."} Your answers are still saved on this device.`,
    attempts: (n) => `${n} attempt(s) so far`,
    storageUnavailable: "This browser does not allow saving on the device: please submit before closing the page.",
    languageLabel: "Language",
  },
};

/**
 * SurveyJS's bundled Chinese strings include machine translations that read wrongly on a
 * form ("OK" as 还行, "so-so"; a placeholder translated into {面板索引}, so it never fills
 * in; "Loading..." as 装载。。。); these replace the ones a respondent can meet.
 */
export const SURVEY_STRING_FIXES: Partial<Record<PageLocale, Record<string, string>>> = {
  "zh-cn": {
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
  "zh-tw": {
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
