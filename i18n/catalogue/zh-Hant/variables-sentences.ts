/** 關於衍生變數（題目的重新編碼），伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

const q = (text: string) => `「${text}」`;

export const variables: Sentences["variables"] = {
  invalid: (p) => `無法按所傳送的內容定義衍生變數${q(p.name)}；errors 的每一項說明是哪個欄位以及原因。`,
  notFound: (p) => `問卷${q(p.survey)}沒有衍生變數${q(p.name)}。`,
  textForm: (p) => `應為 1 至 ${p.max} 個字元的文字`,
  labelForm: () => "標籤應為文字，或以 zh-Hans、zh-Hant、en 為鍵的文字物件",
  groupsForm: () => "groups 應為物件：每個分組的名稱，對應它所包含的選項值清單",
  nameForm: () => "名稱應為 1 至 64 個字母、數字、「_」、「.」或「-」，以字母或「_」開頭（不能有空格或引號）",
  nameReserved: (p) => `${q(p.name)}是每個 JavaScript 物件都有的屬性，不能用作變數名稱`,
  nameIsQuestion: (p) => `${q(p.name)}已是本問卷某道題目的名稱`,
  nameTaken: (p) => `${q(p.name)}已是本問卷另一個衍生變數的名稱`,
  oneRule: () => "groups、bins、option、equals 須且只須給出一項",
  fromVariable: (p) => `${q(p.name)}是衍生變數：衍生變數須由問卷中的題目產生`,
  groupsNeedChoice: (p) => `分組只能合併單選題的選項；${q(p.name)}是${p.type}題`,
  groupsNone: () => "請至少命名一個分組",
  groupEmpty: (p) => `分組${q(p.group)}沒有列出任何選項`,
  inTwoGroups: (p) => `${q(p.value)}同時在分組${q(p.first)}和分組${q(p.second)}中`,
  binsNeedNumber: (p) => `分段只能劃分數字題的答案；${q(p.name)}是${p.type}題`,
  binsNone: () => "請至少列出一個分段",
  binEmpty: (p) => `分段${q(p.label)}不含任何數值：其下限（含）須小於上限（不含）`,
  binsOverlap: (p) => `分段${q(p.first)}與分段${q(p.second)}重疊（下限含、上限不含）`,
  binLabelTwice: (p) => `有兩個分段都叫${q(p.label)}`,
  optionNeedsMultiple: (p) => `option 標記複選題的某一個選項；${q(p.name)}是${p.type}題`,
  equalsNeedsNumberOrChoice: (p) => `equals 只能比較數字題或單選題；${q(p.name)}是${p.type}題`,
  equalsNumber: (p) => `${q(p.name)}的答案是數字：equals 須為數字`,
};
