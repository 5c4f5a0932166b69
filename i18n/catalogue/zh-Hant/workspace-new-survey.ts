/** 工作台的新建問卷頁面。 */
import type { NewSurveyWords } from "../sections/workspace-new-survey.js";

export const newSurvey: NewSurveyWords = {
  heading: "新建問卷",
  intro: "新問卷先作為草稿在編輯器中開啟：發布問卷（即第 1 版）並開放之前，它沒有填寫頁面。",
  name: "名稱",
  nameHint: "1–80 個小寫字母、數字、「-」或「_」，用作問卷的網址：/s/{name}",
  title: "標題（可不填）",
  titleHint: "不填則沿用所選問卷的標題，沒有時用名稱。",
  start: "從哪裡開始",
  empty: "空白問卷",
  shipped: "平台內建的問卷",
  copy: "複製另一份問卷",
  shippedLabel: "內建問卷",
  copyLabel: "要複製的問卷",
  copyHint: "複製它的目前版本（尚未發布時複製其草稿）和繁體標準。",
  nothingToCopy: "沒有您可以檢視、可供複製的問卷。",
  create: "建立並編輯",
};
